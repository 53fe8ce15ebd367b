/* Starts Redoc on /api/redoc/ (no inline script: Content-Security-Policy). Its injected styles carry the nonce. */
(function () {
  "use strict";
  var script = document.currentScript;
  var options = script.dataset.settings ? JSON.parse(script.dataset.settings) : {};
  options.nonce = script.nonce;
  window.Redoc.init(script.dataset.schemaUrl, options, document.getElementById("redoc-container"));
})();
