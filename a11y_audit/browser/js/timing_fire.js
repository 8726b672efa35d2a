// Fires the next long timer (recorded by js/page_hooks.js) early, as if the page's clock had
// reached the moment it is due, with navigations blocked and requests held. Returns what was
// fired, or null when no long timer is left. arguments: [long delay in ms]. Needs describe.js.
var hooks = window.__a11yAuditHooks;
var longDelay = arguments[0];
var state = window.__a11yAuditTiming || (window.__a11yAuditTiming = { fired: new Set() });
var next = null;
hooks.timeouts.forEach(function (entry, id) {
  if (!state.fired.has(entry) && (!next || entry.due < next.due)) next = { id: id, entry: entry, due: entry.due, kind: 'timeout' };
});
hooks.intervals.forEach(function (entry, id) {
  // A repeating timer is due first after one delay (from the page's start).
  if (entry.delay >= longDelay && !state.fired.has(entry) && (!next || entry.delay < next.due)) {
    next = { id: id, entry: entry, due: entry.delay, kind: 'interval' };
  }
});
if (!next) return null;
state.fired.add(next.entry);
hooks.shift = Math.max(hooks.shift, next.due - performance.now());
function fields() {
  return Array.prototype.filter.call(document.querySelectorAll('input:not([type=hidden]), select, textarea'), function (el) {
    return el.getClientRects().length > 0;
  }).length;
}
state.before = {
  fields: fields(),
  text: (document.body && document.body.innerText || '').length,
  focus: document.activeElement,
  dialogs: (window.__a11yAuditDialogs || []).length,
  requests: hooks.requests.length,
};
hooks.hold = true;
hooks.start(true);
if (next.kind === 'timeout') window.clearTimeout(next.id);
var error = null;
try { next.entry.callback.apply(window, next.entry.args); } catch (e) { error = String(e && e.message || e).slice(0, 200); }
return { kind: next.kind, delay: next.entry.delay, error: error };
