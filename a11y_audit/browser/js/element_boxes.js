// Where elements axe reported are, in CSS pixels of the top document (as the full-page
// screenshot is taken). arguments[0] is a list of axe targets: the first part names the
// element in this document, or the iframe holding it for a target inside a frame; a part
// that is itself a list is a path through shadow roots (host first). A box is null when the
// selector finds nothing or the element is not rendered (display: none, detached).
const targets = arguments[0];
const doc = document.documentElement;
const body = document.body || doc;
return {
  page: {
    width: Math.max(doc.scrollWidth, body.scrollWidth, doc.clientWidth),
    height: Math.max(doc.scrollHeight, body.scrollHeight, doc.clientHeight),
  },
  boxes: targets.map((target) => {
    const el = Array.isArray(target) && target.length ? resolveAxePart(target[0]) : null;
    if (!el || el.getClientRects().length === 0) return { target: target, box: null };
    const box = el.getBoundingClientRect();
    return {
      target: target,
      box: [
        Math.round(box.left + window.scrollX),
        Math.round(box.top + window.scrollY),
        Math.round(box.width),
        Math.round(box.height),
      ],
    };
  }),
};
