// Measures how the page's text and layout survive adaptation (js/lib/describe.js is prepended).
// Run as an async script: arguments[0] is the step, arguments[1] its options, the last
// argument the callback. The "baseline" step remembers, for the unchanged page, which
// elements already clip their content, which texts already overlap and which elements were
// on screen; later steps report only what is new against it (a clipped "sr-only" label or an
// off-canvas drawer is not a finding). Steps:
//   baseline            -> {width, height, dpr}
//   spacing             -> inject the WCAG 1.4.12 spacing, measure, remove it again
//   turned              -> remember the angle of every rotated element; with options.compare
//                          (after the viewport turned to the other orientation) list those
//                          whose angle changed
//   measure             -> measure the page as it is (after a viewport change), with
//                          options.reflow also the elements beyond the viewport's edges and
//                          options.kept also the boxes that cut their own text before
// With options.settle the measurement waits for two animation frames and then for the page to
// stay quiet (see settleThenFinish), so that its own resize handlers have re-laid it out.
var step = arguments[0];
var options = arguments[1] || {};
var done = arguments[arguments.length - 1];
var LIMIT = 25; // elements per list: enough to act on, small enough for one artifact
var TEXT_NODES = 4000; // overlap search budget on huge pages
var SPACING_ID = 'a11y-audit-text-spacing';
var SPACING_CSS =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }' +
  ' p { margin-bottom: 2em !important; }';
var HTML = 'http://www.w3.org/1999/xhtml';
var state = window.__a11yAuditAdaptation;

function styleOf(el) {
  return getComputedStyle(el);
}
function clips(value) {
  return value === 'hidden' || value === 'clip';
}
function shown(el) {
  if (el.checkVisibility) {
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  }
  return el.getClientRects().length > 0 && styleOf(el).visibility === 'visible';
}
function hasText(el) {
  return /\S/.test(el.textContent || '');
}
// A stable name per element across steps (kept with the baseline), to tell new overlaps from old.
function idOf(el) {
  var id = state.ids.get(el);
  if (!id) {
    state.next = (state.next || 0) + 1;
    id = 'n' + state.next;
    state.ids.set(el, id);
  }
  return id;
}
// The part of the viewport-relative rectangle r that ancestors with overflow clipping let show.
var clipCache = new Map();
function clipBox(el) {
  if (!el || el === document.documentElement || el === document.body) {
    return { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
  }
  if (clipCache.has(el)) return clipCache.get(el);
  var outer = clipBox(el.parentElement);
  var cs = styleOf(el);
  var box = outer;
  if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.position === 'fixed') {
    var r = el.getBoundingClientRect();
    box = {
      left: cs.overflowX === 'visible' ? outer.left : Math.max(outer.left, r.left),
      right: cs.overflowX === 'visible' ? outer.right : Math.min(outer.right, r.right),
      top: cs.overflowY === 'visible' ? outer.top : Math.max(outer.top, r.top),
      bottom: cs.overflowY === 'visible' ? outer.bottom : Math.min(outer.bottom, r.bottom),
      fixed: cs.position === 'fixed' || outer.fixed,
    };
  } else if (cs.position === 'sticky') {
    box = Object.assign({}, outer, { fixed: true });
  }
  clipCache.set(el, box);
  return box;
}
function intersect(r, box) {
  return {
    left: Math.max(r.left, box.left),
    right: Math.min(r.right, box.right),
    top: Math.max(r.top, box.top),
    bottom: Math.min(r.bottom, box.bottom),
  };
}
function visibleArea(el) {
  var r = el.getBoundingClientRect();
  var v = intersect(r, clipBox(el.parentElement));
  return Math.max(0, v.right - v.left) * Math.max(0, v.bottom - v.top);
}

// The element's padding box in viewport px: where its overflow clips (borders and scrollbars left out).
function paddingBox(el) {
  var r = el.getBoundingClientRect();
  return {
    left: r.left + el.clientLeft,
    top: r.top + el.clientTop,
    right: r.left + el.clientLeft + el.clientWidth,
    bottom: r.top + el.clientTop + el.clientHeight,
  };
}

// Calls visit(rect) for each line box of the first 200 non-blank text nodes below el that
// accept(node) keeps: what the zoom step measures text against its box with.
function forEachTextRect(el, accept, visit) {
  var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  var range = document.createRange();
  var count = 0;
  for (var node = walker.nextNode(); node && count < 200; node = walker.nextNode()) {
    if (!/\S/.test(node.data) || !accept(node)) continue;
    count++;
    range.selectNodeContents(node);
    var rects = range.getClientRects();
    for (var i = 0; i < rects.length; i++) {
      if (rects[i].width >= 1 && rects[i].height >= 1) visit(rects[i]);
    }
  }
}

// How far the text an element holds reaches beyond its padding box, in CSS px per axis, and
// the height of its tallest line: the letters that clipping hides, not just the line boxes.
function textBeyond(el) {
  var box = paddingBox(el);
  var beyond = { x: 0, y: 0, line: 0 };
  forEachTextRect(
    el,
    function (node) {
      return node.parentElement && shown(node.parentElement);
    },
    function (t) {
      beyond.x = Math.max(beyond.x, box.left - t.left, t.right - box.right);
      beyond.y = Math.max(beyond.y, box.top - t.top, t.bottom - box.bottom);
      beyond.line = Math.max(beyond.line, t.height);
    }
  );
  beyond.x = Math.round(beyond.x);
  beyond.y = Math.round(beyond.y);
  beyond.line = Math.round(beyond.line);
  return beyond;
}

// Shown elements that clip (overflow hidden/clip) text they hold, with how far their content
// (scroll size beyond client size) and their letters (textBeyond) reach out of them.
function clippingElements() {
  var found = [];
  var all = document.body ? document.body.getElementsByTagName('*') : [];
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    if (el.namespaceURI !== HTML) continue;
    var cs = styleOf(el);
    var clipX = clips(cs.overflowX);
    var clipY = clips(cs.overflowY);
    if (!clipX && !clipY) continue;
    if (el.clientWidth <= 2 || el.clientHeight <= 2) continue; // visually hidden text
    if (!hasText(el) || !shown(el) || visibleArea(el) < 4) continue;
    var overX = clipX ? Math.max(0, el.scrollWidth - el.clientWidth) : 0;
    var overY = clipY ? Math.max(0, el.scrollHeight - el.clientHeight) : 0;
    var item = { el: el, scroll: { x: overX, y: overY }, text: { x: 0, y: 0, line: 0 } };
    if (overX > 1 || overY > 1) {
      var text = textBeyond(el);
      item.text = { x: clipX ? text.x : 0, y: clipY ? text.y : 0, line: text.line };
    }
    found.push(item);
  }
  return found;
}
function overflows(item) {
  return item.scroll.x > 1 || item.scroll.y > 1;
}

// What decides whether a box clips its text cleanly (the exceptions of ACT rule 59br37): an
// ellipsis on a line that does not wrap, a box exactly as tall as its lines. The used line
// height of `normal` is the height of the text's own line boxes (`line`, from textBeyond).
function clipStyle(el, line) {
  var cs = styleOf(el);
  var lineHeight = parseFloat(cs.lineHeight);
  return {
    whiteSpace: cs.whiteSpace,
    textOverflow: cs.textOverflow,
    lineHeight: Math.round((isFinite(lineHeight) ? lineHeight : line) * 10) / 10,
    height: Math.round(el.getBoundingClientRect().height * 10) / 10,
    lineClamp: (cs.webkitLineClamp || 'none') !== 'none',
  };
}

// Text the box itself lays out (text nodes in it, or in inline elements in it): not the
// panes of a carousel or tab widget, which hide whole blocks on purpose.
function ownText(el, node) {
  for (var up = node.parentElement; up && up !== el; up = up.parentElement) {
    if (!/^inline/.test(styleOf(up).display) && styleOf(up).display !== 'contents') return false;
  }
  return up === el;
}

// For a box that already cut its text at 100%: how far its own letters reach beyond it, if
// it shows some of them (text moved wholly out of its box is hidden text, as in image
// replacement, not cut-off text).
function ownTextCut(el) {
  var box = paddingBox(el);
  var cut = { x: 0, y: 0, line: 0 };
  var shows = false;
  forEachTextRect(
    el,
    function (node) {
      return ownText(el, node);
    },
    function (t) {
      var v = intersect(t, box);
      if (v.right - v.left >= 1 && v.bottom - v.top >= 1) shows = true;
      cut.x = Math.max(cut.x, box.left - t.left, t.right - box.right);
      cut.y = Math.max(cut.y, box.top - t.top, t.bottom - box.bottom);
      cut.line = Math.max(cut.line, t.height);
    }
  );
  if (!shows) return null;
  return { x: Math.round(cut.x), y: Math.round(cut.y), line: Math.round(cut.line) };
}

// Pairs of text lines of unrelated elements that cover each other by a third of a line or more.
function overlappingPairs() {
  var lines = [];
  var walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  var range = document.createRange();
  var visibleCache = new Map();
  var count = 0;
  for (var node = walker.nextNode(); node && count < TEXT_NODES; node = walker.nextNode()) {
    if (!/\S/.test(node.data)) continue;
    var owner = node.parentElement;
    if (!owner || owner.namespaceURI !== HTML || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|OPTION)$/.test(owner.tagName)) {
      continue;
    }
    if (!visibleCache.has(owner)) visibleCache.set(owner, shown(owner));
    if (!visibleCache.get(owner)) continue;
    var box = clipBox(owner);
    if (box.fixed) continue; // fixed and sticky bars cover content by design and move away on scroll
    count++;
    range.selectNodeContents(node);
    var rects = range.getClientRects();
    for (var j = 0; j < rects.length; j++) {
      var v = intersect(rects[j], box);
      if (v.right - v.left >= 2 && v.bottom - v.top >= 4) lines.push({ owner: owner, r: v });
    }
  }
  lines.sort(function (a, b) {
    return a.r.top - b.r.top;
  });
  var pairs = new Map();
  for (var a = 0; a < lines.length; a++) {
    var first = lines[a];
    for (var b = a + 1; b < lines.length && lines[b].r.top < first.r.bottom; b++) {
      var second = lines[b];
      if (first.owner === second.owner) continue;
      if (first.owner.contains(second.owner) || second.owner.contains(first.owner)) continue;
      var w = Math.min(first.r.right, second.r.right) - Math.max(first.r.left, second.r.left);
      var h = Math.min(first.r.bottom, second.r.bottom) - Math.max(first.r.top, second.r.top);
      var lineHeight = Math.min(first.r.bottom - first.r.top, second.r.bottom - second.r.top);
      if (w < 4 || h < lineHeight / 3) continue;
      var inOrder = first.owner.compareDocumentPosition(second.owner) & Node.DOCUMENT_POSITION_FOLLOWING;
      var pair = inOrder ? [first.owner, second.owner] : [second.owner, first.owner];
      var key = idOf(pair[0]) + ' ' + idOf(pair[1]);
      if (!pairs.has(key)) pairs.set(key, { key: key, el: pair[0], other: pair[1], height: Math.round(h) });
    }
  }
  return Array.from(pairs.values());
}

function viewport() {
  return {
    width: document.documentElement.clientWidth,
    innerWidth: window.innerWidth,
    height: window.innerHeight,
    dpr: window.devicePixelRatio,
  };
}

function baseline() {
  var onScreen = new WeakSet();
  var width = document.documentElement.clientWidth;
  var all = document.body ? document.body.getElementsByTagName('*') : [];
  for (var i = 0; i < all.length; i++) {
    var r = all[i].getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.right > 0 && r.left < width) onScreen.add(all[i]);
  }
  var clipped = new WeakMap();
  clippingElements().forEach(function (item) {
    if (overflows(item)) clipped.set(item.el, item.text);
  });
  window.__a11yAuditAdaptation = state = { ids: new WeakMap(), clipped: clipped, onScreen: onScreen };
  state.overlaps = new Set(
    overlappingPairs().map(function (pair) {
      return pair.key;
    })
  );
  return viewport();
}

function describeText(el) {
  var d = describe(el);
  d.text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 120);
  return d;
}

function ownTextWidth(el) {
  if (styleOf(el).overflowX !== 'visible') return 0; // it clips its own text
  for (var child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && /\S/.test(child.data)) return el.scrollWidth;
  }
  return 0;
}

// Elements beyond the left or right edge at this width, outermost first, not counting
// what a clipping or scrolling ancestor contains (that ancestor is judged instead). An
// element whose own text runs past the edge (a long line in <pre>, an unbroken URL) counts
// too. Several like siblings beyond the edge (a row of chips that does not wrap) are
// reported as their row.
function beyondEdges(twoDimensional) {
  var width = document.documentElement.clientWidth;
  var found = [];
  var reported = new Set();
  var all = document.body ? document.body.getElementsByTagName('*') : [];
  for (var i = 0; i < all.length && found.length < LIMIT * 4; i++) {
    var el = all[i];
    var r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    var left = r.left + window.scrollX;
    var right = Math.max(r.right, r.left + ownTextWidth(el)) + window.scrollX;
    if (right <= width + 1 && left >= -1) continue;
    if (!state.onScreen.has(el) || !shown(el)) continue;
    var skip = false;
    for (var up = el.parentElement; up && up !== document.body && up !== document.documentElement; up = up.parentElement) {
      if (reported.has(up) || styleOf(up).overflowX !== 'visible') {
        skip = true;
        break;
      }
    }
    if (skip) continue;
    reported.add(el);
    found.push({ el: el, left: left, right: right });
  }
  var byParent = new Map();
  found.forEach(function (item) {
    var key = item.el.parentElement;
    if (!byParent.has(key)) byParent.set(key, new Map());
    var byTag = byParent.get(key);
    byTag.set(item.el.localName, (byTag.get(item.el.localName) || []).concat([item]));
  });
  var groups = [];
  byParent.forEach(function (byTag, parent) {
    byTag.forEach(function (items) {
      groups.push({ parent: parent, items: items });
    });
  });
  var rows = [];
  groups.forEach(function (group) {
    var items = group.items;
    var parent = group.parent;
    if (items.length < 2 || parent === document.body || parent === document.documentElement) {
      rows = rows.concat(items);
      return;
    }
    var pr = parent.getBoundingClientRect();
    rows.push({
      el: parent,
      left: Math.min.apply(null, items.map(function (item) { return item.left; }).concat([pr.left + window.scrollX])),
      right: Math.max.apply(null, items.map(function (item) { return item.right; }).concat([pr.right + window.scrollX])),
    });
  });
  return rows.slice(0, LIMIT).map(function (row) {
    return offender(row, width, twoDimensional);
  });
}

// What makes an element this wide: itself or a descendant that may need two dimensions
// (a data table, a video) reaching its far edge; the check decides whether that is allowed.
function offender(row, width, twoDimensional) {
  var el = row.el;
  var widest = el.matches(twoDimensional) ? el : null;
  var inner = widest ? [] : el.querySelectorAll(twoDimensional);
  for (var k = 0; k < inner.length && !widest; k++) {
    var ir = inner[k].getBoundingClientRect();
    var beyondRight = row.right > width + 1 && ir.right + window.scrollX >= row.right - 2;
    var beyondLeft = row.left < -1 && ir.left + window.scrollX <= row.left + 2;
    if (beyondRight || beyondLeft) widest = inner[k];
  }
  var item = describe(el);
  item.width = Math.round(row.right - row.left);
  item.left = Math.round(row.left);
  item.right = Math.round(row.right);
  item.position = styleOf(el).position;
  if (widest) {
    item.needs = { tag: widest.localName, role: widest.getAttribute('role') || '', selector: describe(widest).selector };
  }
  return item;
}

function measure(extra) {
  clipCache = new Map();
  var result = { viewport: viewport() };
  // Only axes on which letters were not cut before: a name already shortened with an
  // ellipsis at the start is not newly clipped when spacing shortens it further. Boxes
  // that could clip and did not are listed as `fits` (the checks pass them).
  result.clipped = [];
  result.fits = [];
  var boxes = clippingElements();
  boxes.forEach(function (item) {
    if (!overflows(item)) {
      if (result.fits.length < LIMIT) result.fits.push(describeText(item.el));
      return;
    }
    var before = state.clipped.get(item.el) || { x: 0, y: 0 };
    var x = before.x < 1 ? item.text.x : 0;
    var y = before.y < 1 ? item.text.y : 0;
    var newScroll = !state.clipped.has(item.el);
    if (result.clipped.length >= LIMIT || (x < 1 && y < 1 && !newScroll)) return;
    var d = describeText(item.el);
    d.overflow = item.scroll;
    d.textOverflow = { x: x, y: y, line: item.text.line };
    d.client = { width: item.el.clientWidth, height: item.el.clientHeight };
    d.style = clipStyle(item.el, item.text.line);
    result.clipped.push(d);
  });
  // With options.kept, also the boxes that cut their own text at 100% already and still do
  // (a fixed 50 px wide box cuts its words at any zoom): 200% zoom does not fix them.
  if (extra.kept) {
    result.kept = [];
    boxes.forEach(function (item) {
      var before = state.clipped.get(item.el);
      if (!before || result.kept.length >= LIMIT || (before.x < 1 && before.y < 1)) return;
      var r = item.el.getBoundingClientRect();
      if (r.right + window.scrollX <= 0 || r.bottom + window.scrollY <= 0) return; // off the page
      // A ticker's text moves through its box and comes into view in turn (2.2.2's concern).
      if (item.el.getAnimations && item.el.getAnimations({ subtree: true }).length) return;
      var cut = ownTextCut(item.el);
      if (!cut) return;
      var x = before.x >= 1 && clips(styleOf(item.el).overflowX) ? cut.x : 0;
      var y = before.y >= 1 && clips(styleOf(item.el).overflowY) ? cut.y : 0;
      if (x < 1 && y < 1) return;
      var d = describeText(item.el);
      d.overflow = item.scroll;
      d.textOverflow = { x: x, y: y, line: cut.line };
      d.client = { width: item.el.clientWidth, height: item.el.clientHeight };
      d.style = clipStyle(item.el, cut.line);
      result.kept.push(d);
    });
  }
  result.overlaps = overlappingPairs()
    .filter(function (pair) {
      return !state.overlaps.has(pair.key);
    })
    .slice(0, LIMIT)
    .map(function (pair) {
      var d = describeText(pair.el);
      d.other = describeText(pair.other);
      d.overlap = pair.height;
      return d;
    });
  if (extra.reflow) {
    var scroller = document.scrollingElement || document.documentElement;
    result.scrollWidth = scroller.scrollWidth;
    result.offenders = beyondEdges(extra.twoDimensional);
  }
  return result;
}

// How far an element is turned around the Z axis, in degrees (-180 to 180]: its transform
// (any functions, as the computed matrix) plus its rotate property; null when it is turned
// around another axis. Only elements that are turned at all are listed.
var UNITS = { deg: 1, rad: 180 / Math.PI, grad: 0.9, turn: 360 };
function zAngle(el) {
  var cs = styleOf(el);
  var angle = 0;
  if (cs.transform && cs.transform !== 'none') {
    var m = new DOMMatrixReadOnly(cs.transform);
    angle += (Math.atan2(m.b, m.a) * 180) / Math.PI;
  }
  if (cs.rotate && cs.rotate !== 'none') {
    var parts = cs.rotate.trim().split(/\s+/);
    var turn = /^(-?[\d.e+-]+)(deg|rad|grad|turn)$/.exec(parts[parts.length - 1]);
    if (!turn) return null;
    var axis = parts.slice(0, -1).join(' ');
    var sign = 1;
    if (/^0 0 -?[\d.]+$/.test(axis)) sign = Number(parts[2]) < 0 ? -1 : 1;
    else if (axis && axis !== 'z') return null;
    angle += sign * Number(turn[1]) * UNITS[turn[2]];
  }
  angle = ((angle % 360) + 360) % 360;
  return Math.round((angle > 180 ? angle - 360 : angle) * 100) / 100;
}
function turnedElements() {
  var found = new Map();
  var all = document.getElementsByTagName('*');
  for (var i = 0; i < all.length; i++) {
    var cs = styleOf(all[i]);
    if ((cs.transform && cs.transform !== 'none') || (cs.rotate && cs.rotate !== 'none')) found.set(all[i], zAngle(all[i]));
  }
  return found;
}
// The "turned" step, twice: first in the page's own orientation (remembered), then in the
// other (options.compare), listing the elements whose angle differs between the two.
function turned() {
  if (!options.compare) {
    state.turned = turnedElements();
    return { count: state.turned.size };
  }
  var now = turnedElements();
  var before = state.turned || new Map();
  var changed = [];
  new Set(Array.from(before.keys()).concat(Array.from(now.keys()))).forEach(function (el) {
    var first = before.has(el) ? before.get(el) : 0;
    var second = now.has(el) ? now.get(el) : 0;
    if (first === second || changed.length >= LIMIT || !shown(el)) return;
    var d = describe(el);
    d.angles = { first: first, second: second };
    changed.push(d);
  });
  return { turned: changed };
}

function run() {
  if (step === 'baseline') return baseline();
  if (step === 'turned') return turned();
  if (!state) throw new Error('layout_adaptation: the baseline step did not run on this page');
  if (step === 'spacing') {
    var style = document.createElement('style');
    style.id = SPACING_ID;
    style.textContent = SPACING_CSS;
    (document.head || document.documentElement).appendChild(style);
    try {
      return measure({});
    } finally {
      style.remove();
    }
  }
  return measure(options);
}

var settled = false;
function finish() {
  if (settled) return;
  settled = true;
  try {
    done({ ok: run() });
  } catch (error) {
    done({ error: String(error && error.message ? error.message : error) });
  }
}
// Settling: two animation frames let resize handlers run; then the page must stay quiet (no
// element added, removed, restyled or re-classed) for QUIET ms, since themes debounce their
// resize handlers (a carousel re-pages ~200 ms after the viewport changed), up to SETTLE_MAX
// ms for a page that never stops moving. Timers, not rAF alone: rAF does not fire in a
// hidden or throttled tab.
var QUIET = 250;
var SETTLE_MAX = 1200;
function settleThenFinish() {
  var quietTimer = null;
  var observer = new MutationObserver(function () {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(stop, QUIET);
  });
  function stop() {
    observer.disconnect();
    clearTimeout(quietTimer);
    finish();
  }
  observer.observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'],
  });
  quietTimer = setTimeout(stop, QUIET);
  setTimeout(stop, SETTLE_MAX);
}
if (options.settle) {
  var started = false;
  var begin = function () {
    if (started) return;
    started = true;
    settleThenFinish();
  };
  requestAnimationFrame(function () {
    requestAnimationFrame(begin);
  });
  setTimeout(begin, 200);
} else {
  finish();
}
