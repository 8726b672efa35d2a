// The controls the context-change gatherer tries: `input` are selects and radio buttons a
// person changes with the arrow keys, `focus` everything focusable. Visible, enabled ones
// only, in document order. arguments: [maximum inputs, maximum focus targets]. Needs describe.js.
var maxInputs = arguments[0];
var maxFocus = arguments[1];
function shown(el) {
  var box = el.getBoundingClientRect();
  return !el.disabled && box.width > 0 && box.height > 0 && (!el.checkVisibility || el.checkVisibility({ checkVisibilityCSS: true }));
}
var radioGroups = {};
var inputs = Array.prototype.filter.call(document.querySelectorAll('select:not([multiple]), input[type="radio"]'), function (el) {
  if (!shown(el)) return false;
  if (el.type !== 'radio') return el.options.length > 1;
  var group = (el.form ? 'f' : 'd') + ':' + el.name;
  if (!el.name || radioGroups[group]) return false;
  radioGroups[group] = true;
  return true;
}).slice(0, maxInputs);
var FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
var focus = Array.prototype.filter.call(document.querySelectorAll(FOCUSABLE), shown).slice(0, maxFocus);
return { inputs: inputs, focus: focus };
