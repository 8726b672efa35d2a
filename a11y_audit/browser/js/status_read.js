// After one action: what changed, where focus is, and whether the page tried to leave.
// arguments: [the element acted on]. Needs describe.js, changes.js.
var action = arguments[0];
var active = document.activeElement;
var result = contextChanges();
result.changes = changesSince(action);
result.focusMoved = !!active && active !== action && active !== document.body;
result.focus = active && active !== document.body ? describe(active).selector : null;
window.__a11yAuditHooks.stop();
return result;
