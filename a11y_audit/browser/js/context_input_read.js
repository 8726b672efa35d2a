// After one arrow key on a select or radio: did its value change, did the page try to leave,
// and what warns the user (the label and description text, read by the check).
// arguments: [the control, controlState before]. Needs describe.js, changes.js, control_state.js.
var el = arguments[0];
var before = arguments[1];
var entry = describe(el);
Object.assign(entry, contextChanges());
window.__a11yAuditHooks.stop();
entry.changed = controlState(el) !== before;
function text(node) { return node ? (node.innerText || node.textContent || '').replace(/\s+/g, ' ').trim() : ''; }
var words = [];
(el.labels ? Array.prototype.slice.call(el.labels) : []).forEach(function (label) { words.push(text(label)); });
var fieldset = el.closest('fieldset');
if (fieldset) words.push(text(fieldset.querySelector('legend')));
['aria-label', 'title'].forEach(function (name) { if (el.getAttribute(name)) words.push(el.getAttribute(name)); });
['aria-labelledby', 'aria-describedby'].forEach(function (name) {
  (el.getAttribute(name) || '').split(/\s+/).forEach(function (id) { if (id) words.push(text(document.getElementById(id))); });
});
entry.instructions = words.filter(Boolean).join(' | ').slice(0, 400);
return entry;
