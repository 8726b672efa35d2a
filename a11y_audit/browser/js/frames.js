// Named iframes of the web page (the top document and, recursively, the readable documents of
// the frames in it, shadow trees included) that are in the accessibility tree, with what each
// shows: the address of its document after redirects and its rendered text when it can be read
// (same origin), else its resolved src. In the accessibility tree: rendered (checkVisibility,
// which also leaves out light-tree children that no slot shows) and no aria-hidden="true" on
// an ancestor of the flat tree. The name is aria-labelledby's, aria-label's or title's, the
// order of the accessible name computation for an iframe, which takes no name from content.
// arguments: [max frames, max text characters per frame]. Needs describe.js.
var maxFrames = arguments[0];
var maxText = arguments[1];
function squash(text) { return (text || '').replace(/\s+/g, ' ').trim(); }
function flatParent(node) {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  var parent = node.parentNode;
  return parent && parent.host ? parent.host : null;
}
function included(el) {
  if (el.checkVisibility && !el.checkVisibility({ checkVisibilityCSS: true })) return false;
  for (var node = el; node; node = flatParent(node)) {
    if (node.getAttribute && node.getAttribute('aria-hidden') === 'true') return false;
  }
  return true;
}
function referencedText(el, id) {
  var root = el.getRootNode();
  var target = root.getElementById ? root.getElementById(id) : null;
  if (!target) return '';
  return squash(target.getAttribute('aria-label')) || squash(target.textContent);
}
function nameOf(el) {
  var ids = squash(el.getAttribute('aria-labelledby'));
  if (ids) {
    var text = squash(ids.split(' ').map(function (id) { return referencedText(el, id); }).join(' '));
    if (text) return text;
  }
  return squash(el.getAttribute('aria-label')) || squash(el.getAttribute('title'));
}
function localPath(el) {
  // describe() names elements of the top document; inside a frame, a path from its <html>.
  var parts = [];
  for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
    if (node.id) { parts.unshift('#' + node.id); break; }
    var index = 1;
    for (var sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.localName === node.localName) index++;
    }
    parts.unshift(node.localName + ':nth-of-type(' + index + ')');
  }
  return parts.join(' > ');
}
function readable(frame) {
  try {
    var doc = frame.contentDocument;
    return doc && doc.documentElement ? doc : null;
  } catch (e) {
    return null;
  }
}
function iframesIn(root, found) {
  root.querySelectorAll('*').forEach(function (el) {
    if (el.localName === 'iframe') found.push(el);
    if (el.shadowRoot) iframesIn(el.shadowRoot, found);
  });
  return found;
}
var frames = [];
function walk(doc, prefix) {
  iframesIn(doc, []).forEach(function (el) {
    if (frames.length >= maxFrames || !included(el)) return;
    var doc2 = readable(el);
    var name = nameOf(el);
    var selector = prefix ? prefix + ' >>> ' + localPath(el) : describe(el).selector;
    if (name) {
      var html = el.outerHTML;
      var text = doc2 && doc2.body ? doc2.body.innerText || '' : '';
      var url = '';
      try { url = doc2 ? el.contentWindow.location.href : el.src || ''; } catch (e) { url = el.src || ''; }
      frames.push({
        selector: selector,
        snippet: html.length > 600 ? html.slice(0, 599) + '\u2026' : html,
        name: name,
        url: url,
        readable: !!doc2,
        complete: !!doc2 && doc2.readyState === 'complete',
        text: text.slice(0, maxText),
        truncated: text.length > maxText
      });
    }
    if (doc2) walk(doc2, selector);
  });
}
walk(document, '');
return { frames: frames };
