"""Finding pages without a browser: URLs, scope, robots.txt, sitemaps, pacing, the frontier,
storage state, URL templates and journey specs."""
