// The keyboard gatherer's page side (a11y_audit/browser/gatherers/keyboard.py). The first call
// installs window.__a11yKeyboard (state plus run(action, arg)); later calls send only a short
// script that calls run(), so the source is parsed once per page. Elements are referred to by
// their index in state.stops (Tab stops, recorded by a focusin listener as Tab reaches them, so
// a batch of Tab presses costs one round trip) or state.openers (components probed). What opens
// a component and what it opens are js/lib/openers.js's, shared with the dialog gatherer.
if (!window.__a11yKeyboard) {
window.__a11yKeyboard = (function () {
var state = { stops: [], last: null, openers: [], log: [], walk: [], walking: false, component: null, keyOpen: 0, keyTurns: 0 };
// Help that names a way out: a key combination with a modifier ("Press Ctrl+M to exit") or a
// function key, and controls whose name offers such help ("Help", "How to leave...").
var ADVISED_KEY = /\b((?:(?:ctrl|control|alt|option|shift|cmd|command|meta)\s*[+-]\s*)+)(f1[0-2]|f[1-9]|esc(?:ape)?|tab|enter|home|end|[a-z0-9])\b|\bpress(?:ing)?\s+(?:the\s+)?(f1[0-2]|f[1-9])\b/ig;
var HELP_WORDS = /\bhelp\b|\bhow to\b|\binstructions?\b|keyboard/i;

function deepActive() {
  var a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
function leftDocument(a) {
  // Not document.hasFocus(): headless windows often report false while keys still arrive.
  return !a || a === document.body || a === document.documentElement;
}
function docBox(el) {
  var b = el.getBoundingClientRect();
  return { x: b.left + scrollX, y: b.top + scrollY, width: b.width, height: b.height };
}
function kind(el) {
  var classes = (el.getAttribute('class') || '').trim().split(/\s+/).filter(function (c) {
    return c && !/^(is|has)-/.test(c);
  }).sort();
  return [el.localName, el.getAttribute('role') || '', el.getAttribute('type') || ''].join('|') + '.' + classes.join('.');
}
function stopData(el) {
  var data = describe(el);
  data.tag = el.localName;
  data.kind = kind(el);
  data.role = el.getAttribute('role');
  data.tabindex = el.getAttribute('tabindex');
  data.focus_visible = el.matches(':focus-visible');
  data.skip = el.localName === 'a' && /^#/.test(el.getAttribute('href') || '') &&
    (SKIP_WORDS.test(name(el)) || /skip/i.test(el.getAttribute('class') || ''));
  data.style = focusStyle(el);
  var where = whereFocusIs(el);
  for (var key in where) data[key] = where[key];
  return data;
}
function proxy(el) {
  var candidates = el.labels && el.labels[0] ? [el.labels[0]] : [];
  for (var node = el.parentElement, i = 0; node && i < 3; node = node.parentElement, i++) candidates.push(node);
  return candidates.filter(function (c) {
    var b = c.getBoundingClientRect();
    return b.width >= 8 && b.height >= 8 && b.width <= 800 && b.height <= 400 && !whereFocusIs(c).hidden.length;
  })[0] || null;
}
function commonAncestor(elements) {
  var node = elements[0];
  while (node && !elements.every(function (el) { return node.contains(el); })) node = node.parentElement;
  return node || document.body;
}
function isMember(el) {
  // Inside the component, or for a Tab cycle the walk found, on one of its stops.
  if (!state.members) return inside(state.component, el);
  return state.members.some(function (member) { return inside(member, el); });
}
function advisedKeys() {
  var text = document.body ? document.body.innerText || '' : '';
  var found = [];
  var match;
  ADVISED_KEY.lastIndex = 0;
  while ((match = ADVISED_KEY.exec(text)) && found.length < 3) {
    var mods = (match[1] || '').split(/[+-]/).map(function (m) { return m.trim().toLowerCase(); }).filter(Boolean);
    var key = (match[2] || match[3]).toLowerCase();
    var combo = { modifiers: mods, key: key, text: match[0].replace(/^press(ing)?\s+(the\s+)?/i, '') };
    if (!found.some(function (f) { return f.key === key && f.modifiers.join() === mods.join(); })) found.push(combo);
  }
  return found;
}
function activatable(el) {
  // Enter on it cannot leave the page or submit a form: a button that submits nothing, or a
  // link to a fragment of this page.
  if (el.localName === 'a') return /^#/.test(el.getAttribute('href') || '');
  if (el.localName === 'button') return (el.getAttribute('type') || 'submit').toLowerCase() !== 'submit' || !el.form;
  return el.getAttribute('role') === 'button';
}
function takeMutations() {
  // The records since the last call: those the observer already delivered, and the queued.
  if (!state.observer) {
    state.mutations = [];
    state.observer = new MutationObserver(function (records) { state.mutations.push.apply(state.mutations, records); });
    state.observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true,
      attributes: true, attributeFilter: ['hidden', 'open', 'style', 'class'] });
  }
  var records = state.mutations.concat(state.observer.takeRecords());
  state.mutations = [];
  return records;
}
function contentChanges(records) {
  // Content shown, hidden, added or rewritten. Not attributes of <html> and <body> (scripts
  // that note the input modality mark them on every key) nor scripts, styles and metadata.
  var inert = /^(script|style|link|meta|noscript|template)$/;
  function content(node) {
    return node.nodeType === 1 ? !inert.test(node.localName) : node.nodeType === 3 && !!node.data.trim();
  }
  return records.filter(function (r) {
    if (r.type === 'childList') {
      return Array.prototype.some.call(r.addedNodes, content) || Array.prototype.some.call(r.removedNodes, content);
    }
    if (r.type === 'attributes') return r.target !== document.documentElement && r.target !== document.body;
    return true;
  }).length;
}
function logSummary(container) {
  var entries = state.log.splice(0);
  return {
    presses: entries.length,
    left: entries.some(function (el) { return el === null || leftDocument(el) || !inside(container, el); })
  };
}

function record(e) {
  var el = deepActive() || e.target;
  state.log.push(el);
  if (!state.walking || leftDocument(el)) return;
  var entry = { url: location.href, frame: el.localName === 'iframe', index: state.stops.indexOf(el) };
  if (state.last && state.last !== el) {
    entry.previous = { index: state.stops.indexOf(state.last), style: focusStyle(state.last) };
  }
  // A stop focused again outside a key's own task: a script (a timer) moved focus back to it.
  // Not the stop focus was on: the window getting focus back gives it focus again.
  // The key's turn ends with the focus change it made (and at the latest with its task).
  if (entry.index >= 0 && !state.keyOpen && el !== state.last) entry.unprompted = true;
  if (state.keyOpen) Promise.resolve().then(function () { state.keyOpen = 0; });
  if (entry.index < 0) {
    entry.index = state.stops.length;
    entry.stop = stopData(el);
    state.stops.push(el);
  }
  state.last = el;
  state.walk.push(entry);
}
function recordLeaving() {
  // The window also loses focus when focus moves into a frame: then the frame is the stop.
  var frame = document.activeElement;
  if (frame && frame.localName === 'iframe') return record({ target: frame });
  state.log.push(null);
  if (!state.walking) return;
  state.walk.push({ url: location.href, left: true });
}
function keyTask() {
  // A key moves focus in its own task: focus that moves after that task (a script's timer)
  // is told from focus the key moved. A key that moves no focus ends its turn by a 0 ms timer.
  var turn = ++state.keyTurns;
  state.keyOpen = turn;
  setTimeout(function () { if (state.keyOpen === turn) state.keyOpen = 0; }, 0);
}
window.addEventListener('keydown', keyTask, true);
document.addEventListener('focusin', record, true);
window.addEventListener('blur', recordLeaving);

function stillStyles() {
  var css = document.createElement('style');
  css.textContent = '*, *::before, *::after { transition: none !important; scroll-behavior: auto !important; }';
  document.head.appendChild(css);
}

function run(action, arg) {
switch (action) {
  case 'start': {
    // Focus the document itself, so the first Tab goes to the first stop of the page.
    var active = document.activeElement;
    if (active && active.blur) active.blur();
    window.focus();
    stillStyles();
    state.stops = [];
    state.last = null;
    state.walk = [];
    state.walking = true;
    return { url: location.href, viewport: { width: innerWidth, height: innerHeight } };
  }
  case 'restore': {
    // A fresh copy of the walked page (arg: the stops' selectors): find the stops again;
    // which were found (the copy may differ from the page walked).
    window.focus();
    stillStyles();
    state.stops = arg.map(function (selector) { return document.querySelector(selector); });
    state.log.splice(0);
    return state.stops.map(function (el) { return !!el && rendered(el); });
  }
  case 'shortcut': {
    // After a printable key pressed on the page: where focus went and how many content
    // changes it made; then blur for the next key (what blurring changes is not counted).
    var changes = contentChanges(takeMutations());
    var now = deepActive();
    var moved = leftDocument(now) ? null : describe(now);
    if (now && now.blur) now.blur();
    window.focus();  // the walk may have left focus in the browser's controls
    takeMutations();
    return { url: location.href, focus: moved, changes: changes };
  }
  case 'walk': {
    // What the Tab presses since the last call reached; `active` tells a stop that kept focus.
    var now = deepActive();
    return { entries: state.walk.splice(0), url: location.href,
             active: leftDocument(now) ? null : state.stops.indexOf(now) };
  }
  case 'resume': {
    // Walk on from wherever the cycle test left focus.
    var now = deepActive();
    state.walk = [];
    state.last = leftDocument(now) ? null : now;
    state.walking = true;
    return true;
  }
  case 'order': {
    // The walk is over: each stop's rank in document order (0 = first in the DOM), and the
    // unfocused styles of the stops (arg: indexes) that focus left for the browser's controls.
    state.walking = false;
    var sorted = state.stops.slice().sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    // The last stop keeps focus in the document after Tab took focus to the browser's
    // controls: blur it to read its unfocused style (the walk is over, nothing else needs it).
    var styles = {};
    arg.forEach(function (i) {
      var stop = state.stops[i];
      if (stop === deepActive() && stop.blur) stop.blur();
      if (stop !== deepActive()) styles[i] = focusStyle(stop);
    });
    return { ranks: state.stops.map(function (el) { return sorted.indexOf(el); }), styles: styles };
  }
  case 'container': {
    // arg: indexes of the stops that focus cycles through.
    state.walking = false;
    var members = arg.map(function (i) { return state.stops[i]; });
    state.component = commonAncestor(members);
    state.members = members;
    state.log.splice(0);
    return describe(state.component);
  }
  case 'focus-member': {
    // Put focus back on a member of the trapping set (or component) before the next key test,
    // with the window focused: keys pressed while focus is in the browser's controls would
    // not reach the page.
    var target = state.members && state.members.filter(rendered)[0];
    if (!target && state.component) target = focusables(state.component)[0] || state.component;
    window.focus();
    if (target) target.focus();
    state.log.splice(0);
    return !!target && inside(state.component, deepActive());
  }
  case 'escaped': {
    var summary = logSummary(state.component);
    var now = deepActive();
    summary.left = summary.left || leftDocument(now) || !inside(state.component, now) || !rendered(state.component);
    return summary;
  }
  case 'refocus-probe': {
    // After the walk: blur the stop that has focus, as leaving it with Tab would (index, else -1).
    var now = deepActive();
    var index = leftDocument(now) ? -1 : state.stops.indexOf(now);
    if (index >= 0 && now.blur) now.blur();
    state.log.splice(0);
    return index;
  }
  case 'reclaimed': {
    // A moment after the probe, without a key: the stops a script gave focus to, the one
    // holding it now first.
    var now = deepActive();
    var seen = state.log.splice(0).filter(function (el) { return el !== null; });
    if (seen.length && !leftDocument(now)) seen.unshift(now);
    return seen.map(function (el) { return state.stops.indexOf(el); }).filter(function (i, at, all) {
      return i >= 0 && all.indexOf(i) === at;
    });
  }
  case 'settled': {
    // Since the last call: did focus leave the page, and is it now outside the component?
    var entries = state.log.splice(0);
    var now = deepActive();
    return {
      left: leftDocument(now) || entries.some(function (el) { return el === null || leftDocument(el); }),
      outside: !leftDocument(now) && !isMember(now),
      moves: entries.length
    };
  }
  case 'hold-focus': {
    // arg: a stop index. Focus it; 'held' tells later whether it kept focus since.
    // null: it cannot be tried (gone); false: focusing it sent focus elsewhere at once.
    var stop = state.stops[arg];
    if (!stop || !rendered(stop)) return null;
    window.focus();
    stop.focus();
    state.log.splice(0);
    return deepActive() === stop;
  }
  case 'held': {
    var stop = state.stops[arg];
    return state.log.splice(0).length === 0 && deepActive() === stop;
  }
  case 'help': {
    // Key combinations the page's text advises, and a help control in the component.
    var helper = focusables(state.component).filter(function (el) {
      return isMember(el) && activatable(el) && HELP_WORDS.test(name(el));
    })[0] || null;
    state.helper = helper;
    return { keys: advisedKeys(), control: helper && describe(helper) };
  }
  case 'help-focus': {
    if (state.helper) state.helper.focus();
    return !!state.helper && deepActive() === state.helper;
  }
  case 'closer': {
    // A keyboard-operable close control inside the component, focused for an Enter test.
    var closers = focusables(state.component).filter(function (el) { return CLOSE_WORDS.test(name(el)); });
    if (!closers.length) return null;
    closers[0].focus();
    state.log.splice(0);
    return describe(closers[0]);
  }
  case 'pixel-prepare': {
    // arg: stop index. Take focus away and report the area to compare, unfocused: the
    // stop itself, or for a visually hidden control the label or small ancestor showing it.
    var stop = state.stops[arg];
    if (!rendered(stop)) return null;
    var box = stop.getBoundingClientRect();
    if (box.bottom < 0 || box.top > innerHeight) stop.scrollIntoView({ block: 'center' });
    var area = whereFocusIs(stop).hidden.length ? proxy(stop) : stop;
    if (!area) return { box: null };  // nothing near it is visible: nothing can show its focus
    var current = deepActive();
    if (current && current.blur) current.blur();
    if (!rendered(stop) || !rendered(area)) return null;
    state.area = area;
    return { box: docBox(area), proxy: area !== stop };
  }
  case 'pixel-focus': {
    var stop = state.stops[arg];
    stop.focus({ preventScroll: true });
    return { focused: deepActive() === stop, focus_visible: stop.matches(':focus-visible'), box: docBox(state.area) };
  }
  case 'skip-link': {
    // arg: index of an early stop that looks like a skip link; focus it for the Enter test.
    var link = state.stops[arg];
    var target = fragmentTarget(link);
    state.skip = { link: link, target: target, scrollY: scrollY };
    link.focus();
    return { href: link.getAttribute('href'), target: target && describe(target) };
  }
  case 'skip-result': {
    var skip = state.skip;
    var main = skip.target || document.querySelector('main, [role="main"]');
    var now = deepActive();
    return {
      focus: leftDocument(now) ? null : describe(now),
      focus_in_target: inside(main, now),
      scrolled: Math.abs(scrollY - skip.scrollY) > 1
    };
  }
  case 'skip-next': {
    var skip = state.skip;
    var main = skip.target || document.querySelector('main, [role="main"]');
    var now = deepActive();
    var follows = !!skip.target && !leftDocument(now) &&
      !!(skip.target.compareDocumentPosition(now) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { focus: leftDocument(now) ? null : describe(now), focus_in_target: inside(main, now), follows_target: follows };
  }
  case 'close-component': {
    // After a probe that got out: close a native modal dialog, which would make the rest inert.
    var open = state.component;
    if (open && open.localName === 'dialog' && open.open) open.close();
    return true;
  }
  case 'openers': {
    // Components that open on activation; arg: how many to return. Only buttons and same-page
    // links: never a submit button, a form field (Enter submits its form) or a link that leaves.
    var seen = {};
    var found = [];
    var candidates = document.querySelectorAll(OPENER_SELECTOR);
    for (var i = 0; i < candidates.length && found.length < arg; i++) {
      var el = candidates[i];
      if (!isOpener(el)) continue;
      var key = kind(el);
      if (seen[key]) continue;
      seen[key] = true;
      state.openers.push(el);
      found.push(state.openers.length - 1);
    }
    return found;
  }
  case 'open-before': {
    var opener = state.openers[arg];
    opener.focus();
    var target = controlled(opener);
    state.probe = { opener: opener, target: target, wasShown: !!target && rendered(target), dialogs: openDialogs() };
    return { opener: describe(opener), focused: deepActive() === opener, url: location.href };
  }
  case 'open-after': {
    var probe = state.probe;
    var component = null;
    if (probe.target && rendered(probe.target) && !probe.wasShown) component = probe.target;
    if (!component) {
      component = openDialogs().filter(function (d) { return probe.dialogs.indexOf(d) < 0; })[0] || null;
    }
    if (!component && probe.target && rendered(probe.target) && probe.opener.getAttribute('aria-expanded') === 'true') {
      component = probe.target;
    }
    state.component = component;
    state.members = null;
    state.log.splice(0);
    var now = deepActive();
    return {
      url: location.href,
      opened: !!component,
      component: component && describe(component),
      modal: !!component && isDialog(component),
      focus_moved_in: !!component && inside(component, now),
      focusables: component ? focusables(component).length : 0
    };
  }
}
  return null;
}
state.run = run;
return state;
})();
}
return window.__a11yKeyboard.run(arguments[0], arguments[1]);
