/* Retailer workspace: keep the scan field ready for the next barcode. Everything works without this. */
(function () {
  "use strict";
  var field = document.querySelector("[data-select-on-focus]");
  if (!field) {
    return;
  }
  // A scanner types a whole code and presses Enter; selecting the old text lets the next scan replace it.
  field.addEventListener("focus", function () {
    field.select();
  });
  if (document.activeElement === field || field.hasAttribute("autofocus")) {
    field.focus();
    field.select();
  }
})();

/* The assortment's "select all" box, shown only where this script runs (without it: "Print all"). */
(function () {
  "use strict";
  var all = document.querySelector("[data-select-all]");
  if (!all) {
    return;
  }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-select-item]"));
  all.hidden = false;
  function update() {
    var checked = items.filter(function (item) { return item.checked; }).length;
    all.checked = checked > 0 && checked === items.length;
    all.indeterminate = checked > 0 && checked < items.length;
  }
  all.addEventListener("change", function () {
    items.forEach(function (item) { item.checked = all.checked; });
    update();
  });
  items.forEach(function (item) { item.addEventListener("change", update); });
  update();
})();

/* A print form opens its PDF (or the job's progress) in a new tab; this page then reloads to list the job. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print-form]"), function (form) {
    form.addEventListener("submit", function () {
      window.setTimeout(function () { window.location.reload(); }, 2500);
    });
  });
})();

/* A print job's page: live progress from its JSON status until it is done or failed. */
(function () {
  "use strict";
  var panel = document.querySelector("[data-job-status]");
  if (!panel) {
    return;
  }
  var url = panel.getAttribute("data-job-status");
  var progress = panel.querySelector("[data-job-progress]");
  function show(selector, visible) {
    var element = panel.querySelector(selector);
    if (element) {
      element.hidden = !visible;
    }
  }
  function render(status) {
    panel.querySelector('[data-job-field="status_display"]').textContent = status.status_display;
    var error = panel.querySelector('[data-job-field="error"]');
    error.textContent = status.error;
    error.hidden = !status.error;
    progress.value = status.percent;
    progress.textContent = status.percent + " %";
    progress.hidden = status.status === "failed";
    show("[data-job-waiting]", !status.finished);
    show("[data-job-done]", status.status === "done");
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (!status) {
          return;
        }
        render(status);
        if (!status.finished) {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
