// The dialog gatherer's page side (a11y_audit/browser/gatherers/dialogs.py): finds controls that
// open a dialog, menu or drawer (js/lib/openers.js), and for the one being probed tells what is
// open, where focus is, and where the keys since the last call took focus. State lives on
// window.__a11yDialogProbe between calls; arguments[0] is the action, arguments[1] its argument.
var probe = window.__a11yDialogProbe;
if (!probe) {
  probe = { triggers: [], log: [], current: null };
  Object.defineProperty(window, '__a11yDialogProbe', { value: probe, enumerable: false });
  document.addEventListener('focusin', function () { probe.log.push(deepActive()); }, true);
  window.addEventListener('blur', function () { probe.log.push(null); });
}
function deepActive() {
  var a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
function onPage(el) {
  return !!el && el !== document.body && el !== document.documentElement;
}
function signature(el) {
  var classes = (el.getAttribute('class') || '').trim().split(/\s+/).filter(Boolean).sort();
  return [el.localName, el.getAttribute('role') || '', el.getAttribute('aria-haspopup') || ''].join('|') + '.' + classes.join('.');
}
// The page is covered: five points of the viewport all hit the component or one fixed box
// spanning most of the viewport (a backdrop).
function covered(component) {
  var points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]];
  return points.every(function (p) {
    var hit = document.elementFromPoint(innerWidth * p[0], innerHeight * p[1]);
    if (!hit) return false;
    if (component && inside(component, hit)) return true;
    for (var node = hit; node && node !== document.body; node = node.parentElement) {
      var box = node.getBoundingClientRect();
      if (getComputedStyle(node).position === 'fixed' && box.width * box.height >= 0.8 * innerWidth * innerHeight) return true;
    }
    return false;
  });
}
function declaredModal(component) {
  // Not a modal dialog that was open before (a dropdown inside it is no dialog of its own).
  var outer = component.closest('[aria-modal="true"]');
  if (component.matches(':modal') || (outer && probe.current.dialogs.indexOf(outer) < 0)) return true;
  var inner = component.querySelector('[aria-modal="true"], dialog');
  return !!inner && rendered(inner) && (inner.getAttribute('aria-modal') === 'true' || inner.matches(':modal'));
}
function roleOf(component) {
  var role = component.getAttribute('role') || (component.localName === 'dialog' ? 'dialog' : null);
  if (role) return role;
  var inner = component.querySelector('dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]');
  return inner && rendered(inner) ? inner.getAttribute('role') || 'dialog' : null;
}
function where(el) {
  // A focused element that was hidden has lost focus, though Chromium clears activeElement
  // only at its next rendering update.
  var c = probe.current;
  if (!onPage(el) || !rendered(el)) return 'body';
  if (c.component && inside(c.component, el)) return 'inside';
  return el === c.trigger ? 'trigger' : 'elsewhere';
}
function opened() {
  var c = probe.current;
  if (c.target && rendered(c.target) && !c.wasShown) return c.target;
  var fresh = openDialogs().filter(function (d) { return c.dialogs.indexOf(d) < 0; })[0];
  if (fresh) return fresh;
  if (c.target && rendered(c.target) && c.trigger.getAttribute('aria-expanded') === 'true') return c.target;
  // A trigger naming nothing (a dropdown toggled by its framework): the hidden block beside it
  // that showed, the outermost when several did.
  return c.nearby.filter(function (el) {
    var box = el.getBoundingClientRect();
    return rendered(el) && box.width > 0 && box.height > 0;
  })[0] || null;
}
function hiddenNearby(trigger) {
  var root = trigger.parentElement;
  if (root && root.children.length < 2 && root.parentElement) root = root.parentElement;
  if (!root || root === document.body) return [];
  return Array.prototype.slice.call(root.querySelectorAll('*'), 0, 300).filter(function (el) {
    return !inside(el, trigger) && !inside(trigger, el) && !rendered(el);
  });
}
// Words of a control that only dismisses: not "Accept", "Continue" or "Done", which may
// consent, go on to a next step or send something.
var DISMISS_WORDS = /close|dismiss|cancel|no,? thanks|\u00d7|\u2715|\u2716/i;
function closer(component) {
  return focusables(component).filter(function (el) {
    if (!DISMISS_WORDS.test(name(el))) return false;
    if (el.localName === 'a') return /^#/.test(el.getAttribute('href') || '');
    if (el.localName === 'button') {
      var submits = (el.getAttribute('type') || 'submit').toLowerCase() === 'submit' && el.form;
      return !submits || (el.form.getAttribute('method') || '').toLowerCase() === 'dialog';
    }
    return el.getAttribute('role') === 'button';
  })[0] || null;
}

switch (arguments[0]) {
  case 'start': {
    // arg: how many triggers; one per signature (a template repeats its controls).
    var css = document.createElement('style');
    css.textContent = '*, *::before, *::after { transition: none !important; animation-duration: 0s !important; }';
    document.head.appendChild(css);
    var seen = {};
    probe.triggers = Array.prototype.filter.call(document.querySelectorAll(OPENER_SELECTOR), function (el) {
      if (!isOpener(el) || seen[signature(el)]) return false;
      seen[signature(el)] = true;
      return true;
    }).slice(0, arguments[1]);
    return probe.triggers.length;
  }
  case 'focus': {
    // arg: a trigger's index. Focus it and remember the page as it is before it opens.
    var trigger = probe.triggers[arguments[1]];
    if (!rendered(trigger)) return null;
    window.focus();
    trigger.focus();
    var target = controlled(trigger);
    probe.current = { trigger: trigger, target: target, wasShown: !!target && rendered(target), dialogs: openDialogs(),
                      component: null, nearby: target ? [] : hiddenNearby(trigger), behind: focusables(document.body).slice(0, 3000), covered: covered(null) };
    probe.log.splice(0);
    return { trigger: describe(trigger), focused: deepActive() === trigger, url: location.href,
             expanded: trigger.getAttribute('aria-expanded'), target: target && describe(target) };
  }
  case 'seen': {
    // What is open now, and where focus is.
    var c = probe.current;
    var component = opened();
    c.component = component;
    var now = deepActive();
    var base = { url: location.href, opened: !!component, expanded: c.trigger.getAttribute('aria-expanded'),
                 focus: where(now), focus_element: onPage(now) && rendered(now) ? describe(now) : null };
    if (!component) return base;
    var modal = declaredModal(component) ? 'declared' : !c.covered && covered(component) ? 'covers' : null;
    var close = closer(component);
    base.component = describe(component);
    base.linked = !!c.target && (inside(c.target, component) || inside(component, c.target));
    base.role = roleOf(component);
    base.modal = modal;
    base.focusables = focusables(component).length;
    base.closer = close && describe(close);
    return base;
  }
  case 'focus-inside': {
    // Focus the component's first focusable unless focus is already in it; true when it is.
    var c = probe.current;
    if (!inside(c.component, deepActive())) {
      var first = focusables(c.component)[0];
      if (first) first.focus();
    }
    probe.log.splice(0);
    return inside(c.component, deepActive());
  }
  case 'escaped': {
    // The first element of the page behind that the keys since the last call focused, when
    // focus is still outside: not a focus-lock's sentinel (tiny, transparent, or handing
    // focus straight back in).
    var c = probe.current;
    if (inside(c.component, deepActive())) { probe.log.splice(0); return null; }
    var out = probe.log.splice(0).filter(function (el) {
      if (!onPage(el) || inside(c.component, el) || c.behind.indexOf(el) < 0 || !rendered(el)) return false;
      var box = el.getBoundingClientRect();
      return box.width >= 4 && box.height >= 4 && getComputedStyle(el).opacity !== '0' && !el.closest('[aria-hidden="true"]');
    })[0];
    return out ? describe(out) : null;
  }
  case 'closed': {
    var c = probe.current;
    var now = deepActive();
    var gone = !rendered(c.component) || (c.component.localName === 'dialog' && !c.component.open);
    return { url: location.href, closed: gone, expanded: c.trigger.getAttribute('aria-expanded'),
             focus: where(now), focus_element: onPage(now) && rendered(now) ? describe(now) : null };
  }
  case 'mark': {
    // Before a key whose first focus move 'first-focus' reads.
    probe.log.splice(0);
    return true;
  }
  case 'first-focus': {
    // Where the first focus move since 'mark' went: into the component, onto the trigger...
    var first = probe.log.splice(0)[0];
    return first === undefined ? null : where(first);
  }
  case 'focus-closer': {
    var close = closer(probe.current.component);
    if (close) close.focus();
    return !!close && deepActive() === close;
  }
  case 'focus-trigger': {
    var trigger = probe.current.trigger;
    if (!rendered(trigger)) return false;
    trigger.focus();
    return deepActive() === trigger;
  }
  case 'click': {
    // What a pointer would do, for a trigger Enter and Space did not open.
    probe.current.trigger.click();
    return true;
  }
  case 'force-close': {
    // Last resort for a native dialog none of the keys closed.
    var c = probe.current;
    if (c.component && c.component.localName === 'dialog' && c.component.open) c.component.close();
    return !rendered(c.component) || (c.component.localName === 'dialog' && !c.component.open);
  }
}
return null;
