// changesSince(): what the page changed since the hooks started recording (js/page_hooks.js),
// as artifact entries: the element (describe), its text and visibility when it changed, the
// live region holding it (and whether that region existed before), whether focus was inside.
// Changes inside `exclude` (the button pressed: "Adding...") are left out. Needs describe.js.
function changesSince(exclude) {
  var hooks = window.__a11yAuditHooks;
  return hooks.flush().filter(function (change) {
    return !(exclude && exclude.contains(change.element));
  }).map(function (change) {
    var entry = describe(change.element);
    entry.text = change.text;
    entry.visible = change.visible;
    entry.live = change.live;
    entry.liveExisted = change.liveExisted;
    entry.focusInside = !!(change.focus && change.element.contains(change.focus) && change.focus !== document.body);
    entry.inControl = !!change.element.closest('a[href], button, select, label, [role="button"], [role="link"], [role="tab"], [role="option"]');
    entry.inDialog = !!change.element.closest('dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]');
    return entry;
  });
}

// contextChanges(): the page's attempts since start() to leave the document: cross-document
// navigations (blocked by the guard), forms sent rather than handled by script, new windows.
function contextChanges() {
  var hooks = window.__a11yAuditHooks;
  return {
    navigations: hooks.navigations.filter(function (nav) { return !nav.sameDocument; })
      .map(function (nav) { return { url: nav.url, form: nav.form }; }),
    submits: hooks.submits.filter(function (sub) { return !sub.prevented; })
      .map(function (sub) { return { form: describe(sub.form).selector, script: sub.script }; }),
    opened: hooks.opened.slice()
  };
}
