// The controls the context-change gatherer tries, visible and enabled ones in document order:
// `inputs` are selects and radio groups (changed with the arrow keys), `checkboxes` one per
// name in each form (toggled with Space), `textFields` the first and last text-like field of
// each form and of the fields outside forms (typed into, then left), and `focus` everything
// focusable. A filter list's checkboxes or a basket's quantity fields behave alike, so one of
// each kind per form is enough to find a control that reloads the page when changed.
// arguments: [maximum selects and radio groups, maximum checkboxes, maximum text fields,
// maximum focus targets]. Needs describe.js.
var maxInputs = arguments[0];
var maxCheckboxes = arguments[1];
var maxTextFields = arguments[2];
var maxFocus = arguments[3];
function shown(el) {
  var box = el.getBoundingClientRect();
  return !el.disabled && box.width > 0 && box.height > 0 && (!el.checkVisibility || el.checkVisibility({ checkVisibilityCSS: true }));
}
function formKey(el) {
  if (!el.form) return 'd';
  var forms = Array.prototype.indexOf.call(document.forms, el.form);
  return 'f' + forms;
}
function onePer(elements, key) {
  var seen = {};
  return elements.filter(function (el) {
    var k = key(el);
    if (seen[k]) return false;
    seen[k] = true;
    return true;
  });
}
var radioGroups = {};
var inputs = Array.prototype.filter.call(document.querySelectorAll('select:not([multiple]), input[type="radio"]'), function (el) {
  if (!shown(el)) return false;
  if (el.type !== 'radio') return el.options.length > 1;
  var group = formKey(el) + ':' + el.name;
  if (!el.name || radioGroups[group]) return false;
  radioGroups[group] = true;
  return true;
}).slice(0, maxInputs);
var boxes = Array.prototype.filter.call(document.querySelectorAll('input[type="checkbox"]'), shown);
var checkboxes = onePer(boxes, function (el) { return formKey(el) + ':' + (el.name || el.id || ''); }).slice(0, maxCheckboxes);
var TEXT = 'input:not([type]), input[type="text"], input[type="search"], input[type="email"], input[type="tel"], '
  + 'input[type="number"], input[type="url"]';
var fields = Array.prototype.filter.call(document.querySelectorAll(TEXT), function (el) {
  return shown(el) && !el.readOnly;
});
var ends = {};
fields.forEach(function (el) {
  var k = formKey(el);
  ends[k] = ends[k] || [];
  if (ends[k].length < 2) ends[k].push(el); else ends[k][1] = el;
});
var textFields = fields.filter(function (el) { return ends[formKey(el)].indexOf(el) >= 0; }).slice(0, maxTextFields);
var FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
var focus = Array.prototype.filter.call(document.querySelectorAll(FOCUSABLE), shown).slice(0, maxFocus);
return { inputs: inputs, checkboxes: checkboxes, textFields: textFields, focus: focus };
