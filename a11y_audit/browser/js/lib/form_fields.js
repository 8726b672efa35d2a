// Helpers of the form-error gatherer (forms_find.js, form_attempt.js, form_read.js).

// The visible fields one attempt judges: required ones when submitting empty, fields with a
// format (email, URL, phone, pattern) when submitting malformed values.
function judgedFields(form, mode) {
  return Array.prototype.filter.call(form.elements, function (field) {
    if (!/^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName) || field.disabled) return false;
    if (/^(hidden|submit|button|reset|image|checkbox|radio|file|range|color)$/.test(field.type)) return false;
    var box = field.getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0)) return false;
    if (mode === 'invalid') return /^(email|url|tel)$/.test(field.type) || field.hasAttribute('pattern');
    return field.required || field.getAttribute('aria-required') === 'true';
  });
}

function cleanText(node) {
  return node ? (node.innerText || node.textContent || '').replace(/\s+/g, ' ').trim() : '';
}

function labelText(field) {
  return (field.labels ? Array.prototype.map.call(field.labels, cleanText) : []).join(' ');
}

// Text tied to the field by aria-describedby, and by aria-errormessage while it is invalid.
function describedText(field) {
  var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/);
  if (field.getAttribute('aria-invalid') === 'true') ids = ids.concat((field.getAttribute('aria-errormessage') || '').split(/\s+/));
  return ids.filter(Boolean).map(function (id) {
    var node = document.getElementById(id);
    return node && (!node.checkVisibility || node.checkVisibility({ checkVisibilityCSS: true })) ? cleanText(node) : '';
  }).filter(Boolean).join(' ');
}

// How the field and its label look, without the focus ring: an error shown by colour alone
// changes this and nothing else.
function lookOf(field) {
  var style = getComputedStyle(field);
  var label = field.labels && field.labels[0] ? getComputedStyle(field.labels[0]).color : '';
  return [style.borderTopColor, style.borderTopWidth, style.backgroundColor, style.color, style.boxShadow,
    style.outlineStyle === 'none' ? '' : style.outlineColor, label].join('|');
}
