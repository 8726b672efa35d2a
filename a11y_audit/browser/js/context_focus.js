// Focus each element in turn (as Tab would) and record which ones make the page try to leave:
// navigate, send a form or open a window (blocked by the guard, js/page_hooks.js). Form fields
// that stay are recorded too (up to a few dozen), as the passes; other quiet elements are not.
// arguments: [elements]. Needs describe.js, changes.js.
var hooks = window.__a11yAuditHooks;
var found = [];
var quiet = 0;
arguments[0].forEach(function (el) {
  hooks.start(true);
  try { el.focus({ preventScroll: true }); } catch (e) { return; }
  var effects = contextChanges();
  var field = /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName);
  if (effects.navigations.length || effects.submits.length || effects.opened.length || (field && quiet++ < 40)) {
    var entry = describe(el);
    Object.assign(entry, effects);
    found.push(entry);
  }
  if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
});
hooks.stop();
return found;
