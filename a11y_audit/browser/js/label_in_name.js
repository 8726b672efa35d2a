// Controls whose visible text is their label while aria-label or aria-labelledby names them
// (WCAG 2.5.3 Label in Name, ACT rule 2ee8b8): elements with a widget role that takes its name
// from content. For each: its role and accessible name as axe-core computes them (the
// computation assistive technologies follow), its visible inner text (text nodes a person
// sees: hidden, clipped, transparent and off-screen text left out; block boxes and <br>
// separate words), whether that text is drawn in an icon font, and its language.
// arguments: [max controls]. Needs describe.js and axe-core in the page.
var maxControls = arguments[0];
var ROLES = {
  button: 1, checkbox: 1, gridcell: 1, link: 1, menuitem: 1, menuitemcheckbox: 1,
  menuitemradio: 1, option: 1, radio: 1, searchbox: 1, switch: 1, tab: 1, treeitem: 1
};
var ICON_FONT = /icon|symbol|awesome|glyph|fontello|icomoon/i;
var INLINE = /^(inline|inline-block|inline-flex|inline-grid|contents|ruby|ruby-text)$/;

function hiddenBox(el, control) {
  // True when el (or an ancestor up to the control) hides its text from sight.
  for (var node = el; node; node = node.parentElement) {
    var style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility !== 'visible' || parseFloat(style.opacity) === 0) return true;
    var box = node.getBoundingClientRect();
    var clipped = style.overflow !== 'visible' || style.clip !== 'auto' || style.clipPath !== 'none';
    if (clipped && (box.width <= 1 || box.height <= 1)) return true;
    if (box.right + window.scrollX <= 0 || box.bottom + window.scrollY <= 0) return true;
    if (node === control) break;
  }
  return false;
}

function textShown(textNode, control) {
  var parent = textNode.parentElement;
  if (!parent || hiddenBox(parent, control)) return false;
  var style = getComputedStyle(parent);
  if (parseFloat(style.fontSize) === 0 || /rgba\(.*,\s*0\)$/.test(style.color)) return false;
  return true;
}

function visibleInnerText(control, fonts) {
  var parts = [];
  function walk(node) {
    if (node.nodeType === 3) {
      if (node.data.trim() && textShown(node, control)) {
        parts.push(node.data);
        fonts.push(getComputedStyle(node.parentElement).fontFamily);
      } else if (node.data) {
        parts.push(' ');
      }
      return;
    }
    if (node.nodeType !== 1) return;
    if (node.localName === 'br') { parts.push('\n'); return; }
    var block = !INLINE.test(getComputedStyle(node).display);
    if (block) parts.push('\n');
    var children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    for (var i = 0; i < children.length; i++) walk(children[i]);
    if (block) parts.push('\n');
  }
  var children = control.shadowRoot ? control.shadowRoot.childNodes : control.childNodes;
  for (var i = 0; i < children.length; i++) walk(children[i]);
  return parts.join('').replace(/[ \t\r\f]+/g, ' ').replace(/ ?\n[\n ]*/g, '\n').trim();
}

var controls = [];
var candidates = document.querySelectorAll('[aria-label], [aria-labelledby]');
var alreadySetUp = Boolean(axe._tree);
if (!alreadySetUp) axe.setup(document);
try {
  for (var i = 0; i < candidates.length && controls.length < maxControls; i++) {
    var el = candidates[i];
    var role = axe.commons.aria.getRole(el);
    // ACT 2ee8b8 applies to elements in the accessibility tree only (not behind a modal's aria-hidden).
    if (!ROLES[role] || hiddenBox(el, el) || el.closest('[aria-hidden="true"], [inert]')) continue;
    var fonts = [];
    var label = visibleInnerText(el, fonts);
    if (!label) continue;
    var item = describe(el);
    item.role = role;
    item.name = axe.commons.text.accessibleText(el) || '';
    item.label = label;
    item.iconFont = fonts.some(function (family) { return ICON_FONT.test(family); });
    var langOf = el.closest('[lang]');
    item.lang = langOf ? langOf.getAttribute('lang') : '';
    controls.push(item);
  }
} finally {
  if (!alreadySetUp) axe.teardown();
}
return { controls: controls, looked: candidates.length };
