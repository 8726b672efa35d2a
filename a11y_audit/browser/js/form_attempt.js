// Fill one safe form for an attempt ("empty": every text field emptied; "invalid": malformed
// values in email, URL, phone and pattern fields), note how each judged field looks, then press
// its submit button with recording and the guard on (js/page_hooks.js): the page's own
// validation runs, and a submission that would go to the server is blocked.
// arguments: [safe form selectors, form index, mode]. Needs safe_forms, form_fields.
var form = safeForms(arguments[0])[arguments[1]];
var mode = arguments[2];
if (!form) return 0;
var BAD = { email: 'name.example.com', url: 'not a web address', tel: 'phone' };
function setValue(field, value) {
  var proto = field.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : field.tagName === 'SELECT' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}
var fields = judgedFields(form, mode);
if (mode === 'empty') {
  Array.prototype.forEach.call(form.elements, function (field) {
    if ((field.tagName === 'TEXTAREA' || (field.tagName === 'INPUT' && !/^(hidden|submit|button|reset|image|checkbox|radio|file|range|color)$/.test(field.type))) && field.value) setValue(field, '');
  });
} else {
  fields.forEach(function (field) { setValue(field, BAD[field.type] || '!#~'); });
}
var nativeInvalid = new Set();
form.addEventListener('invalid', function (event) { nativeInvalid.add(event.target); }, true);
window.__a11yAuditForm = {
  form: form,
  nativeInvalid: nativeInvalid,
  fields: fields.map(function (field) {
    return { field: field, label: labelText(field), described: describedText(field), look: lookOf(field) };
  })
};
if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
window.__a11yAuditHooks.start(true);
var submit = submitterOf(form);
if (submit) { submit.focus(); submit.click(); } else { form.requestSubmit(); }
return fields.length;
