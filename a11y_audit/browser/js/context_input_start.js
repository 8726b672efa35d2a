// Before one action on a control: focus it with recording and the guard on; its state to
// compare after, and whether a select is on its last option (then ArrowUp is the step that
// changes it). A control whose focus alone tries to leave the page (change-on-focus judges
// that) is not acted on: `focusLeaves` says so, and the guard stays off afterwards.
// arguments: [the control]. Needs control_state.js, changes.js, describe.js.
var el = arguments[0];
var hooks = window.__a11yAuditHooks;
hooks.start(true);
el.focus();
var attempts = contextChanges();
if (attempts.navigations.length || attempts.submits.length || attempts.opened.length) {
  hooks.stop();
  return { focusLeaves: true };
}
hooks.start(true);
return { state: controlState(el), last: el.localName === 'select' && el.selectedIndex === el.options.length - 1 };
