// Preloaded into every document (Gatherer.preload) for the gatherers of dynamic behaviour
// (status messages, form errors, context changes, motion, hover). It only records, except
// while a gatherer acts with the guard on: then cross-document navigations (links, form
// submissions, location changes) and window.open are blocked, so an action never leaves the
// page nor sends a form to the server. Recording is off until a gatherer calls start().
(() => {
  if (window.__a11yAuditHooks) return;
  const LIVE = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"], '
    + '[role="marquee"], [role="timer"], output';
  const MAX = 300;
  const hooks = {
    recording: false,
    guard: false,
    changes: [],
    navigations: [],
    opened: [],
    submits: [],
    intervals: new Map(),
  };
  Object.defineProperty(window, '__a11yAuditHooks', { value: hooks, enumerable: false });
  let liveBefore = new WeakSet();
  let seen = new Map();

  function visible(el) {
    if (!el.isConnected) return false;
    if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  }

  // A snapshot when the change happens: messages that vanish after a few seconds still count.
  function note(el) {
    if (!el || el.nodeType !== 1 || el === document.documentElement || el === document.body) return;
    if (el.closest('script, style, noscript, template')) return;
    const region = el.closest(LIVE);
    const snapshot = {
      element: el,
      text: (el.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 300),
      visible: visible(el),
      live: region ? (region.getAttribute('role') || ('aria-live=' + region.getAttribute('aria-live')) || region.localName) : null,
      liveExisted: region ? liveBefore.has(region) : false,
      focus: document.activeElement,
      time: performance.now(),
    };
    if (seen.has(el)) { hooks.changes[seen.get(el)] = snapshot; return; }
    if (hooks.changes.length >= MAX) return;
    seen.set(el, hooks.changes.length);
    hooks.changes.push(snapshot);
  }

  function take(records) {
    if (!hooks.recording) return;
    for (const record of records) {
      if (record.type === 'childList') {
        record.addedNodes.forEach((node) => note(node.nodeType === 1 ? node : node.parentElement));
      } else if (record.type === 'characterData') {
        note(record.target.parentElement);
      } else {
        note(record.target);
      }
    }
  }
  // Observing only while recording: a page's own load costs nothing extra.
  const observer = new MutationObserver(take);
  const WATCH = {
    childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['hidden', 'class', 'style', 'aria-hidden', 'open'],
  };

  // start(guard): record from now on (live regions present now are the ones that can announce).
  hooks.start = (guard) => {
    observer.takeRecords();
    observer.observe(document, WATCH);
    liveBefore = new WeakSet(document.querySelectorAll(LIVE));
    seen = new Map();
    hooks.changes = [];
    hooks.navigations = [];
    hooks.opened = [];
    hooks.submits = [];
    hooks.recording = true;
    hooks.guard = !!guard;
  };
  // flush(): the changes so far (pending mutation records included).
  hooks.flush = () => { take(observer.takeRecords()); return hooks.changes; };
  hooks.stop = () => {
    hooks.flush();
    observer.disconnect();
    hooks.recording = false;
    hooks.guard = false;
  };

  if (window.navigation && navigation.addEventListener) {
    navigation.addEventListener('navigate', (event) => {
      const destination = event.destination || {};
      const record = {
        url: String(destination.url || ''),
        form: !!event.formData,
        sameDocument: !!destination.sameDocument,
        blocked: false,
      };
      if (hooks.guard && !record.sameDocument && event.cancelable) {
        event.preventDefault();
        record.blocked = true;
      }
      if (hooks.recording && hooks.navigations.length < 50) hooks.navigations.push(record);
    });
  }
  // Last in the submit event's path: by now the page's own handlers have had their say.
  window.addEventListener('submit', (event) => {
    const form = event.target;
    const record = { form: form, prevented: event.defaultPrevented, blocked: false, script: false };
    if (hooks.guard && !event.defaultPrevented) { event.preventDefault(); record.blocked = true; }
    if (hooks.recording && hooks.submits.length < 50) hooks.submits.push(record);
  });
  const nativeSubmit = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function submit() {
    if (hooks.recording && hooks.submits.length < 50) {
      hooks.submits.push({ form: this, prevented: false, blocked: hooks.guard, script: true });
    }
    if (hooks.guard) return undefined;
    return nativeSubmit.call(this);
  };
  const nativeOpen = window.open;
  window.open = function open(url) {
    if (hooks.recording && hooks.opened.length < 50) hooks.opened.push(String(url || ''));
    if (hooks.guard) return null;
    return nativeOpen.apply(window, arguments);
  };

  // Elements with pointer-hover listeners: candidates for content shown on hover.
  hooks.hovered = [];
  const HOVER = { mouseenter: 1, mouseover: 1, pointerenter: 1, pointerover: 1 };
  const nativeAdd = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function addEventListener(type, listener, options) {
    if (HOVER[type] === 1 && this instanceof Element && hooks.hovered.length < 500 && hooks.hovered.indexOf(this) < 0) {
      hooks.hovered.push(this);
    }
    return nativeAdd.call(this, type, listener, options);
  };

  // Repeating timers (carousels, tickers): the motion gatherer runs a step itself instead of
  // waiting seconds for it.
  const nativeSetInterval = window.setInterval;
  const nativeClearInterval = window.clearInterval;
  const nativeClearTimeout = window.clearTimeout;
  window.setInterval = function setInterval(callback, delay, ...args) {
    if (typeof callback !== 'function') return nativeSetInterval.call(window, callback, delay, ...args);
    const entry = { callback: callback, args: args, delay: Number(delay) || 0, fires: 0 };
    const id = nativeSetInterval.call(window, function tick() {
      // Held while a gatherer acts: a slide changing then would pass for the action's result.
      if (hooks.guard) return undefined;
      entry.fires += 1;
      return callback.apply(window, args);
    }, delay);
    hooks.intervals.set(id, entry);
    return id;
  };
  window.clearInterval = function clearInterval(id) {
    hooks.intervals.delete(id);
    return nativeClearInterval.call(window, id);
  };
  window.clearTimeout = function clearTimeout(id) {
    hooks.intervals.delete(id);
    hooks.timeouts.delete(id);
    return nativeClearTimeout.call(window, id);
  };

  // Long one-shot timers (session time limits, delayed redirects): the timing gatherer fires
  // them early, in the order they are due, instead of waiting minutes. `shift` is how far
  // that gatherer has moved the page's clock on, so timers armed by a fired callback are due
  // after it. Timers of 20 hours or more are exempt from 2.2.1 and not recorded.
  hooks.timeouts = new Map();
  hooks.shift = 0;
  const LONG_TIMEOUT = 10000;
  const nativeSetTimeout = window.setTimeout;
  window.setTimeout = function setTimeout(callback, delay, ...args) {
    const wait = Number(delay) || 0;
    if (typeof callback !== 'function' || wait < LONG_TIMEOUT || wait >= 72000000) {
      return nativeSetTimeout.call(window, callback, delay, ...args);
    }
    const entry = { callback: callback, args: args, delay: wait, due: performance.now() + hooks.shift + wait };
    const id = nativeSetTimeout.call(window, function fire() {
      hooks.timeouts.delete(id);
      return callback.apply(window, args);
    }, delay);
    hooks.timeouts.set(id, entry);
    return id;
  };

  // While `hold` is on (the timing gatherer firing timers), requests are recorded and never
  // sent: a fired session timer must not sign the audit's own session out on the server.
  // In a session whose state matters (signed in, or a journey's filled bag: js/hold_unsafe.js
  // marks it), every action a gatherer takes holds the requests that could change that state
  // (any method but GET and HEAD): "Add to bag" must not fill the account's bag.
  hooks.hold = false;
  hooks.requests = [];
  function held(url, method) {
    const verb = String(method || 'GET').toUpperCase();
    const unsafe = verb !== 'GET' && verb !== 'HEAD';
    if (!hooks.hold && !(unsafe && hooks.guard && window.__a11yAuditHoldUnsafe === true)) return false;
    if (hooks.requests.length < 50) hooks.requests.push({ url: String(url || ''), method: verb });
    return true;
  }
  const nativeFetch = window.fetch;
  if (nativeFetch) {
    window.fetch = function fetch(input, init) {
      const url = input && typeof input === 'object' && 'url' in input ? input.url : input;
      const method = (init && init.method) || (input && typeof input === 'object' && input.method) || 'GET';
      if (held(url, method)) return new Promise(() => {});
      return nativeFetch.apply(window, arguments);
    };
  }
  const nativeXhrOpen = XMLHttpRequest.prototype.open;
  const nativeXhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function open(method, url) {
    this.__a11yAuditRequest = [method, url];
    return nativeXhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function send() {
    const request = this.__a11yAuditRequest || [];
    if (held(request[1], request[0])) return undefined;
    return nativeXhrSend.apply(this, arguments);
  };
  if (navigator.sendBeacon) {
    const nativeBeacon = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = function sendBeacon(url, data) {
      if (held(url, 'POST')) return true;
      return nativeBeacon(url, data);
    };
  }
})();
