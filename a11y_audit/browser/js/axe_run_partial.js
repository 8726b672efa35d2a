// Runs axe.runPartial in a child frame and returns its partial result together with the
// frames axe wants audited inside it (the pattern of the official axe-core WebDriver
// integrations: it works across origins because no postMessage between frames is needed).
const [context, options, done] = arguments;
axe.runPartial(context, options)
  .then((partial) => done({
    partial: partial,
    frames: axe.utils.getFrameContexts(context, options).map((frame) => ({
      frameSelector: frame.frameSelector,
      frameContext: frame.frameContext,
    })),
  }))
  .catch((error) => done({ error: String(error && error.message || error) }));
