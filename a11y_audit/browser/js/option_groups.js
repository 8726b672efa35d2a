// Groups of similar controls (radio and checkbox groups by name, ARIA radio groups, listboxes,
// tab lists and toolbars, sibling buttons or links sharing a class) with, for each member,
// what it looks like: per visible element of the member (at most MAX_NODES), the computed
// colours and the other visual properties (borders' style and width, text decoration, font,
// shadow geometry, background images, ::before/::after), its visible text and its states.
// arguments: [max groups, max members per group]. Needs describe.js.
var maxGroups = arguments[0];
var maxMembers = arguments[1];
var MAX_NODES = 8;
var SIDES = ['Top', 'Right', 'Bottom', 'Left'];
var COLOUR_PART = /(rgba?|hsla?|color)\([^)]*\)|#[0-9a-f]{3,8}\b|\b(transparent|currentcolor)\b/gi;
function classOf(node) {
  return typeof node.className === 'string' ? node.className : (node.className && node.className.baseVal) || '';
}
// Visually hidden text (1 px, or clipped away) is not seen: it does not count as a visible cue.
function clippedAway(el) {
  var cs = getComputedStyle(el);
  return /^rect\((\s*[01]px,?){4}\)$/.test(cs.clip) || cs.clipPath === 'inset(50%)';
}
function shown(el, host) {
  if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  var box = el.getBoundingClientRect();
  if (box.width <= 2 || box.height <= 2) return false;
  for (var node = el; node && node !== host; node = node.parentElement) {
    if (clippedAway(node)) return false;
  }
  return !host || !clippedAway(host);
}
function pseudo(el, which) {
  var cs = getComputedStyle(el, which);
  if (!cs.content || cs.content === 'none' || cs.content === 'normal' || cs.display === 'none') return '';
  return [cs.content, cs.width, cs.height, cs.backgroundImage, cs.borderTopWidth, cs.borderLeftWidth, cs.transform].join(' ');
}
function looks(el) {
  var cs = getComputedStyle(el);
  var colour = { color: cs.color, background: cs.backgroundColor, opacity: cs.opacity };
  var shape = {
    tag: el.localName,
    decoration: cs.textDecorationLine + ' ' + cs.textDecorationStyle,
    weight: cs.fontWeight, style: cs.fontStyle, size: cs.fontSize, transform: cs.textTransform,
    image: cs.backgroundImage.replace(COLOUR_PART, ''),
    shadow: cs.boxShadow.replace(COLOUR_PART, '').trim(),
    outline: cs.outlineStyle === 'none' ? 'none' : cs.outlineStyle + ' ' + cs.outlineWidth,
    filter: cs.filter, before: pseudo(el, '::before'), after: pseudo(el, '::after'),
  };
  if (cs.textDecorationLine !== 'none') colour.decoration = cs.textDecorationColor;
  if (cs.outlineStyle !== 'none') colour.outline = cs.outlineColor;
  SIDES.forEach(function (side) {
    var style = cs['border' + side + 'Style'];
    var width = Math.round(parseFloat(cs['border' + side + 'Width']) || 0);
    shape['border' + side] = style === 'none' || style === 'hidden' || !width ? 'none' : style + ' ' + width;
    if (shape['border' + side] !== 'none') colour['border' + side] = cs['border' + side + 'Color'];
  });
  if (el instanceof SVGElement) { colour.fill = cs.fill; colour.stroke = cs.stroke; }
  if (el.localName === 'input' && cs.appearance !== 'none') shape.native = el.type + (el.checked ? ' checked' : '');
  return { colour: colour, shape: shape };
}
function visibleText(host) {
  var parts = [];
  var walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && shown(node.parentElement, host) && node.textContent.trim()) parts.push(node.textContent);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, 120);
}
function member(host, control) {
  var item = describe(host);
  var nodes = [];
  var candidates = [host].concat(Array.prototype.slice.call(host.querySelectorAll('*')));
  if (control && !host.contains(control)) candidates.push(control);
  for (var i = 0; i < candidates.length && nodes.length < MAX_NODES; i++) {
    if (shown(candidates[i], host)) nodes.push(looks(candidates[i]));
  }
  var state = control || host;
  var aria = ['aria-checked', 'aria-selected', 'aria-pressed', 'aria-current'].filter(function (name) {
    var value = state.getAttribute(name) || host.getAttribute(name);
    return value && value !== 'false';
  });
  item.nodes = nodes;
  item.text = visibleText(host);
  item.name = ((state.getAttribute('aria-label') || '') + ' ' + (host.textContent || '')).replace(/\s+/g, ' ').trim().slice(0, 120);
  item.selected = !!(state.checked || aria.length);
  item.disabled = !!(state.matches(':disabled') || state.closest('[aria-disabled="true"]'));
  item.classes = (classOf(host) + ' ' + (control && control !== host ? classOf(control) : '')).trim().slice(0, 200);
  item.transient = host.matches(':hover') || host.contains(document.activeElement) && document.activeElement !== document.body;
  return item;
}
var groups = [];
var taken = new Set();
// Only a group where some member has a state (or a class the others lack) can show a state
// by colour: the others' styles are not read at all, which keeps menus and grids cheap.
function hasState(pair) {
  var el = pair[1] || pair[0];
  return el.checked || el.matches(':disabled, [aria-disabled="true"], [aria-checked="true"], [aria-checked="mixed"], '
    + '[aria-selected="true"], [aria-pressed="true"], [aria-current]:not([aria-current="false"])')
    || pair[0].matches('[aria-current]:not([aria-current="false"])');
}
function addGroup(kind, pairs) {
  pairs = pairs.filter(function (pair) { return !taken.has(pair[0]) && shown(pair[0]); });
  if (pairs.length < 3 || groups.length >= maxGroups) return;
  var firstClasses = classOf(pairs[0][0]);
  if (!pairs.some(function (pair) { return hasState(pair) || classOf(pair[0]) !== firstClasses; })) return;
  pairs = pairs.slice(0, maxMembers);
  pairs.forEach(function (pair) { taken.add(pair[0]); });
  var first = pairs[0][1] || pairs[0][0];
  groups.push({ kind: kind, name: first.getAttribute('name') || first.getAttribute('role') || '', members: pairs.map(function (pair) { return member(pair[0], pair[1]); }) });
}
// Radio buttons and checkboxes sharing a name: the label is what people see.
var byName = new Map();
document.querySelectorAll('input[type="radio"][name], input[type="checkbox"][name]').forEach(function (input) {
  var key = (input.form ? 'f' + Array.prototype.indexOf.call(document.forms, input.form) : '') + input.type + ':' + input.name;
  if (!byName.has(key)) byName.set(key, []);
  byName.get(key).push(input);
});
byName.forEach(function (inputs, key) {
  addGroup(key.indexOf('radio:') >= 0 ? 'radio' : 'checkbox', inputs.map(function (input) {
    return [input.closest('label') || (input.labels && input.labels[0]) || input, input];
  }));
});
document.querySelectorAll('[role="radiogroup"], [role="listbox"], [role="tablist"], [role="toolbar"], [role="menu"]').forEach(function (group) {
  var items = Array.prototype.filter.call(group.querySelectorAll('[role="radio"], [role="option"], [role="tab"], [role="menuitemradio"], [role="menuitemcheckbox"], button, [role="button"]'), function (el) {
    return el.parentElement.closest('[role="radiogroup"], [role="listbox"], [role="tablist"], [role="toolbar"], [role="menu"]') === group;
  });
  addGroup(group.getAttribute('role'), items.map(function (el) { return [el, null]; }));
});
// Sibling buttons or links (directly, or one per list item) that share their first class.
var siblings = new Map();
var controls = document.querySelectorAll('button, a[href], [role="button"]');
for (var c = 0; c < controls.length && c < 3000; c++) {
  var el = controls[c];
  var first = classOf(el).trim().split(/\s+/)[0];
  if (!first) continue;
  var container = el.parentElement && el.parentElement.localName === 'li' ? el.parentElement.parentElement : el.parentElement;
  if (!container) continue;
  if (!siblings.has(container)) siblings.set(container, new Map());
  var byClass = siblings.get(container);
  var key = el.localName + '.' + first;
  if (!byClass.has(key)) byClass.set(key, []);
  byClass.get(key).push(el);
}
siblings.forEach(function (byClass) {
  byClass.forEach(function (items, key) {
    addGroup('siblings', items.map(function (el) { return [el, null]; }));
  });
});
return { groups: groups };
