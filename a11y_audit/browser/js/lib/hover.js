// Helpers of the hover gatherer: which elements are visible, and what appeared since the
// last snapshot (window.__a11yAuditHover holds the snapshot, the content and its text).
function hoverVisible(el) {
  if (!el || !el.isConnected) return false;
  if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  var box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}
function hoverText(el) {
  return (el.innerText || '').replace(/\s+/g, ' ').trim();
}
function hoverSnapshot() {
  if (window.__a11yAuditHover) window.__a11yAuditHover.watch = -1;  // ends hover_watch.js's loop
  var shown = new Set();
  document.querySelectorAll('body *').forEach(function (el) { if (hoverVisible(el)) shown.add(el); });
  window.__a11yAuditHover = { before: shown, content: null, text: '' };
}
// The biggest block visible now that was not before the snapshot (with text or links), or null.
function hoverFresh() {
  var state = window.__a11yAuditHover;
  var fresh = new Set();
  document.querySelectorAll('body *').forEach(function (el) {
    if (!state.before.has(el) && hoverVisible(el)) fresh.add(el);
  });
  var best = null;
  var bestArea = 0;
  fresh.forEach(function (el) {
    if (fresh.has(el.parentElement) || !(el.innerText || '').trim() && !el.querySelector('a[href], img, svg')) return;
    var box = el.getBoundingClientRect();
    if (box.width * box.height > bestArea) { best = el; bestArea = box.width * box.height; }
  });
  return best;
}
// What the hover revealed: remembered as the content, with its text.
function hoverRevealed() {
  var state = window.__a11yAuditHover;
  state.content = hoverFresh();
  state.text = state.content ? hoverText(state.content) : '';
  return state.content;
}
// Is the content shown now? Frameworks (React portals) unmount closed content and mount a new
// element when it opens again, so a new block with the same text counts as the same content.
function hoverShown() {
  var state = window.__a11yAuditHover;
  if (!state || !state.content) return false;
  if (hoverVisible(state.content)) return true;
  var again = state.content.isConnected ? null : hoverFresh();
  if (!again || hoverText(again) !== state.text) return false;
  state.content = again;
  return true;
}
// Are transitions or animations of finite length still running on the content (opening or
// closing it: on it, in it or on an ancestor)? Before the content is known: on anything under
// the trigger's parent, where :hover style rules reveal content. Other motion on the page
// (a carousel) does not count.
function hoverBusy() {
  var state = window.__a11yAuditHover;
  if (!document.getAnimations || !state) return false;
  var content = state.content;
  var scope = !content && state.trigger ? state.trigger.parentElement || state.trigger : null;
  return document.getAnimations().some(function (a) {
    var target = a.effect && a.effect.target;
    var timing = a.effect && a.effect.getComputedTiming ? a.effect.getComputedTiming() : null;
    if (a.playState !== 'running' || !timing || !isFinite(timing.endTime) || !target) return false;
    return content ? content.contains(target) || target.contains(content) : !!scope && scope.contains(target);
  });
}
