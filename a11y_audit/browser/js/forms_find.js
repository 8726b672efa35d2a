// The declared-safe forms (lib/safe_forms.js) with fields to judge, by their index among safe
// forms. arguments: [safe form selectors, maximum forms]. Needs describe, safe_forms, form_fields.
return safeForms(arguments[0]).map(function (form, index) {
  var entry = describe(form);
  entry.index = index;
  entry.required = judgedFields(form, 'empty').length;
  entry.formats = judgedFields(form, 'invalid').length;
  return entry;
}).filter(function (entry) { return entry.required || entry.formats; }).slice(0, arguments[1]);
