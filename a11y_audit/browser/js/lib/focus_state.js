// focusStyle(el) and whereFocusIs(el): what the keyboard gatherer records about a focus stop.
// Styles are read for the element and its ::before/::after boxes (many themes draw focus
// rings there); the keyboard gatherer compares them focused vs unfocused in Python.
var FOCUS_PROPERTIES = [
  'outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow',
  'border-top-style', 'border-top-width', 'border-top-color', 'border-bottom-style',
  'border-bottom-width', 'border-bottom-color', 'border-left-color', 'border-right-color',
  'background-color', 'background-image', 'color', 'text-decoration-line',
  'text-decoration-color', 'text-decoration-thickness', 'opacity', 'transform', 'filter'
];

function focusStyle(el) {
  var styles = {};
  function read(style, prefix) {
    for (var i = 0; i < FOCUS_PROPERTIES.length; i++) {
      styles[prefix + FOCUS_PROPERTIES[i]] = style.getPropertyValue(FOCUS_PROPERTIES[i]);
    }
  }
  read(getComputedStyle(el), '');
  ['::before', '::after'].forEach(function (pseudo) {
    var style = getComputedStyle(el, pseudo);
    var content = style.getPropertyValue('content');
    if (content && content !== 'none' && content !== 'normal') read(style, pseudo + ' ');
  });
  return styles;
}

// Why a focused element cannot be seen, if it cannot: [] when it is visible on screen.
function whereFocusIs(el) {
  var reasons = [];
  var box = el.getBoundingClientRect();
  if (box.width < 2 || box.height < 2) {
    var child = el.firstElementChild && el.firstElementChild.getBoundingClientRect();
    if (!child || child.width < 2 || child.height < 2) reasons.push('no-size');
  }
  var opacity = 1;
  var fixed = false;
  for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
    var style = getComputedStyle(node);
    opacity *= parseFloat(style.opacity || '1');
    if (style.position === 'fixed' || style.position === 'sticky') fixed = true;
    if (node !== el && style.overflow !== 'visible' && node !== document.documentElement && node !== document.body) {
      var clip = node.getBoundingClientRect();
      if (box.right <= clip.left || box.left >= clip.right || box.bottom <= clip.top || box.top >= clip.bottom) {
        if (reasons.indexOf('clipped') < 0) reasons.push('clipped');
      }
    }
  }
  if (opacity < 0.05) reasons.push('transparent');
  var style = getComputedStyle(el);
  if (style.clipPath === 'inset(50%)' || /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip)) reasons.push('clipped');
  if (box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth || box.top >= innerHeight) reasons.push('off-screen');
  return {
    hidden: reasons,
    fixed: fixed,
    aria_hidden: !!el.closest('[aria-hidden="true"]'),
    inert: !!el.closest('[inert]')
  };
}
