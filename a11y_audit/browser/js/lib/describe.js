// describe(el): how gatherers name an element in their artifacts, so a check's verdict can
// point at it (a11y_audit.check.Target). The selector starts at the nearest ancestor with a
// unique id ("#main > ul:nth-of-type(2) > li:nth-of-type(3) > a"), or is "#id" itself; the
// snippet is the outer HTML cut to 600 characters, as the engine cuts saved-DOM snippets.
function describe(el) {
  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/[^\w-]/g, '\\$&');
  }
  function uniqueId(node) {
    if (!node.id) return null;
    var selector = '#' + cssEscape(node.id);
    try {
      return document.querySelectorAll(selector).length === 1 ? selector : null;
    } catch (e) {
      return null;
    }
  }
  function step(node) {
    var tag = node.localName;
    var index = 1;
    for (var sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.localName === tag) index++;
    }
    return tag + ':nth-of-type(' + index + ')';
  }
  var parts = [];
  var node = el;
  while (node && node.nodeType === 1) {
    var id = uniqueId(node);
    if (id) { parts.unshift(id); break; }
    if (node === document.documentElement) { parts.unshift('html'); break; }
    parts.unshift(step(node));
    node = node.parentElement;
  }
  var html = el.outerHTML || '';
  var box = el.getBoundingClientRect();
  return {
    selector: parts.join(' > '),
    snippet: html.length > 600 ? html.slice(0, 599) + '\u2026' : html,
    rect: {
      x: Math.round(box.left + window.scrollX),
      y: Math.round(box.top + window.scrollY),
      width: Math.round(box.width),
      height: Math.round(box.height)
    }
  };
}
