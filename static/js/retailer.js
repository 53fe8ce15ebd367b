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
