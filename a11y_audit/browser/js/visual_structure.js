// Structure shown only by presentation (WCAG 1.3.1, F2, F87): text blocks styled larger or
// bolder than the page's body text, lines that start like list items without list markup,
// and words or symbols inserted with ::before/::after. Reads computed styles only; changes
// nothing. arguments: [max elements walked, max items per list, time budget ms]. Needs describe.js.
var maxElements = arguments[0];
var maxItems = arguments[1];
var budgetMs = arguments[2];
var started = performance.now();
var BLOCK = /^(block|flex|grid|list-item|table|table-cell|table-caption|flow-root|inline-block|inline-flex|inline-grid)$/;
var SKIP = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEMPLATE: 1, SVG: 1, svg: 1, MATH: 1, IFRAME: 1, HEAD: 1 };
var LIST_START = /^\s*(?:[\u2022\u00b7\u2023\u2043\u2219\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u25ba\u25b6\u25b8\u27a4\u2192\u2713\u2714\u2717\u2718\u2610\u2611\u2605\u2606*+\-\u2013\u2014]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s*\S/;
var CONTEXTS = [
  ['heading', 'h1,h2,h3,h4,h5,h6,[role="heading"]'],
  ['control', 'a[href],button,label,summary,select,option,textarea,input,[role="button"],[role="link"],[role="tab"],[role="menuitem"],[role="menuitemcheckbox"],[role="menuitemradio"],[role="option"],[role="checkbox"],[role="radio"],[role="switch"],[role="treeitem"]'],
  ['caption', 'legend,caption,figcaption,dt,blockquote,figure,pre,code,q,address'],
  ['table', 'table,[role="table"],[role="grid"],[role="cell"],[role="gridcell"],[role="row"]'],
  ['list', 'li,[role="listitem"],ul,ol,dl,[role="list"]'],
  ['menu', 'nav,[role="navigation"],[role="menu"],[role="menubar"],[role="tablist"],[role="toolbar"],[role="tooltip"]'],
  ['hidden', '[aria-hidden="true"],[hidden]']
];
var styles = new Map();
function style(el) {
  var found = styles.get(el);
  if (!found) { found = getComputedStyle(el); styles.set(el, found); }
  return found;
}
function clean(text) { return (text || '').replace(/\s+/g, ' ').trim(); }
function shown(el) {
  if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  var box = el.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1) return false;
  var right = box.right + window.scrollX;
  var docWidth = Math.max(document.documentElement.scrollWidth, window.innerWidth);
  if (right <= 0 || box.left + window.scrollX >= docWidth) return false;  // parked off screen (carousels, menus)
  var s = style(el);
  return !(s.clip && s.clip !== 'auto' && s.position === 'absolute') && s.clipPath !== 'inset(50%)';
}
function contexts(el) {
  var found = [];
  CONTEXTS.forEach(function (pair) { if (el.closest(pair[1])) found.push(pair[0]); });
  var chrome = el.closest('header,footer,[role="banner"],[role="contentinfo"]');
  if (chrome && (chrome.getAttribute('role') || !chrome.parentElement.closest('article,aside,main,section,[role="main"]'))) {
    found.push('chrome');
  }
  if (el.id && document.querySelector('[aria-labelledby~="' + CSS.escape(el.id) + '"]')) found.push('label');
  return found;
}
// Kinds of ancestors shared by all of a block's text: a block whose every text sits in a link is a link.
function insideOf(block, holders) {
  var own = contexts(block);
  var shared = null;
  holders.forEach(function (holder) {
    var found = contexts(holder);
    shared = shared === null ? found : shared.filter(function (kind) { return found.indexOf(kind) >= 0; });
  });
  (shared || []).forEach(function (kind) { if (own.indexOf(kind) < 0) own.push(kind); });
  return own;
}
function blockOf(el, cache) {
  var path = [];
  var node = el;
  while (node && node !== document.body && !cache.has(node)) {
    path.push(node);
    if (BLOCK.test(style(node).display)) break;
    node = node.parentElement;
  }
  var block = cache.has(node) ? cache.get(node) : node;
  path.forEach(function (item) { cache.set(item, block); });
  return block;
}
function weightOf(s) { return parseInt(s.fontWeight, 10) || 400; }
// Whether a pseudo-element's text can be seen: not hidden, transparent, scaled to nothing,
// parked off screen (breakpoint markers, tooltips) or squeezed into a pixel.
function pseudoShown(s) {
  if (s.visibility === 'hidden' || s.opacity === '0' || !(parseFloat(s.fontSize) > 0)) return false;
  if (/^rgba\(.*,\s*0\)$/.test(s.color) || s.color === 'transparent') return false;
  var m = /^matrix\(([^)]*)\)$/.exec(s.transform);
  var k = m ? m[1].split(',').map(parseFloat) : null;
  if (k && ((k[0] === 0 && k[1] === 0) || (k[2] === 0 && k[3] === 0))) return false;
  var placed = s.position === 'absolute' || s.position === 'fixed';
  if (placed && (parseFloat(s.left) < -500 || parseFloat(s.top) < -500)) return false;
  if (parseFloat(s.textIndent) < -500) return false;
  var tiny = parseFloat(s.width) <= 1 || parseFloat(s.height) <= 1;
  return !(tiny && s.overflow === 'hidden');
}
// Icon-font glyphs (private-use characters, alone or with an alternative text after "/"):
// pictures, never text, and hundreds of them on a listing page.
var ICON_ONLY = /^"[\ue000-\uf8ff\s]*"(\s*\/\s*"[^"]*")?$/;
var NO_PSEUDO = { IMG: 1, INPUT: 1, SELECT: 1, TEXTAREA: 1, VIDEO: 1, AUDIO: 1, CANVAS: 1, BR: 1, OBJECT: 1, EMBED: 1, METER: 1, PROGRESS: 1 };
function pseudo(el, which) {
  if (NO_PSEUDO[el.tagName]) return null;  // replaced elements render no ::before/::after
  var s = getComputedStyle(el, which);
  var content = s.content;
  if (!content || content === 'none' || content === 'normal' || content === '""' || content === "''") return null;
  if (s.display === 'none' || ICON_ONLY.test(content)) return null;
  return {
    which: which, content: content.slice(0, 300), visible: pseudoShown(s),
    fontFamily: s.fontFamily.slice(0, 120), srOnly: s.position === 'absolute' && ((s.clip && s.clip !== 'auto') || s.clipPath === 'inset(50%)')
  };
}
function controlRequired(el) {
  var target = el.localName === 'label' ? el.control : null;
  if (!target) return null;
  return !!(target.required || target.getAttribute('aria-required') === 'true');
}
function listLines(nodes) {
  var lines = [];
  var current = '';
  nodes.forEach(function (node) {
    if (node.nodeType === 1 && node.localName === 'br') { lines.push(clean(current)); current = ''; }
    else current += ' ' + (node.textContent || '');
  });
  lines.push(clean(current));
  return lines.filter(function (line) { return line; });
}
function markerOf(el) {
  var before = pseudo(el, '::before');
  var match = before && before.visible && /^"([^"]{1,3})"$/.exec(before.content);
  return match ? match[1] + ' ' : '';
}
function lineGroup(container, kind, lines) {
  if (lines.length < 3 || lines.filter(function (line) { return LIST_START.test(line); }).length < 3) return null;
  var item = describe(container);
  item.kind = kind;
  item.lines = lines.slice(0, maxItems).map(function (line) { return line.length > 100 ? line.slice(0, 99) + '\u2026' : line; });
  item.inside = contexts(container);
  return item;
}

var cache = new Map();
var blocks = new Map();
var order = [];
var sizes = {};
var generated = [];
var lists = [];
var walked = 0;
var elements = document.body ? document.body.getElementsByTagName('*') : [];
var complete = true;
for (var i = 0; i < elements.length; i++) {
  if (walked >= maxElements || performance.now() - started > budgetMs) { complete = false; break; }
  var el = elements[i];
  if (SKIP[el.tagName] || el.closest('svg,script,style,noscript,template')) continue;
  walked++;
  if (!shown(el)) continue;
  [pseudo(el, '::before'), pseudo(el, '::after')].forEach(function (found) {
    if (!found || generated.length >= 200) return;
    var entry = describe(el);
    Object.assign(entry, found);
    entry.text = clean(el.textContent).slice(0, 200);
    entry.label = clean(el.getAttribute('aria-label') || el.getAttribute('title') || '').slice(0, 200);
    entry.inside = contexts(el);
    entry.requiredControl = controlRequired(el);
    generated.push(entry);
  });
  var s = style(el);
  var direct = '';
  var brs = 0;
  for (var c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) direct += c.data;
    else if (c.nodeType === 1 && c.localName === 'br') brs++;
  }
  if (brs >= 2 && lists.length < 50 && !el.closest('pre,code,textarea')) {
    var group = lineGroup(el, 'br', listLines(Array.prototype.slice.call(el.childNodes)));
    if (group) lists.push(group);
  }
  direct = clean(direct);
  if (!direct) continue;
  var block = blockOf(el, cache);
  var size = parseFloat(s.fontSize) || 0;
  var key = String(Math.round(size * 10) / 10);
  sizes[key] = (sizes[key] || 0) + direct.length;
  var entry = blocks.get(block);
  if (!entry) { entry = { chars: 0, minSize: size, minWeight: weightOf(s), holders: [] }; blocks.set(block, entry); order.push(block); }
  if (entry.holders.length < 5) entry.holders.push(el);
  entry.chars += direct.length;
  entry.minSize = Math.min(entry.minSize, size);
  entry.minWeight = Math.min(entry.minWeight, weightOf(s));
}
// Text a block holds that the walk did not see as its own (text nodes of the block itself).
var body = 0;
var bodyChars = -1;
Object.keys(sizes).forEach(function (key) { if (sizes[key] > bodyChars) { bodyChars = sizes[key]; body = parseFloat(key); } });
var bodyWeights = {};
order.forEach(function (block) {
  var entry = blocks.get(block);
  entry.text = clean(block.innerText || block.textContent);
  if (Math.abs(entry.minSize - body) < 0.5) bodyWeights[entry.minWeight] = (bodyWeights[entry.minWeight] || 0) + entry.chars;
});
var bodyWeight = 400;
var most = -1;
Object.keys(bodyWeights).forEach(function (key) { if (bodyWeights[key] > most) { most = bodyWeights[key]; bodyWeight = parseInt(key, 10); } });

function summary(block) {
  var entry = blocks.get(block);
  var box = block.getBoundingClientRect();
  return {
    tag: block.localName, text: entry.text.slice(0, 120), chars: entry.text.length,
    size: entry.minSize, weight: entry.minWeight, inside: insideOf(block, entry.holders),
    top: Math.round(box.top + window.scrollY), bottom: Math.round(box.bottom + window.scrollY), left: Math.round(box.left + window.scrollX)
  };
}
var styled = [];
for (var b = 0; b < order.length && styled.length < 100; b++) {
  var block = order[b];
  var entry = blocks.get(block);
  var words = entry.text.split(' ').length;
  var larger = entry.minSize >= body * 1.2;
  var bolder = entry.minWeight >= 600 && bodyWeight < 600 && entry.minSize >= body - 0.5;
  if (!entry.text || entry.text.length > 80 || words > 10 || !(larger || bolder) || !/\p{L}/u.test(entry.text)) continue;
  var item = describe(block);
  Object.assign(item, summary(block));
  delete item.chars;
  var next = order[b + 1];
  item.next = next ? summary(next) : null;
  styled.push(item);
}
// Sibling blocks that read as lines of a list: each a text block of its own, in a parent that is no list.
var parents = new Set();
order.forEach(function (block) { if (block.parentElement) parents.add(block.parentElement); });
parents.forEach(function (parent) {
  if (lists.length >= 50 || parent.matches('ul,ol,menu,dl,tr,select,[role="list"],[role="listbox"],[role="menu"],[role="tablist"],[role="row"]')) return;
  var lines = [];
  var flush = function () {
    var group = lineGroup(parent, 'blocks', lines);
    if (group) lists.push(group);
    lines = [];
  };
  Array.prototype.forEach.call(parent.children, function (child) {
    if (blocks.has(child) && !child.matches('li,[role="listitem"],h1,h2,h3,h4,h5,h6,[role="heading"]') && !child.closest('pre,code')) {
      lines.push(clean(markerOf(child) + blocks.get(child).text));
    } else if (clean(child.textContent)) flush();
  });
  flush();
});
var headings = [];
document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"]').forEach(function (heading) {
  if (headings.length < 50 && shown(heading)) {
    var s = style(heading);
    headings.push({ text: clean(heading.textContent).slice(0, 80), size: parseFloat(s.fontSize) || 0, weight: weightOf(s) });
  }
});
return {
  bodySize: body, bodyWeight: bodyWeight, headings: headings, styled: styled, lists: lists,
  generated: generated, walked: walked, complete: complete, ms: Math.round(performance.now() - started)
};
