// safeForms(selectors): the forms a gatherer may submit, in document order. A form is safe when
// the config's [checks] safe_forms selectors match it or its markup carries
// data-a11y-audit-safe; a form that takes payment or places an order never is, whatever it
// is marked (card fields, or an action/class naming checkout, payment or order).
function safeForms(selectors) {
  var PAYMENT = /(^|[^a-z])(cc-|card.?(number|num|no)|cvc|cvv|csc|security.?code|iban|sort.?code)/i;
  var ORDER = /checkout|payment|place.?order|\/order|purchase|billing/i;
  function declared(form) {
    if (form.hasAttribute('data-a11y-audit-safe')) return true;
    return selectors.some(function (selector) {
      try { return form.matches(selector); } catch (e) { return false; }
    });
  }
  function takesPayment(form) {
    if (ORDER.test((form.getAttribute('action') || '') + ' ' + form.className + ' ' + form.id)) return true;
    return Array.prototype.some.call(form.elements, function (field) {
      return PAYMENT.test([field.name, field.id, field.getAttribute('autocomplete') || ''].join(' '));
    });
  }
  return Array.prototype.filter.call(document.forms, function (form) {
    return declared(form) && !takesPayment(form);
  });
}

// submitterOf(form): the button a person would press to send the form, or null.
function submitterOf(form) {
  var own = form.querySelector('button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]');
  if (own) return own;
  if (!form.id) return null;
  return document.querySelector('[form="' + CSS.escape(form.id) + '"][type="submit"]');
}
