// Elements a pointer can operate (script click handlers, on* attributes, widget roles) with
// what decides whether a keyboard can too. arguments[0]: the most elements to return.
var limit = arguments[0];
var recorded = window.__a11yPointerHandlers;
if (!recorded) return null;
var WIDGET_ROLES = 'button, link, checkbox, radio, tab, switch, menuitem, menuitemcheckbox, menuitemradio, ' +
  'option, slider, spinbutton, combobox, textbox, searchbox, treeitem';
var roleSelector = WIDGET_ROLES.split(', ').map(function (r) { return '[role="' + r + '"]'; }).join(', ');
var COMPOSITES = '[role="tablist"], [role="menu"], [role="menubar"], [role="listbox"], [role="radiogroup"], ' +
  '[role="toolbar"], [role="tree"], [role="grid"], [role="combobox"]';
var FOCUSABLE = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
var handlers = new Set(recorded);
document.querySelectorAll('[onclick], [onmousedown], [onpointerdown], [onmouseup], [onpointerup]').forEach(function (el) {
  handlers.add(el);
});
var candidates = new Set(handlers);
document.querySelectorAll(roleSelector).forEach(function (el) { candidates.add(el); });

function rendered(el) {
  return el.isConnected && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}
function focusable(el) {
  return el.tabIndex >= 0 && !el.disabled && rendered(el);
}
function focusableNear(el) {
  for (var node = el.parentElement; node && node !== document.body; node = node.parentElement) {
    if (focusable(node) || (node.localName === 'label' && node.control)) return true;
  }
  if (el.localName === 'label' && el.control) return true;
  return Array.prototype.some.call(el.querySelectorAll(FOCUSABLE), focusable);
}
// A control a keyboard operates without this element (a radio of a roving group, a hidden
// native input, a label): the element is a larger click area around it.
var CONTROLS = roleSelector + ', input:not([type="hidden"]), select, textarea, button, a[href], label';
function controlInside(el) {
  return Array.prototype.some.call(el.querySelectorAll(CONTROLS), rendered);
}
var entries = [];
candidates.forEach(function (el) {
  if (entries.length >= limit || el === document.documentElement || el === document.body) return;
  if (!rendered(el) || el.closest('[aria-hidden="true"], [inert]')) return;
  var composite = el.parentElement && el.parentElement.closest(COMPOSITES);
  var box = el.getBoundingClientRect();
  var entry = describe(el);
  entry.tag = el.localName;
  entry.role = el.getAttribute('role');
  entry.tabindex = el.getAttribute('tabindex');
  entry.handler = handlers.has(el);
  entry.focusable = focusable(el);
  entry.disabled = !!el.disabled || el.getAttribute('aria-disabled') === 'true';
  entry.focusable_near = focusableNear(el);
  entry.control_inside = controlInside(el);
  entry.cursor = getComputedStyle(el).cursor;
  entry.viewport_share = Math.round(box.width * box.height / (innerWidth * innerHeight) * 1000) / 1000;
  entry.composite_managed = !!composite && (composite.hasAttribute('aria-activedescendant') ||
    Array.prototype.some.call(composite.querySelectorAll(FOCUSABLE), function (other) {
      return other !== el && focusable(other);
    }));
  entries.push(entry);
});

// Native links, buttons and fields that a pointer uses but tabindex="-1" takes out of the Tab
// order, when a person can see them: not clipped away by an overflow ancestor (a carousel's
// off-screen slides), not a 1 px visually-hidden input behind a styled label.
function seenUnclipped(el) {
  if (!rendered(el) || (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))) return false;
  var box = el.getBoundingClientRect();
  if (box.width < 4 || box.height < 4 || box.right + scrollX <= 0 || box.bottom + scrollY <= 0) return false;
  var left = box.left, top = box.top, right = box.right, bottom = box.bottom;
  for (var node = el.parentElement; node && node !== document.body; node = node.parentElement) {
    var style = getComputedStyle(node);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    var clip = node.getBoundingClientRect();
    left = Math.max(left, clip.left); top = Math.max(top, clip.top);
    right = Math.min(right, clip.right); bottom = Math.min(bottom, clip.bottom);
  }
  var shown = Math.max(0, right - left) * Math.max(0, bottom - top);
  return shown >= 0.5 * box.width * box.height;
}
function nameOf(el) {
  var text = el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') || '';
  if (!text.trim()) {
    var img = el.querySelector('img[alt]');
    text = img ? img.getAttribute('alt') : '';
  }
  return text.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 120);
}
var NATIVE = 'a[href][tabindex], button[tabindex], input[tabindex]:not([type="hidden"]), select[tabindex], textarea[tabindex], summary[tabindex]';
var reachable = Array.prototype.filter.call(document.querySelectorAll(FOCUSABLE), focusable);
var removed = [];
document.querySelectorAll(NATIVE).forEach(function (el) {
  if (removed.length >= limit || el.tabIndex >= 0 || el.disabled || !seenUnclipped(el)) return;
  if (el.closest('[aria-hidden="true"], [inert], dialog:not([open])')) return;
  var composite = el.parentElement && el.parentElement.closest(COMPOSITES);
  var entry = describe(el);
  entry.tag = el.localName;
  entry.kind = el.localName === 'a' ? 'link' : (el.localName === 'button' || /^(button|submit|reset|image)$/.test(el.type) || el.localName === 'summary') ? 'button' : 'field';
  entry.readonly = !!el.readOnly;
  entry.composite_managed = !!composite && reachable.some(function (other) { return composite.contains(other); });
  var name = nameOf(el);
  entry.name = name;
  entry.alternative = reachable.some(function (other) {
    if (other === el || other.contains(el) || el.contains(other)) return false;
    if (entry.kind === 'link') return other.localName === 'a' && other.href === el.href;
    return !!name && nameOf(other) === name;
  });
  removed.push(entry);
});
// A visible label whose control cannot take focus and is not seen itself (display: none,
// visibility: hidden, or hidden away with a negative tabindex): the styled swatch or switch a
// pointer toggles through its label, which Tab never reaches. A seen control is judged above.
document.querySelectorAll('label').forEach(function (label) {
  var control = label.control;
  if (removed.length >= limit || !control || control.disabled || control.type === 'hidden') return;
  if (focusable(control) || seenUnclipped(control) || label.tabIndex >= 0 || !seenUnclipped(label)) return;
  if (label.closest('[aria-hidden="true"], [inert], dialog:not([open])')) return;
  if (Array.prototype.some.call(label.querySelectorAll(FOCUSABLE), focusable)) return;
  var entry = describe(label);
  entry.tag = 'label';
  entry.kind = 'label';
  entry.readonly = !!control.readOnly;
  var composite = label.parentElement && label.parentElement.closest(COMPOSITES);
  entry.composite_managed = !!composite && reachable.some(function (other) { return composite.contains(other); });
  var name = nameOf(label);
  entry.name = name;
  entry.alternative = !!name && reachable.some(function (other) { return other !== control && nameOf(other) === name; });
  removed.push(entry);
});
return { elements: entries, truncated: candidates.size > entries.length && entries.length >= limit, removed: removed };
