// The colours that make form controls and icon-only buttons and links visible, with what is
// behind them (js/lib/describe.js is prepended). Colours are computed sRGB [r, g, b, a];
// "behind" is the colour the page paints under the element, blended up the ancestor chain
// until an opaque background (the canvas is white), or null when a background image, a
// gradient or a filter is in the way.
var MAX_CONTROLS = 300;
var MAX_ICONS = 300;
var MAX_FOCUSABLE = 400;
var FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
var CONTROLS =
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=range]):not([type=color])' +
  ':not([type=file]):not([type=image]):not([type=submit]):not([type=reset]):not([type=button]), select, textarea, ' +
  'input[type=checkbox], input[type=radio]';
var SHAPES = 'path, circle, rect, ellipse, polygon, polyline, line, text, use';

function parse(colour) {
  var m = /rgba?\(([^)]+)\)/.exec(colour || '');
  if (!m) return null;
  var parts = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
  return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
}
function over(top, bottom) {
  var a = top[3] + bottom[3] * (1 - top[3]);
  if (a === 0) return [0, 0, 0, 0];
  var mix = function (i) {
    return (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
  };
  return [mix(0), mix(1), mix(2), a];
}
function opacityOf(el) {
  var opacity = 1;
  for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
    opacity *= parseFloat(getComputedStyle(node).opacity);
  }
  return opacity;
}
// The colour painted behind `el` (not including el itself), or null when it cannot be known.
function behind(el) {
  var layers = [];
  for (var node = el.parentElement; node; node = node.parentElement) {
    var cs = getComputedStyle(node);
    if (cs.backgroundImage !== 'none' || cs.filter !== 'none' || cs.mixBlendMode !== 'normal') return null;
    var colour = parse(cs.backgroundColor);
    if (colour && colour[3] > 0) {
      layers.push(colour);
      if (colour[3] >= 1) break;
    }
  }
  var result = [255, 255, 255, 1];
  for (var i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
  return result;
}
function visible(el) {
  if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  var r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}
function sides(cs) {
  return ['Top', 'Right', 'Bottom', 'Left'].map(function (side) {
    return {
      width: parseFloat(cs['border' + side + 'Width']) || 0,
      style: cs['border' + side + 'Style'],
      colour: parse(cs['border' + side + 'Color']),
    };
  });
}
// The closest ancestor (three levels at most) that draws a border around the control and
// little else: a search box or quantity stepper whose outline is the group's, not the field's.
function frameOf(el) {
  var r = el.getBoundingClientRect();
  var node = el.parentElement;
  for (var level = 0; node && level < 3; level++, node = node.parentElement) {
    var f = node.getBoundingClientRect();
    if (f.height > r.height + 24 || f.width > r.width * 3 + 150) return null;
    var cs = getComputedStyle(node);
    var borders = sides(cs);
    if (borders.some(function (side) { return side.width >= 1 && side.style !== 'none' && side.style !== 'hidden'; })) {
      return {
        selector: describe(node).selector,
        borders: borders,
        background: parse(cs.backgroundColor),
        backgroundImage: cs.backgroundImage !== 'none',
        opacity: opacityOf(node),
        behind: behind(node),
      };
    }
  }
  return null;
}
function disabled(el) {
  return el.matches(':disabled') || !!el.closest('[aria-disabled=true]');
}

// Every control is read unfocused, as its siblings are: a field the page autofocused would
// otherwise show its focus ring as its boundary. Focus goes back to it at the end.
var focused = document.activeElement;
var refocus = focused && focused !== document.body && focused.matches(CONTROLS) ? focused : null;
if (refocus) refocus.blur();
var controls = [];
var found = document.querySelectorAll(CONTROLS);
for (var i = 0; i < found.length && controls.length < MAX_CONTROLS; i++) {
  var el = found[i];
  if (!visible(el)) continue;
  var cs = getComputedStyle(el);
  var item = describe(el);
  item.tag = el.localName;
  item.type = el.localName === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : '';
  item.disabled = disabled(el);
  item.appearance = cs.appearance || cs.webkitAppearance || '';
  item.borders = sides(cs);
  item.background = parse(cs.backgroundColor);
  item.backgroundImage = cs.backgroundImage !== 'none';
  item.boxShadow = cs.boxShadow !== 'none';
  item.opacity = opacityOf(el);
  item.behind = behind(el);
  item.frame = frameOf(el);
  controls.push(item);
}

// Buttons and links whose only content is an SVG icon: the icon is how they are recognised.
var icons = [];
var hosts = document.querySelectorAll('a[href], button, [role=button], [role=link]');
for (var j = 0; j < hosts.length && icons.length < MAX_ICONS; j++) {
  var host = hosts[j];
  var svg = host.querySelector('svg');
  if (!svg || /\S/.test(host.innerText || '') || host.querySelector('img') || !visible(host) || !visible(svg)) continue;
  var colours = [];
  var unknown = false;
  svg.querySelectorAll(SHAPES).forEach(function (shape) {
    if (!visible(shape)) return;
    var ss = getComputedStyle(shape);
    [
      [ss.fill, 1, ss.fillOpacity],
      [ss.stroke, parseFloat(ss.strokeWidth) || 0, ss.strokeOpacity],
    ].forEach(function (paint) {
      if (paint[0] === 'none' || paint[1] <= 0) return;
      var colour = parse(paint[0]);
      if (!colour) {
        unknown = true; // a gradient or pattern: url(#...)
        return;
      }
      var opacity = parseFloat(ss.opacity) * parseFloat(paint[2]);
      colour[3] *= isNaN(opacity) ? 1 : opacity;
      colours.push(colour);
    });
  });
  var hostStyle = getComputedStyle(host);
  var icon = describe(host);
  icon.disabled = disabled(host);
  icon.colours = colours;
  icon.unknownPaint = unknown;
  icon.opacity = opacityOf(svg);
  icon.background = parse(hostStyle.backgroundColor);
  icon.backgroundImage = hostStyle.backgroundImage !== 'none';
  icon.behind = behind(host);
  icons.push(icon);
}
// What is behind each focusable element and its own fill, by describe() selector: the
// keyboard walk records focus outlines, and their contrast is judged against these colours.
var focusable = {};
var count = 0;
document.querySelectorAll(FOCUSABLE).forEach(function (el) {
  if (count >= MAX_FOCUSABLE || !visible(el)) return;
  count++;
  var cs = getComputedStyle(el);
  focusable[describe(el).selector] = {
    behind: behind(el),
    background: cs.backgroundImage !== 'none' ? null : parse(cs.backgroundColor),
  };
});
if (refocus) refocus.focus({ preventScroll: true });
return { controls: controls, icons: icons, focusable: focusable };
