// The element one part of an axe target names in this document: a selector, or a list of
// selectors that is a path through shadow roots (host first). null when a selector is invalid
// or finds nothing, or a host on the path has no open shadow root.
function resolveAxePart(part) {
  const path = typeof part === 'string' ? [part] : part;
  let root = document;
  let el = null;
  for (let i = 0; i < path.length; i += 1) {
    try {
      el = root.querySelector(path[i]);
    } catch (error) {
      return null;
    }
    if (!el) return null;
    if (i < path.length - 1) {
      root = el.shadowRoot;
      if (!root) return null;
    }
  }
  return el;
}
