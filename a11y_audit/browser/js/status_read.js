// After one action: what changed, where focus is, and whether the page tried to leave.
// arguments: [the element acted on, how many requests the recorder held before the action].
// Needs describe.js, changes.js.
var action = arguments[0];
var active = document.activeElement;
var result = contextChanges();
result.changes = changesSince(action);
result.focusMoved = !!active && active !== action && active !== document.body;
result.focus = active && active !== document.body ? describe(active).selector : null;
result.held = window.__a11yAuditHooks.requests.slice(arguments[1]);
window.__a11yAuditHooks.stop();
return result;
