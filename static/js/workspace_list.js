/* The workspace list's "select all on this page" box, shown only where this script runs. Everything works without it. */
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
