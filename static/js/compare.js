// Compare selection without page reloads: the add/remove/clear forms (which work without JavaScript,
// answering with a redirect) are sent with fetch; the server answers with the new compare bar as HTML.
(function () {
  "use strict";

  function status(text) {
    var region = document.getElementById("compare-status");
    if (region) region.textContent = text;
  }

  function updateCards(codes) {
    document.querySelectorAll("form.compare-choice[data-code]").forEach(function (form) {
      var chosen = codes.indexOf(form.dataset.code) !== -1;
      var button = form.querySelector("button");
      form.action = chosen ? form.dataset.removeUrl : form.dataset.addUrl;
      button.classList.toggle("is-chosen", chosen);
      button.firstChild.textContent = chosen ? button.dataset.removeLabel : button.dataset.addLabel;
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("compare-toggle")) return;
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        var tray = document.getElementById("compare-tray");
        if (tray) {
          tray.outerHTML = answer.bar;
        }
        updateCards(answer.codes);
        var region = document.getElementById("compare-status");
        if (region) {
          region.classList.toggle("visually-hidden", !answer.error);
          region.classList.toggle("notice-error", !!answer.error);
        }
        status(answer.message);
      })
      .catch(function () {
        form.submit(); // the plain form still works
      });
  });
})();
