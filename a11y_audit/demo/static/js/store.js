/* Fern & Field storefront behaviour: small, dependency-free progressive enhancement.
   Components are found by data-js hooks; the markup decides how each one behaves, so the
   same script runs every variant of the demo store. */
(function () {
  'use strict';

  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';

  function focusables(root) {
    return $$(FOCUSABLE, root).filter(function (el) { return el.offsetParent !== null || el === document.activeElement; });
  }

  /* Cookie banner */
  $$('[data-js="cookie-accept"]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      document.cookie = 'consent=' + btn.getAttribute('data-consent') + '; path=/; max-age=31536000; SameSite=Lax';
      var banner = btn.closest('[data-js="cookie-banner"]');
      if (banner) { banner.parentNode.removeChild(banner); }
      var logo = $('.logo');
      if (logo) { logo.focus(); }
    });
  });

  /* Currency select, stock checkbox: auto-submitting controls (only where the markup asks for it) */
  $$('[data-autosubmit]').forEach(function (control) {
    control.addEventListener('change', function () { control.form.submit(); });
  });

  /* Search shortcut: "/" or Ctrl+K, as configured on the field */
  var search = $('[data-shortcut]');
  if (search) {
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
      var shortcut = search.getAttribute('data-shortcut');
      var bare = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey;
      var chord = (e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey);
      if ((shortcut === '/' && bare) || (shortcut === 'ctrl+k' && chord)) {
        e.preventDefault();
        search.focus();
      }
    });
  }

  /* Mega-menu: disclosure buttons where present; Escape dismisses hover-opened panels */
  var menuItems = $$('[data-js="menu-item"]');
  function closeMenu(item) {
    item.classList.remove('is-open');
    var toggle = $('[data-js="menu-toggle"]', item);
    if (toggle) { toggle.setAttribute('aria-expanded', 'false'); }
  }
  menuItems.forEach(function (item) {
    var toggle = $('[data-js="menu-toggle"]', item);
    if (toggle) {
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') !== 'true';
        menuItems.forEach(closeMenu);
        item.classList.toggle('is-open', open);
        toggle.setAttribute('aria-expanded', String(open));
      });
    }
    item.addEventListener('focusout', function (e) {
      if (!item.contains(e.relatedTarget)) { closeMenu(item); }
    });
    item.addEventListener('mouseleave', function () { item.classList.remove('is-dismissed'); });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') { return; }
    menuItems.forEach(function (item) {
      if (item.classList.contains('is-open')) {
        closeMenu(item);
        var toggle = $('[data-js="menu-toggle"]', item);
        if (toggle && item.contains(document.activeElement)) { toggle.focus(); }
      }
      if (item.matches(':hover')) { item.classList.add('is-dismissed'); }
    });
    $$('[data-js="tooltip"]').forEach(function (tip) {
      if (tip.matches(':hover') || tip.contains(document.activeElement)) { tip.classList.add('is-dismissed'); }
    });
  });

  /* Tooltips: dismissible with Escape, reset when the pointer or focus leaves */
  $$('[data-js="tooltip"]').forEach(function (tip) {
    tip.addEventListener('mouseleave', function () { tip.classList.remove('is-dismissed'); });
    tip.addEventListener('focusout', function () { tip.classList.remove('is-dismissed'); });
  });

  /* Carousels: auto-advance; a pause button where the markup has one */
  $$('[data-js="carousel"]').forEach(function (carousel) {
    var slides = $$('[data-js="slide"]', carousel);
    var fade = carousel.hasAttribute('data-fade');
    var pause = $('[data-js="carousel-pause"]', carousel);
    var track = $('.carousel__track', carousel);
    var interval = parseInt(carousel.getAttribute('data-interval'), 10) || 6000;
    var index = 0;
    var timer = null;
    var paused = false;

    function show(n) {
      index = (n + slides.length) % slides.length;
      slides.forEach(function (slide, k) {
        var active = k === index;
        slide.classList.toggle('is-inactive', !active);
        if (fade) {
          if (active) { slide.removeAttribute('aria-hidden'); } else { slide.setAttribute('aria-hidden', 'true'); }
        } else {
          slide.hidden = !active;
        }
      });
    }
    function stop() { if (timer) { clearInterval(timer); timer = null; } }
    function start() {
      stop();
      if (!paused && slides.length > 1) { timer = setInterval(function () { show(index + 1); }, interval); }
    }
    $('[data-js="carousel-prev"]', carousel).addEventListener('click', function () { show(index - 1); });
    $('[data-js="carousel-next"]', carousel).addEventListener('click', function () { show(index + 1); });
    if (pause) {
      if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) { paused = true; }
      var sync = function () {
        pause.textContent = paused ? 'Play slideshow' : 'Pause slideshow';
        if (track) { track.setAttribute('aria-live', paused ? 'polite' : 'off'); }
      };
      pause.addEventListener('click', function () { paused = !paused; sync(); start(); });
      carousel.addEventListener('focusin', stop);
      carousel.addEventListener('focusout', function (e) { if (!carousel.contains(e.relatedTarget)) { start(); } });
      carousel.addEventListener('mouseenter', stop);
      carousel.addEventListener('mouseleave', start);
      sync();
    }
    start();
  });

  /* Colour swatches: <div> swatches (legacy markup) and radio swatches */
  $$('[data-js="swatch"]').forEach(function (swatch) {
    swatch.addEventListener('click', function () {
      var group = swatch.closest('.option-group');
      $$('[data-js="swatch"]', group).forEach(function (other) { other.classList.toggle('is-selected', other === swatch); });
      $('[data-js="swatch-input"]', group).value = swatch.getAttribute('data-value');
      $('[data-js="swatch-value"]', group).textContent = swatch.getAttribute('data-label');
    });
  });
  $$('.swatch-option__input').forEach(function (radio) {
    radio.addEventListener('change', function () {
      $('[data-js="swatch-value"]', radio.closest('.option-group')).textContent = radio.getAttribute('data-label');
    });
  });

  /* Dialogs: native <dialog> where used; a legacy focus-locked overlay otherwise */
  $$('[data-js="open-dialog"]').forEach(function (opener) {
    opener.addEventListener('click', function (e) {
      e.preventDefault();
      var dialog = document.getElementById(opener.getAttribute('data-target'));
      if (!dialog) { return; }
      if (dialog.tagName === 'DIALOG') {
        dialog.showModal();
        dialog.addEventListener('close', function () { opener.focus(); }, { once: true });
      } else {
        dialog.hidden = false;
        var first = focusables(dialog)[0];
        if (!dialog.hasAttribute('data-keep-focus')) { (first || dialog).focus(); }
      }
    });
  });
  $$('[data-js="dialog"][data-keep-focus]').forEach(function (dialog) {
    dialog.addEventListener('keydown', function (e) { if (e.key === 'Escape') { dialog.hidden = true; } });
  });
  $$('[data-js="dialog-close"]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var dialog = btn.closest('[data-js="dialog"]');
      if (dialog.tagName === 'DIALOG') { dialog.close(); } else { dialog.hidden = true; }
    });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Tab') { return; }
    var lock = $$('[data-focus-lock]').filter(function (d) { return !d.hidden; })[0];
    if (!lock) { return; }
    e.preventDefault();
    var items = focusables(lock);
    if (!items.length) { lock.focus(); return; }
    var at = items.indexOf(document.activeElement);
    var next = e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : (at + 1) % items.length;
    items[next].focus();
  });

  /* Quantity steppers */
  $$('[data-js="qty-step"]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var input = document.getElementById(btn.getAttribute('aria-controls'));
      var value = (parseInt(input.value, 10) || 1) + parseInt(btn.getAttribute('data-step'), 10);
      input.value = String(Math.min(parseInt(input.max, 10) || 99, Math.max(parseInt(input.min, 10) || 1, value)));
    });
  });

  /* Add to bag */
  $$('[data-js="add-to-cart"]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var qtyInput = $('input[name="quantity"]', form);
      var qty = (qtyInput && parseInt(qtyInput.value, 10)) || 1;
      var size = $('input[name="size"]:checked', form);
      var count = $('[data-js="cart-count"]');
      if (count) { count.textContent = String((parseInt(count.textContent, 10) || 0) + qty); }
      // The server keeps the bag in a session (a cookie): /cart then shows what was added.
      if (window.fetch && window.URLSearchParams) {
        fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual' });
      }
      var toast = $('[data-js="cart-toast"]');
      if (!toast) { return; }
      toast.textContent = 'Added ' + qty + ' \u00d7 ' + form.getAttribute('data-product') +
        (size ? ' (size ' + size.value + ')' : '') + ' to your bag.';
      if (!toast.hasAttribute('role')) {
        toast.hidden = false;
        clearTimeout(toast._timer);
        toast._timer = setTimeout(function () { toast.hidden = true; }, 4000);
      }
    });
  });

  /* Mini-cart drawer (rendered only once the session's bag has items) */
  $$('[data-js="mini-cart-toggle"]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var drawer = document.getElementById(btn.getAttribute('aria-controls'));
      var open = btn.getAttribute('aria-expanded') === 'true';
      btn.setAttribute('aria-expanded', String(!open));
      if (drawer) { drawer.hidden = open; }
    });
  });

  /* Accordion (keeps whichever value style the markup uses) */
  $$('[data-js="accordion-toggle"]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var value = btn.getAttribute('aria-expanded');
      var open = value === 'true' || value === 'yes';
      var yesNo = value === 'yes' || value === 'no';
      btn.setAttribute('aria-expanded', yesNo ? (open ? 'no' : 'yes') : String(!open));
      var panel = document.getElementById(btn.getAttribute('aria-controls'));
      if (panel) { panel.hidden = open; }
    });
  });

  /* Tabs: full keyboard pattern for role="tab"; plain buttons just switch panels */
  $$('[data-js="tabs"]').forEach(function (root) {
    var tabs = $$('[data-js="tab"]', root);
    function select(tab, focus) {
      tabs.forEach(function (t) {
        var on = t === tab;
        if (t.getAttribute('role') === 'tab') {
          t.setAttribute('aria-selected', String(on));
          t.tabIndex = on ? 0 : -1;
        } else {
          t.setAttribute('aria-pressed', String(on));
        }
        var panel = document.getElementById(t.getAttribute('data-target'));
        if (panel) { panel.hidden = !on; }
      });
      if (focus) { tab.focus(); }
    }
    tabs.forEach(function (tab, k) {
      tab.addEventListener('click', function () { select(tab, false); });
      tab.addEventListener('keydown', function (e) {
        if (tab.getAttribute('role') !== 'tab') { return; }
        var n = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: tabs.length - 1 }[e.key];
        if (n === undefined) { return; }
        e.preventDefault();
        select(tabs[(n + tabs.length) % tabs.length], true);
      });
    });
  });

  /* Clickable cards (legacy search results) */
  $$('[data-js="card-link"]').forEach(function (card) {
    var go = function () { window.location.assign(card.getAttribute('data-href')); };
    card.addEventListener('click', function (e) { if (!e.target.closest('a')) { go(); } });
    card.addEventListener('keydown', function (e) {
      if (e.target === card && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); go(); }
    });
  });

  /* Switches */
  $$('[data-js="switch"]').forEach(function (sw) {
    var toggle = function () {
      var on = sw.getAttribute('aria-checked') !== 'true';
      sw.setAttribute('aria-checked', String(on));
      var input = $('[data-js="switch-input"]', sw.parentNode);
      if (input) { input.value = String(on); }
    };
    sw.addEventListener('click', toggle);
    if (sw.tagName !== 'BUTTON') {
      sw.addEventListener('keydown', function (e) {
        if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); toggle(); }
      });
    }
  });

  /* Client-side validation: text errors where the markup has error slots, else just a red border */
  $$('form[data-js="validate"]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      var first = null;
      $$('input[required]', form).forEach(function (input) {
        var value = input.value.trim();
        var message = '';
        if (!value) {
          message = input.getAttribute('data-error');
        } else if (input.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
          message = 'Enter an email address in the correct format, like name@example.com';
        }
        input.classList.toggle('is-invalid', !!message);
        var ids = (input.getAttribute('aria-describedby') || '').split(/\s+/);
        var slot = ids.map(function (id) { return id && document.getElementById(id); })
          .filter(function (el) { return el && el.classList.contains('field__error'); })[0];
        if (slot) {
          slot.textContent = message;
          slot.hidden = !message;
          if (message) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); }
        }
        if (message && !first) { first = input; }
      });
      if (first) { e.preventDefault(); first.focus(); }
    });
  });

  /* Checkout session timeout, with an optional warning */
  var session = $('[data-session-timeout]');
  if (session) {
    var total = parseInt(session.getAttribute('data-session-timeout'), 10) * 1000;
    var warnBefore = parseInt(session.getAttribute('data-timeout-warning') || '0', 10) * 1000;
    var warning = $('[data-js="timeout-dialog"]');
    var timers = [];
    var arm = function () {
      timers.forEach(clearTimeout);
      timers = [setTimeout(function () { window.location.assign('/cart?expired=1'); }, total)];
      if (warnBefore && warning) {
        timers.push(setTimeout(function () { warning.showModal(); }, total - warnBefore));
      }
    };
    var extend = $('[data-js="timeout-extend"]');
    if (extend) { extend.addEventListener('click', function () { warning.close(); arm(); }); }
    arm();
  }

  /* Payment: the provider's card fields (a cross-origin frame) hand over a token on submit */
  $$('form[data-js="payment-form"]').forEach(function (form) {
    var frame = $('[data-js="card-frame"]', form);
    var sent = false;
    form.addEventListener('submit', function (e) {
      if (sent) { return; }
      e.preventDefault();
      window.addEventListener('message', function answer(msg) {
        if (msg.source !== frame.contentWindow || !msg.data || msg.data.type !== 'card:token') { return; }
        window.removeEventListener('message', answer);
        form.elements.payment_token.value = msg.data.token;
        sent = true;
        form.submit();
      });
      frame.contentWindow.postMessage({ type: 'card:tokenize' }, frame.getAttribute('data-origin'));
    });
  });

  /* Live-chat iframe: the widget asks its host page to grow or shrink the frame */
  $$('[data-js="chat-frame"]').forEach(function (frame) {
    window.addEventListener('message', function (e) {
      if (e.origin !== frame.getAttribute('data-origin') || e.source !== frame.contentWindow) { return; }
      if (e.data && e.data.type === 'chat:state') { frame.classList.toggle('is-open', e.data.open === true); }
    });
  });
})();
