// After the pointer moved onto a trigger: the content it revealed (describe) with what a check
// needs about it, or null when nothing appeared. arguments: [trigger]. Needs describe, hover.
var trigger = arguments[0];
window.__a11yAuditHover.trigger = trigger;
var content = hoverRevealed();
if (!content) return null;
var entry = describe(content);
entry.trigger = describe(trigger);
entry.text = hoverText(content).slice(0, 120);
entry.links = content.querySelectorAll('a[href]').length;
entry.controls = content.querySelectorAll('button, input, select, textarea, [tabindex]:not([tabindex="-1"])').length;
var overlay = false;
for (var node = content; node && node !== trigger.parentElement && node !== document.body; node = node.parentElement) {
  var position = getComputedStyle(node).position;
  if (position === 'absolute' || position === 'fixed') { overlay = true; break; }
}
entry.overlay = overlay;
return entry;
