// Combines the top document's partial (kept in the page by axe_run_top) with the partials of
// every child frame, in depth-first order (null for frames that could not be audited).
const [childPartials, options, done] = arguments;
const top = window.__a11yAuditTopPartial;
delete window.__a11yAuditTopPartial;
axe.finishRun([top, ...childPartials], options)
  .then((results) => done({ results: results }))
  .catch((error) => done({ error: String(error && error.message || error) }));
