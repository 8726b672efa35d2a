// The actions the status-message gatherer may take on this page: buttons that only act in the
// page (type="button") and submit buttons of declared-safe forms (lib/safe_forms.js), whose
// name says they add, apply or copy something, never that they buy, pay, delete or send.
// arguments: [safe form selectors, maximum number of actions]. Needs describe.js, safe_forms.js.
var selectors = arguments[0];
var limit = arguments[1];
var SAFE = /\b(add(ed)?\b.{0,40}\b(cart|bag|basket|trolley|wish ?list|favou?rites?|compare)|apply|copy|check (stock|availability)|notify me|save for later)\b/i;
var UNSAFE = /\b(buy|pay|order|checkout|check out|purchase|delete|remove|cancel|place|confirm|donate|book|unsubscribe|sign out|log ?out)\b/i;
function nameOf(el) {
  return (el.getAttribute('aria-label') || el.innerText || el.value || el.title || '').replace(/\s+/g, ' ').trim();
}
function usable(el) {
  var box = el.getBoundingClientRect();
  return !el.disabled && box.width > 0 && box.height > 0 && (!el.checkVisibility || el.checkVisibility());
}
var found = [];
safeForms(selectors).forEach(function (form) {
  var submit = submitterOf(form);
  if (submit) found.push({ el: submit, kind: 'form' });
});
var buttons = Array.prototype.slice.call(document.querySelectorAll('button[type="button"], input[type="button"]'));
buttons.forEach(function (el) { found.push({ el: el, kind: 'button' }); });
return found.filter(function (item) {
  var name = nameOf(item.el);
  return usable(item.el) && SAFE.test(name) && !UNSAFE.test(name);
}).slice(0, limit).map(function (item) {
  var entry = describe(item.el);
  entry.element = item.el;
  entry.kind = item.kind;
  entry.name = nameOf(item.el).slice(0, 120);
  return entry;
});
