// Is the content the last hover revealed visible now? Needs hover.js.
var state = window.__a11yAuditHover;
return !!(state && state.content && hoverVisible(state.content));
