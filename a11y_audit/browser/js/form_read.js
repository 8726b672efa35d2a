// After one attempt: per judged field, what tells the user about the error (text tied to it,
// new text near it, aria-invalid, a changed look, the browser's own validation), plus what was
// announced, where focus went and whether the form would have gone to the server.
// Needs describe, changes, safe_forms, form_fields.
var state = window.__a11yAuditForm;
var changes = changesSince(null);
var result = contextChanges();
window.__a11yAuditHooks.stop();
var active = document.activeElement;
var focused = active && active !== document.body ? active : null;
if (focused && focused.blur) focused.blur();
function added(now, before) {
  if (!now || now === before) return '';
  return before && now.indexOf(before) >= 0 ? now.replace(before, '').trim() : now;
}
var fieldsOfForm = state.fields.map(function (s) { return s.field; });
// The block around a field that holds no other judged field: where its own message would go.
function blockOf(field) {
  var block = field;
  while (block.parentElement && block.parentElement !== state.form) {
    var parent = block.parentElement;
    if (fieldsOfForm.some(function (other) { return other !== field && parent.contains(other); })) break;
    block = parent;
  }
  return block;
}
var shownChanges = changes.filter(function (change) { return change.visible && change.text; });
result.fields = state.fields.map(function (s) {
  var field = s.field;
  var entry = describe(field);
  var block = blockOf(field);
  entry.label = labelText(field).slice(0, 120);
  entry.ariaInvalid = field.getAttribute('aria-invalid');
  entry.errorText = added(describedText(field), s.described).slice(0, 300);
  entry.labelText = added(labelText(field), s.label).slice(0, 300);
  entry.nearbyText = shownChanges.filter(function (change) {
    var node = document.querySelector(change.selector);
    return node && block.contains(node) && !node.contains(field);
  }).map(function (change) { return change.text; }).join(' ').slice(0, 300);
  entry.lookChanged = lookOf(field) !== s.look;
  entry.native = state.nativeInvalid.has(field);
  entry.focused = focused === field;
  return entry;
});
if (focused && focused.focus) focused.focus();
result.announced = shownChanges.filter(function (change) {
  return change.live && (change.liveExisted || change.live === 'alert');
}).map(function (change) { return change.text; });
result.focus = focused ? describe(focused).selector : null;
result.focusOnError = !!focused && (fieldsOfForm.indexOf(focused) >= 0 || shownChanges.some(function (change) {
  var node = document.querySelector(change.selector);
  return node && node.contains(focused);
}));
return result;
