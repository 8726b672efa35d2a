// controlState(el): a select's or text field's value, whether a checkbox is checked, or which
// radio of el's group is checked (-1: none), so a script can tell whether an action changed it.
function controlState(el) {
  if (el.type === 'checkbox') return 'checked:' + el.checked;
  if (el.type !== 'radio') return 'value:' + el.value;
  var root = el.form || document;
  var group = Array.prototype.filter.call(root.querySelectorAll('input[type="radio"]'), function (radio) {
    return radio.name === el.name;
  });
  return 'radio:' + group.findIndex(function (radio) { return radio.checked; });
}
