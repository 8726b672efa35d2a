// Helpers of the hover gatherer: which elements are visible, and what appeared since the
// last snapshot (window.__a11yAuditHover holds the snapshot, the trigger and the content).
function hoverVisible(el) {
  if (!el || !el.isConnected) return false;
  if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  var box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}
function hoverSnapshot() {
  var shown = new Set();
  document.querySelectorAll('body *').forEach(function (el) { if (hoverVisible(el)) shown.add(el); });
  window.__a11yAuditHover = { before: shown, content: null };
}
// The biggest block that became visible (with text or links), or null.
function hoverRevealed() {
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
  state.content = best;
  return best;
}
