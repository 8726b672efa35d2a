// Watch the content at every frame from now on: a key may hide it for a moment only (Escape
// closes a menu, and the framework opens it again because the pointer is still over its
// trigger), which polling from outside would miss. hover_visible.js reads the result. Needs hover.js.
var state = window.__a11yAuditHover;
state.hiddenSeen = false;
state.watch = (state.watch || 0) + 1;
var mine = state.watch;
function look() {
  if (state.watch !== mine) return;
  if (!hoverShown()) state.hiddenSeen = true;
  requestAnimationFrame(look);
}
requestAnimationFrame(look);
