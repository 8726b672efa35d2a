// Runs axe.runPartial on the current frame and returns the partial result together with the
// frames axe wants audited next (the pattern of the official axe-core WebDriver integrations,
// which works for cross-origin frames because no postMessage between frames is needed).
const [given, options, done] = arguments;
const context = given == null ? document : given;
const frames = () => axe.utils.getFrameContexts(context, options).map((frame) => ({
  frameSelector: frame.frameSelector,
  frameContext: frame.frameContext,
}));
axe.runPartial(context, options)
  .then((partial) => done({ partial: partial, frames: frames() }))
  .catch((error) => done({ error: String(error && error.message || error) }));
