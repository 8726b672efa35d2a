// Content that moves, blinks or updates by itself, found without waiting: running CSS/Web
// animations longer than 5 s (document.getAnimations), <marquee>, media that plays by itself,
// and repeating timers (recorded by js/page_hooks.js), each run for one step to see what it
// changes and two more to see whether its text keeps changing. For each, the nearest control
// that could pause, stop or hide it.
// arguments: [maximum timers to step]. Needs describe.js.
var hooks = window.__a11yAuditHooks;
var maxTimers = arguments[0];
var CONTROL = /\b(pause|stop|play|hide|close|dismiss|freeze|mute|unmute|sound|volume|animation)\b/i;
// Anything on the page that might pause, stop, hide or slow auto-updating text, wherever it
// is (a "Stop updates" button at the foot of the page, a settings dialog): broad on purpose,
// since only a page with none of them is certain to offer no way to stop the updates.
var INSTRUMENT = /\b(pause|stop|play|hide|close|dismiss|freeze|mute|sound|volume|animat|frequen|speed|interval|rate\b|control|setting|update|refresh|auto|live)/i;
var CAROUSEL = /carousel|slide|swiper|ticker|marquee|rotat|gallery|hero|banner|news/i;
function shown(el) {
  if (!el || !el.isConnected) return false;
  if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  var box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}
function nameOf(el) {
  var label = el.getAttribute('aria-label') || el.title || el.value || el.innerText || '';
  Array.prototype.forEach.call(el.labels || [], function (node) { label += ' ' + node.textContent; });
  (el.getAttribute('aria-labelledby') || '').split(/\s+/).forEach(function (id) {
    var node = id && document.getElementById(id);
    if (node) label += ' ' + node.textContent;
  });
  return label.replace(/\s+/g, ' ').trim();
}
function controlNear(el) {
  // The element and its parent: a page-wide region (main, body) holds other widgets' buttons.
  var scopes = [el, el.parentElement];
  for (var i = 0; i < scopes.length; i++) {
    if (!scopes[i] || scopes[i].matches('body, main, [role="main"], form, article, section:has(> main)')) break;
    var candidates = scopes[i].querySelectorAll('button, [role="button"], [role="switch"], input[type="checkbox"], input[type="button"], a[href]');
    for (var k = 0; k < candidates.length; k++) {
      if (shown(candidates[k]) && CONTROL.test(nameOf(candidates[k]))) return describe(candidates[k]).selector;
    }
  }
  return null;
}
var CONTROLS = 'button, [role="button"], [role="switch"], [role="slider"], input, select, a[href]';
// A button without a name may be an icon-only pause button: it counts too.
function instrumentOnPage() {
  var candidates = document.querySelectorAll(CONTROLS);
  for (var k = 0; k < candidates.length; k++) {
    var el = candidates[k];
    if (!shown(el)) continue;
    var name = nameOf(el);
    if (INSTRUMENT.test(name) || (!name && el.matches('button, [role="button"], [role="switch"]'))) {
      return describe(el).selector;
    }
  }
  return null;
}
function textOf(el) {
  return (el.innerText || '').replace(/\s+/g, ' ').trim();
}
function entry(el, kind) {
  var found = describe(el);
  found.kind = kind;
  found.control = controlNear(el);
  found.carousel = !!(el.closest('[aria-roledescription~="carousel"]') || el.querySelector('[aria-roledescription~="slide"]'))
    || CAROUSEL.test((el.className && el.className.baseVal !== undefined ? el.className.baseVal : el.className) + ' ' + el.id);
  return found;
}
var movers = [];
var seen = new Set();
(document.getAnimations ? document.getAnimations() : []).forEach(function (animation) {
  var effect = animation.effect;
  var target = effect && effect.target;
  if (!target || target.nodeType !== 1 || seen.has(target) || animation.playState !== 'running') return;
  var timing = effect.getComputedTiming ? effect.getComputedTiming() : effect.getTiming();
  var lasts = timing.iterations === Infinity ? Infinity : (Number(timing.duration) || 0) * timing.iterations;
  if (!(lasts > 5000) || !shown(target)) return;
  seen.add(target);
  var item = entry(target, 'animation');
  item.name = String(animation.animationName || animation.id || '');
  item.loading = !!target.closest('[role="progressbar"], [aria-busy="true"]') || /spin|load|progress|busy/i.test(item.name + ' ' + target.className);
  movers.push(item);
});
document.querySelectorAll('marquee, blink').forEach(function (el) { if (shown(el)) movers.push(entry(el, el.localName)); });
var steps = 0;
if (hooks) {
  hooks.intervals.forEach(function (timer) {
    if (steps >= maxTimers || timer.delay < 10 || timer.delay > 60000) return;
    steps += 1;
    hooks.start(true);
    try { timer.callback.apply(window, timer.args); } catch (e) { /* the page's own error */ }
    var changed = hooks.flush().map(function (change) { return change.element; })
      .filter(function (el) { return el.isConnected && el !== document.body && el !== document.documentElement; });
    hooks.stop();
    if (!changed.length) return;
    var region = changed[0];
    changed.forEach(function (el) { while (region && !region.contains(el)) region = region.parentElement; });
    if (!region || region === document.body || region === document.documentElement) return;
    // The whole widget, not just the track its step touched: that is where its controls are.
    region = region.closest('[aria-roledescription~="carousel"], [role="marquee"], [role="timer"]') || region;
    if (!shown(region)) return;
    var item = entry(region, 'timer');
    item.every = timer.delay;
    item.changed = changed.length;
    // Does its text change, time after time? Two more steps, each compared with the last.
    var texts = [textOf(region)];
    hooks.start(true);
    for (var again = 0; again < 2; again++) {
      try { timer.callback.apply(window, timer.args); } catch (e) { /* the page's own error */ }
      texts.push(textOf(region));
    }
    hooks.stop();
    item.textChanges = (texts[0] !== texts[1] ? 1 : 0) + (texts[1] !== texts[2] ? 1 : 0);
    item.alone = textOf(document.body) === texts[2];
    movers.push(item);
  });
}
// The part of the resource that plays: a media fragment (#t=8,10) plays from 8 s to 10 s.
function played(el) {
  if (!isFinite(el.duration)) return null;
  var range = /#(?:.*&)?t=(?:npt:)?([\d.:]*)(?:,([\d.:]+))?/.exec(el.currentSrc || '');
  var seconds = function (text, otherwise) {
    if (!text) return otherwise;
    return text.split(':').reduce(function (sum, part) { return sum * 60 + Number(part); }, 0);
  };
  var start = range ? Math.min(seconds(range[1], 0), el.duration) : 0;
  var end = range ? Math.min(seconds(range[2], el.duration), el.duration) : el.duration;
  return { start: start, end: Math.max(start, end) };
}
var mediaElements = Array.prototype.filter.call(document.querySelectorAll('video, audio'), function (el) {
  return el.autoplay || !el.paused;
});
window.__a11yAuditMedia = []; // for js/motion_sound.js
var media = mediaElements.map(function (el) {
  var item = entry(el, el.localName);
  var range = played(el);
  window.__a11yAuditMedia.push({ element: el, range: range });
  item.paused = el.paused;
  item.muted = el.muted || el.volume === 0;
  item.loop = el.loop;
  item.controls = el.controls;
  item.duration = range ? Math.round((range.end - range.start) * 10) / 10 : null;
  item.visible = shown(el);
  return item;
});
return { movers: movers, media: media, timersStepped: steps, hooks: !!hooks, instrument: instrumentOnPage() };
