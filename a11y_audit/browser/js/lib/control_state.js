// controlState(el): a select's value, or which radio of el's group is checked (-1: none),
// so a script can tell whether one key press changed the control.
function controlState(el) {
  if (el.type !== 'radio') return 'value:' + el.value;
  var root = el.form || document;
  var group = Array.prototype.filter.call(root.querySelectorAll('input[type="radio"]'), function (radio) {
    return radio.name === el.name;
  });
  return 'radio:' + group.findIndex(function (radio) { return radio.checked; });
}
