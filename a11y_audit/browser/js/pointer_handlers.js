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
return { elements: entries, truncated: candidates.size > entries.length && entries.length >= limit };
