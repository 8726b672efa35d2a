/* Live-chat widget (served from the widgets origin, embedded as a cross-origin iframe).
   In launcher mode it tells the host page to resize its iframe when the panel opens or closes. */
(function () {
  'use strict';
  var host = document.body.getAttribute('data-host-origin');
  var launcher = document.querySelector('[data-js="chat-launcher"]');
  var panel = document.getElementById('chat-panel');
  var close = document.querySelector('[data-js="chat-close"]');
  var form = document.querySelector('[data-js="chat-form"]');
  var log = document.querySelector('[data-js="chat-log"]');
  var input = form.querySelector('textarea');

  function setOpen(open) {
    if (window.parent !== window && host) { window.parent.postMessage({ type: 'chat:state', open: open }, host); }
    panel.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute('aria-expanded', String(open));
    if (open) { input.focus(); } else { launcher.focus(); }
  }
  if (launcher) {
    launcher.addEventListener('click', function () { setOpen(true); });
    close.addEventListener('click', function () { setOpen(false); });
    panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { setOpen(false); } });
  }

  function say(text, who) {
    var p = document.createElement('p');
    p.className = 'chat__msg chat__msg--' + who;
    p.textContent = text;
    log.appendChild(p);
    log.scrollTop = log.scrollHeight;
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    say(text, 'customer');
    input.value = '';
    setTimeout(function () { say('Thanks! Sam will be with you in a moment.', 'agent'); }, 800);
  });
})();
