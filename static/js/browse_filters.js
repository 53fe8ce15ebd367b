// The filter panel of /products/ is closed in the HTML so that a phone shows the first result at once;
// on a wide screen, where it sits beside the results, it opens.
(function () {
  "use strict";
  var panel = document.getElementById("filters-panel");
  if (panel && window.matchMedia("(min-width: 64rem)").matches) {
    panel.open = true;
  }
})();
