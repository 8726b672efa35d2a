// Runs axe.runPartial on the top document. Without child frames it finishes the run right
// here; with frames it keeps its own partial result in the page (it is large and would only
// travel to Python and back) and returns the frames axe wants audited next.
const [options, done] = arguments;
axe.runPartial(document, options)
  .then((partial) => {
    const frames = axe.utils.getFrameContexts(document, options).map((frame) => ({
      frameSelector: frame.frameSelector,
      frameContext: frame.frameContext,
    }));
    if (frames.length === 0) {
      return axe.finishRun([partial], options).then((results) => done({ results: results }));
    }
    Object.defineProperty(window, "__a11yAuditTopPartial", { value: partial, configurable: true });
    done({ frames: frames });
  })
  .catch((error) => done({ error: String(error && error.message || error) }));
