"""Finding pages without a browser: URLs, scope, robots.txt, sitemaps, pacing, the frontier,
storage state, and journey specs."""
