// The in-page state of a journey's document, kept page-side so checks that act on it can put
// it back (a11y_audit.browser.page_state). arguments[0] is the operation:
//   'take'    remember every form control's value / checked / selected options, native
//             dialogs and <details> open or closed, the focused element (and its caret),
//             each window's scroll position, in the document, its open shadow roots and its
//             same-origin frames; plus, to tell only, aria-expanded values and which ARIA
//             dialogs show. Values never leave the page (a journey's password is among them).
//   'restore' put back what differs, in place: values through the prototype's setter (so
//             frameworks that track a field's value see it), then `input` and `change` on
//             each control put back, only when arguments[1] is true (the page's recorder
//             guards it: no navigation or submission can follow); returns how many changed.
//   'verify'  describe (describe.js) what still differs: at most 8 lines, values never named.
// Needs describe.js.
var operation = arguments[0];
var withEvents = !!arguments[1];
var KEY = '__a11yAuditPageState';

function frameDocument(frame) {
  try { return frame.contentDocument; } catch (e) { return null; }
}
function roots() {
  var found = [];
  function walk(root) {
    found.push(root);
    var all = root.querySelectorAll('*');
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el.localName === 'iframe' || el.localName === 'frame') {
        var doc = frameDocument(el);
        if (doc && doc.documentElement) walk(doc);
      }
    }
  }
  walk(document);
  return found;
}
function windows(all) {
  return all.filter(function (root) { return root.nodeType === 9 && root.defaultView; })
    .map(function (doc) { return doc.defaultView; });
}
function query(all, selector) {
  var out = [];
  all.forEach(function (root) { out.push.apply(out, root.querySelectorAll(selector)); });
  return out;
}
function deepActive() {
  var el = document.activeElement;
  for (;;) {
    if (el && el.shadowRoot && el.shadowRoot.activeElement) { el = el.shadowRoot.activeElement; continue; }
    var doc = el && (el.localName === 'iframe' || el.localName === 'frame') ? frameDocument(el) : null;
    if (doc && doc.activeElement) { el = doc.activeElement; continue; }
    return el;
  }
}
function selectedValues(select) {
  return Array.prototype.filter.call(select.options, function (o) { return o.selected; })
    .map(function (o) { return o.value; });
}
function controlState(el) {
  if (el.localName === 'select') return JSON.stringify(selectedValues(el));
  if (el.type === 'checkbox' || el.type === 'radio') return el.checked;
  return el.value;
}
function shown(el) {
  return el.isConnected && !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
}
function caret(el) {
  try {
    return el.selectionStart === null ? null : [el.selectionStart, el.selectionEnd, el.selectionDirection];
  } catch (e) { return null; }
}

function take() {
  var all = roots();
  var active = deepActive();
  var state = {
    controls: query(all, 'input, select, textarea').filter(function (el) { return el.type !== 'file'; })
      .map(function (el) { return { el: el, value: controlState(el) }; }),
    dialogs: query(all, 'dialog').map(function (el) { return { el: el, open: el.open, modal: el.matches(':modal') }; }),
    details: query(all, 'details').map(function (el) { return { el: el, open: el.open }; }),
    expanded: query(all, '[aria-expanded]').map(function (el) { return { el: el, value: el.getAttribute('aria-expanded') }; }),
    ariaDialogs: query(all, '[role="dialog"], [role="alertdialog"], [aria-modal="true"]')
      .map(function (el) { return { el: el, shown: shown(el) }; }),
    scroll: windows(all).map(function (view) { return { view: view, x: view.scrollX, y: view.scrollY }; }),
    active: active,
    caret: active ? caret(active) : null,
  };
  Object.defineProperty(window, KEY, { value: state, configurable: true, enumerable: false });
  return state.controls.length;
}

function setControl(el, value) {
  var view = el.ownerDocument.defaultView;
  if (el.localName === 'select') {
    var wanted = JSON.parse(value);
    Array.prototype.forEach.call(el.options, function (o) { o.selected = wanted.indexOf(o.value) >= 0; });
  } else if (el.type === 'checkbox' || el.type === 'radio') {
    Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'checked').set.call(el, value);
  } else {
    var base = el.localName === 'textarea' ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(base, 'value').set.call(el, value);
  }
}

function restore(state) {
  var changed = [];
  // Radios to check first: checking one unchecks the check's choice in its group.
  var order = state.controls.slice().sort(function (a, b) { return (b.value === true) - (a.value === true); });
  order.forEach(function (saved) {
    var el = saved.el;
    if (!el.isConnected || controlState(el) === saved.value) return;
    try { setControl(el, saved.value); } catch (e) { return; }
    if (controlState(el) === saved.value) changed.push(el);
  });
  if (withEvents) {
    changed.forEach(function (el) {
      if (el.type === 'hidden' || (el.type === 'radio' && !el.checked)) return;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
  state.dialogs.forEach(function (saved) {
    var el = saved.el;
    if (!el.isConnected || el.open === saved.open) return;
    try {
      if (!saved.open) el.close();
      else if (saved.modal) el.showModal();
      else el.show();
    } catch (e) { /* told by verify */ }
  });
  state.details.forEach(function (saved) {
    if (saved.el.isConnected && saved.el.open !== saved.open) saved.el.open = saved.open;
  });
  restoreFocus(state);
  state.scroll.forEach(function (saved) {
    try { saved.view.scrollTo({ left: saved.x, top: saved.y, behavior: 'instant' }); } catch (e) { /* gone */ }
  });
  return changed.length;
}

function restoreFocus(state) {
  var active = deepActive();
  var saved = state.active;
  if (active === saved) return;
  var body = !saved || saved.localName === 'body' || saved.localName === 'html';
  if (body || !saved.isConnected) {
    if (active && active.blur) active.blur();
    return;
  }
  saved.focus({ preventScroll: true });
  if (state.caret && deepActive() === saved) {
    try { saved.setSelectionRange(state.caret[0], state.caret[1], state.caret[2]); } catch (e) { /* no caret */ }
  }
}

function verify(state) {
  var left = [];
  function note(el, what) { if (left.length < 8) left.push(describe(el).selector + ': ' + what); }
  state.controls.forEach(function (saved) {
    if (!saved.el.isConnected) note(saved.el, 'removed from the page');
    else if (controlState(saved.el) !== saved.value) note(saved.el, 'value changed');
  });
  state.dialogs.concat(state.details).forEach(function (saved) {
    if (saved.el.isConnected && saved.el.open !== saved.open) note(saved.el, saved.open ? 'closed' : 'opened');
  });
  state.ariaDialogs.forEach(function (saved) {
    if (shown(saved.el) !== saved.shown) note(saved.el, saved.shown ? 'dialog hidden' : 'dialog shown');
  });
  state.expanded.forEach(function (saved) {
    var now = saved.el.isConnected ? saved.el.getAttribute('aria-expanded') : saved.value;
    if (now !== saved.value) note(saved.el, 'aria-expanded ' + saved.value + ' -> ' + now);
  });
  var active = deepActive();
  var bodyNow = !active || active.localName === 'body' || active.localName === 'html';
  var bodyThen = !state.active || state.active.localName === 'body' || state.active.localName === 'html';
  if (active !== state.active && !(bodyNow && bodyThen) && state.active && state.active.isConnected) {
    note(state.active, 'focus moved away');
  }
  return left;
}

if (operation === 'take') return take();
var state = window[KEY];
if (!state) return null;
return operation === 'restore' ? restore(state) : verify(state);
