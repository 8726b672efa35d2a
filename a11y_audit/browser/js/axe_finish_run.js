// Combines the partial results of every frame (null for frames that could not be audited).
const [partials, options, done] = arguments;
axe.finishRun(partials, options)
  .then((results) => done({ results: results }))
  .catch((error) => done({ error: String(error && error.message || error) }));
