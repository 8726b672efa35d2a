// Before one action on a control: focus it, recording and the guard on; its state to compare
// after, and whether a select is on its last option (then ArrowUp is the step that changes it).
// arguments: [the control]. Needs control_state.js.
var el = arguments[0];
el.focus();
window.__a11yAuditHooks.start(true);
return { state: controlState(el), last: el.localName === 'select' && el.selectedIndex === el.options.length - 1 };
