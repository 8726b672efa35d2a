// Where a person moves the pointer to reach the content: from the trigger's centre in a
// straight line to the nearest point of the content, a little inside it (across any gap
// between them), in viewport coordinates [x0, y0, x1, y1]; null when the content is out of
// the viewport. arguments: [trigger]. Needs hover.js.
var from = arguments[0].getBoundingClientRect();
var to = window.__a11yAuditHover.content.getBoundingClientRect();
var width = document.documentElement.clientWidth;
var height = document.documentElement.clientHeight;
function clamp(value, low, high) { return Math.max(low, Math.min(high, value)); }
var left = Math.max(to.left, 0), right = Math.min(to.right, width);
var top = Math.max(to.top, 0), bottom = Math.min(to.bottom, height);
if (right - left < 2 || bottom - top < 2) return null;
var x0 = clamp(from.left + from.width / 2, 1, width - 1);
var y0 = clamp(from.top + from.height / 2, 1, height - 1);
var inset = Math.min(12, (right - left) / 2, (bottom - top) / 2);
return [x0, y0, clamp(x0, left + inset, right - inset), clamp(y0, top + inset, bottom - inset)].map(Math.round);
