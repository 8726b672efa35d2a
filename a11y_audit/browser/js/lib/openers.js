// What opens a dialog, menu or drawer, and what it opens: shared by the keyboard walk's opener
// probe (js/keyboard.js) and the dialog gatherer (js/dialogs.js), so both pick the same
// controls and find the same components.
var CLOSE_WORDS = /close|dismiss|cancel|done|back|no,? thanks|got it|accept|reject|decline|continue|\u00d7|\u2715|\u2716/i;
var SKIP_WORDS = /\bskip\b|\bjump to\b|springen|zum (?:haupt)?inhalt|au contenu|aller au|al contenido|saltar|naar (?:de )?(?:hoofd)?inhoud|al contenuto/i;

function rendered(el) {
  return !!el && el.isConnected && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}
function inside(container, el) {
  return !!el && !!container && (container === el || container.contains(el));
}
function name(el) {
  return ((el.getAttribute('aria-label') || '') + ' ' + (el.textContent || '') + ' ' + (el.getAttribute('title') || '')).trim();
}
function isDialog(el) {
  return el.localName === 'dialog' || /^(alert)?dialog$/.test(el.getAttribute('role') || '') || el.getAttribute('aria-modal') === 'true';
}
function fragmentTarget(el) {
  var href = el.getAttribute('href') || '';
  if (el.localName !== 'a' || href.charAt(0) !== '#' || href.length < 2) return null;
  var id = decodeURIComponent(href.slice(1));
  return document.getElementById(id) || document.getElementsByName(id)[0] || null;
}
// What an opener controls: aria-controls, a same-page link's target, or a dialog or hidden
// container a data- attribute names (data-target="#modal", data-bs-target, data-modal-id).
function controlled(el) {
  var ids = (el.getAttribute('aria-controls') || '').trim().split(/\s+/).filter(Boolean);
  if (ids.length && document.getElementById(ids[0])) return document.getElementById(ids[0]);
  var target = fragmentTarget(el);
  if (target) return target;
  for (var i = 0; i < el.attributes.length; i++) {
    var value = el.attributes[i].value.replace(/^#/, '');
    if (!/^data-/.test(el.attributes[i].name) || !value || /\s/.test(value)) continue;
    var named = document.getElementById(value);
    if (named && (isDialog(named) || !rendered(named))) return named;
  }
  return null;
}
function openDialogs() {
  return Array.prototype.filter.call(
    document.querySelectorAll('dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]'), rendered);
}
function focusables(root) {
  return Array.prototype.filter.call(root.querySelectorAll(
    'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]'), function (el) {
    return el.tabIndex >= 0 && !el.disabled && rendered(el);
  });
}
var OPENER_SELECTOR = 'button, [role="button"], a[href^="#"], [aria-haspopup], [aria-expanded], [aria-controls]';
// A closed control that says it opens something and that Enter cannot take off the page: a
// button that submits no form or a link to a fragment of this page ("#" for a popup), never a form field, a
// skip link, or an item of a composite widget (tabs, options, menu items).
function isOpener(el) {
  var role = el.getAttribute('role') || '';
  if (!rendered(el) || el.disabled || el.tabIndex < 0 || /^(tab|option|combobox|menuitem\w*|treeitem)$/.test(role)) return false;
  var popup = el.getAttribute('aria-haspopup');
  var declares = (popup && popup !== 'false') || el.hasAttribute('aria-expanded');
  // A bare "#" goes nowhere: a framework's dropdown toggle when it declares a popup.
  var href = el.getAttribute('href') || '';
  if (el.localName === 'a' && !(/^#./.test(href) || (href === '#' && declares))) return false;
  if (el.localName === 'button' && (el.getAttribute('type') || 'submit').toLowerCase() === 'submit' && el.form) return false;
  if (/^(input|select|textarea)$/.test(el.localName) || el.getAttribute('aria-expanded') === 'true') return false;
  var target = controlled(el);
  var opens = declares || (target && (isDialog(target) || !rendered(target)));
  return !!opens && !SKIP_WORDS.test(name(el));
}
