// How a keyboard user could show the content: the element to focus (the trigger, the focusable
// element the pointer was on, or the first focusable element in the trigger) and the toggle to
// press with the keys its role implies: a control with aria-haspopup or aria-expanded is a menu
// button or disclosure (ARIA APG: Enter, Space, and ArrowDown for menu buttons), a plain button
// takes Enter and Space. arguments: [trigger]. Needs hover.js.
var trigger = arguments[0];
var content = window.__a11yAuditHover.content;
var FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';
var POPUP = '[aria-expanded], [aria-haspopup]:not([aria-haspopup="false"])';
function focusable(el) { return el.matches(FOCUSABLE) && el.tabIndex >= 0; }
var box = trigger.getBoundingClientRect();  // where the pointer hovered it
var pointed = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
pointed = pointed && trigger.contains(pointed) ? pointed.closest(FOCUSABLE) : null;
if (pointed && (!trigger.contains(pointed) || !focusable(pointed))) pointed = null;
var inside = Array.prototype.filter.call(trigger.querySelectorAll(FOCUSABLE), function (el) {
  return !(content && content.contains(el)) && hoverVisible(el);
});
var target = focusable(trigger) ? trigger : pointed || inside[0] || null;
var toggle = [target].concat(inside).filter(function (el) {
  return el && (el.matches('button, ' + POPUP) || el.getAttribute('role') === 'button');
})[0] || null;
var keys = !toggle ? [] : toggle.matches(POPUP) ? ['Enter', 'Space', 'ArrowDown'] : ['Enter', 'Space'];
return { target: target, toggle: toggle, keys: keys };
