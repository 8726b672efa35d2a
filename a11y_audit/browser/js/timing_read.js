// What the timer fired by timing_fire.js did: attempts to leave or reload the page, forms
// sent, requests held, native dialogs, and the messages it showed (with the controls inside
// them), then recording stops. Needs describe.js and changes.js.
var hooks = window.__a11yAuditHooks;
var state = window.__a11yAuditTiming;
// A navigation the guard cannot cancel (history traversal) left the page: that is an end too.
if (!state) return { navigations: [{ url: location.href, form: false }], left: true };
var before = state.before;
var CONTAINER = 'dialog, [role="dialog"], [role="alertdialog"], [role="alert"], [role="status"], '
  + '[aria-live]:not([aria-live="off"]), [aria-modal="true"]';
var CONTROLS = 'button, a[href], input[type="button"], input[type="submit"], [role="button"], [role="link"]';
function shown(el) {
  if (!el || !el.isConnected) return false;
  if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  var box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}
function nameOf(el) {
  var label = el.getAttribute('aria-label') || el.value || el.innerText || el.title || '';
  return label.replace(/\s+/g, ' ').trim().slice(0, 80);
}
function fields() {
  return Array.prototype.filter.call(document.querySelectorAll('input:not([type=hidden]), select, textarea'), function (el) {
    return el.getClientRects().length > 0;
  }).length;
}
var raw = hooks.flush().map(function (change) { return change.element; });
var left = contextChanges();
var containers = [];
function add(el) {
  if (!el || el === document.body || el === document.documentElement || !shown(el)) return;
  var box = el.closest(CONTAINER) || el;
  if (containers.indexOf(box) < 0 && containers.length < 10) containers.push(box);
}
raw.forEach(function (el) { if ((el.innerText || '').trim()) add(el); });
var focus = document.activeElement;
var focusMoved = focus !== before.focus && focus !== document.body;
if (focusMoved) add(focus.closest(CONTAINER) || focus.parentElement);
var messages = containers.filter(function (box) {
  return !containers.some(function (other) { return other !== box && other.contains(box); });
}).map(function (box) {
  var item = describe(box);
  item.text = (box.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 300);
  item.role = box.localName === 'dialog' ? 'dialog' : (box.getAttribute('role') || (box.hasAttribute('aria-live') ? 'live' : ''));
  item.focusInside = focusMoved && box.contains(focus);
  item.controls = Array.prototype.filter.call(box.querySelectorAll(CONTROLS), shown).slice(0, 10).map(nameOf);
  return item;
});
var result = {
  navigations: left.navigations,
  submits: left.submits,
  opened: left.opened,
  requests: hooks.requests.slice(before.requests),
  nativeDialogs: (window.__a11yAuditDialogs || []).slice(before.dialogs),
  messages: messages,
  fieldsBefore: before.fields,
  fieldsAfter: fields(),
  textBefore: before.text,
  textAfter: (document.body && document.body.innerText || '').length,
};
hooks.stop();
hooks.hold = false;
return result;
