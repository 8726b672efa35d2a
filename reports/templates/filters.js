// Filters and sorting for the issue lists. Progressive enhancement: without this script the
// report shows every issue in priority order and the (hidden) controls stay out of the way.
// Issues carry their facets as data attributes; pages are numbered by their row in the
// pages table, so the page filter matches URLs there instead of repeating them per issue.
(function () {
  "use strict";
  var section = document.getElementById("filter-section");
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");
  if (!section || !form || !status || !("hidden" in section)) {
    return;
  }
  var lists = Array.prototype.slice.call(document.querySelectorAll(".issue-list"));
  var issues = Array.prototype.slice.call(document.querySelectorAll("details.issue"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("#pages-table tbody tr[data-page]"));
  var announceTimer = 0;

  function ids(text) {
    return text ? text.split(" ") : [];
  }

  function scNumber(sc) {
    var parts = sc.split(".");
    return Number(parts[0]) * 10000 + Number(parts[1]) * 100 + Number(parts[2]);
  }

  var sortKeys = {
    priority: function (issue) { return [Number(issue.dataset.order)]; },
    impact: function (issue) { return [Number(issue.dataset.impact), Number(issue.dataset.order)]; },
    pages: function (issue) { return [-Number(issue.dataset.pages), Number(issue.dataset.order)]; },
    sc: function (issue) {
      var first = ids(issue.dataset.sc)[0];
      return [first ? scNumber(first) : Infinity, Number(issue.dataset.order)];
    }
  };

  function compareKeys(a, b) {
    for (var i = 0; i < a.length; i += 1) {
      if (a[i] !== b[i]) {
        return a[i] < b[i] ? -1 : 1;
      }
    }
    return 0;
  }

  function matchingPages(text) {
    var needle = text.trim().toLowerCase();
    if (!needle) {
      return null;
    }
    var found = {};
    rows.forEach(function (row) {
      if (row.cells[0].textContent.toLowerCase().indexOf(needle) !== -1) {
        found[row.dataset.page] = true;
      }
    });
    return found;
  }

  function matches(issue, wanted) {
    if (!wanted.priorities[issue.dataset.priority]) {
      return false;
    }
    var scs = ids(issue.dataset.sc);
    if (wanted.sc === "none" ? scs.length > 0 : wanted.sc && scs.indexOf(wanted.sc) === -1) {
      return false;
    }
    if (wanted.template && ids(issue.dataset.templates).indexOf(wanted.template) === -1) {
      return false;
    }
    return !wanted.pages || ids(issue.dataset.pageIds).some(function (id) { return wanted.pages[id]; });
  }

  function apply() {
    var fields = form.elements;
    var wanted = { priorities: {}, sc: fields.sc.value, template: fields.template.value,
                   pages: matchingPages(fields.page.value) };
    Array.prototype.forEach.call(form.querySelectorAll("input[name=priority]"), function (box) {
      wanted.priorities[box.value] = box.checked;
    });
    var key = sortKeys[fields.sort.value] || sortKeys.priority;
    var shown = 0;
    lists.forEach(function (list) {
      var items = Array.prototype.slice.call(list.children);
      var visible = 0;
      items.sort(function (a, b) { return compareKeys(key(a), key(b)); });
      items.forEach(function (issue) {
        issue.hidden = !matches(issue, wanted);
        visible += issue.hidden ? 0 : 1;
        list.appendChild(issue);
      });
      var empty = list.parentNode.querySelector(".no-match");
      if (empty && items.length) {
        empty.hidden = visible > 0;
      }
      shown += visible;
    });
    window.clearTimeout(announceTimer);
    // Typing in the page field would otherwise announce after every key.
    announceTimer = window.setTimeout(function () {
      status.textContent = shown + (shown === 1 ? " issue" : " issues") + " shown of " + issues.length + ".";
    }, 400);
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(apply, 0);
  });
  section.hidden = false;
  status.textContent = issues.length + (issues.length === 1 ? " issue" : " issues") + " shown of " + issues.length + ".";
}());
