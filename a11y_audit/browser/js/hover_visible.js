// Is the content the last hover revealed shown now (hidden: was it hidden at any frame since
// hover_watch.js started watching), and are animations still running? Needs hover.js.
var state = window.__a11yAuditHover;
var shown = !!state && hoverShown();
if (state && !shown) state.hiddenSeen = true;
return { shown: shown, busy: hoverBusy(), hidden: !!(state && state.hiddenSeen) };
