// Elements whose hover may show more content: the part before ":hover" of style rules that
// show or move another element (".menu-item:hover > .panel { display: grid }"), then
// elements with mouseenter/mouseover listeners (js/page_hooks.js; `script`: true). Visible ones only.
// `script` is true too for controls that declare a popup (aria-expanded, aria-haspopup, or one
// inside): frameworks listen on the document root, so their listeners are not seen, and open
// such popups after a delay.
// arguments: [maximum]. Needs hover.js.
var limit = arguments[0];
var POPUP = '[aria-expanded], [aria-haspopup]:not([aria-haspopup="false"])';
var REVEALS = /(^|;)\s*(display|visibility|opacity|max-height|height|clip|clip-path|transform|left|right|top|bottom)\s*:/i;
var selectors = [];
function walk(rules) {
  for (var i = 0; i < rules.length; i++) {
    var rule = rules[i];
    if (rule.cssRules && !rule.selectorText) { walk(rule.cssRules); continue; }
    if (!rule.selectorText || rule.selectorText.indexOf(':hover') < 0 || !REVEALS.test(rule.style.cssText)) continue;
    rule.selectorText.split(',').forEach(function (part) {
      var at = part.indexOf(':hover');
      var rest = part.slice(at + 6).trim();
      if (at < 0 || !/^[\s>+~]|^:not\([^)]*\)\s*[\s>+~]/.test(part.slice(at + 6)) || !rest) return;
      var trigger = part.slice(0, at).replace(/:hover/g, '').trim();
      if (trigger && selectors.indexOf(trigger) < 0) selectors.push(trigger);
    });
  }
}
Array.prototype.forEach.call(document.styleSheets, function (sheet) {
  try { walk(sheet.cssRules || []); } catch (e) { /* cross-origin sheet */ }
});
var found = [];
var elements = [];
function add(el, script) {
  if (found.length < limit && elements.indexOf(el) < 0 && el !== document.body && el !== document.documentElement && hoverVisible(el)) {
    elements.push(el);
    found.push({ element: el, script: script || el.matches(POPUP) || !!el.querySelector(POPUP) });
  }
}
selectors.forEach(function (selector) {
  try { document.querySelectorAll(selector).forEach(function (el) { add(el, false); }); } catch (e) { /* selector the page's CSS allows */ }
});
var hooks = window.__a11yAuditHooks;
(hooks ? hooks.hovered : []).forEach(function (el) { if (el.isConnected) add(el, true); });
return found;
