// With the pointer away: does keyboard focus on the trigger (or the first focusable element in
// it) show the content, and which element could a keyboard user press to show it (a button or
// a control with aria-expanded/aria-haspopup)? arguments: [trigger]. Needs hover.js.
var trigger = arguments[0];
var content = window.__a11yAuditHover.content;
var FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';
function focusable(el) { return el.matches(FOCUSABLE) && el.tabIndex >= 0; }
var inside = Array.prototype.filter.call(trigger.querySelectorAll(FOCUSABLE), function (el) {
  return !content.contains(el) && hoverVisible(el);
});
var target = focusable(trigger) ? trigger : inside[0] || null;
var toggle = inside.filter(function (el) { return el.matches('button, [aria-expanded], [aria-haspopup]:not([aria-haspopup="false"])'); })[0]
  || (trigger.matches('button, [aria-expanded]') && focusable(trigger) ? trigger : null);
var result = { focusable: !!target, focusReveals: false, toggle: toggle };
if (target) {
  target.focus();
  result.focusReveals = hoverVisible(content);
  target.blur();
}
if (toggle) toggle.focus();
return result;
