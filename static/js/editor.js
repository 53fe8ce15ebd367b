/* Product editor: add, remove and reorder rows in place, ask before leaving unsaved changes, focus the error
   summary. Everything works without this file: the same buttons are submit buttons the server answers. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-editor]");
  if (!form) {
    return;
  }
  form.classList.add("js-editor");
  var announcer = document.getElementById("editor-announcer");
  var dirty = false;
  var submitting = false;

  function text(name, values) {
    var template = form.getAttribute("data-text-" + name) || "";
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  function announce(message) {
    if (!announcer) {
      return;
    }
    // Cleared first, so that the same message twice is read twice.
    announcer.textContent = "";
    window.setTimeout(function () {
      announcer.textContent = message;
    }, 50);
  }

  function visibleRows(formset) {
    var rows = formset.querySelector("[data-rows]").children;
    return Array.prototype.filter.call(rows, function (row) {
      return row.hasAttribute("data-row") && !row.hidden;
    });
  }

  // Positions 1, 2, 3 … in the order the rows stand in the page; the server saves them as the order.
  function renumber(formset) {
    var orderField = formset.getAttribute("data-order-field");
    visibleRows(formset).forEach(function (row, index) {
      if (orderField) {
        var input = row.querySelector('input[name$="-' + orderField + '"]');
        if (input) {
          input.value = String(index + 1);
        }
      }
      var number = row.querySelector("[data-row-number]");
      if (number) {
        number.textContent = String(index + 1);
      }
    });
  }

  function firstField(row) {
    return row.querySelector(
      '.fields input:not([type="hidden"]):not([type="checkbox"]), .fields select, .fields textarea'
    );
  }

  function addRow(formset) {
    var prefix = formset.getAttribute("data-formset");
    var total = form.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var count = parseInt(total.value, 10) || 0;
    var limit = parseInt(formset.getAttribute("data-max-rows"), 10) || 1000;
    if (visibleRows(formset).length >= limit) {
      announce(text("full", {}));
      return;
    }
    var template = formset.querySelector("template[data-empty-row]");
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(count));
    var row = holder.firstElementChild;
    formset.querySelector("[data-rows]").appendChild(row);
    total.value = String(count + 1);
    renumber(formset);
    dirty = true;
    var field = firstField(row);
    if (field) {
      field.focus();
    }
    announce(text("added", { row: formset.getAttribute("data-row-label") }));
  }

  function removeRow(checkbox) {
    var row = checkbox.closest("[data-row]");
    var formset = row.closest("[data-formset]");
    var rows = visibleRows(formset);
    var next = rows[rows.indexOf(row) + 1] || rows[rows.indexOf(row) - 1];
    row.hidden = true;
    renumber(formset);
    dirty = true;
    var target = next ? firstField(next) : formset.querySelector("[data-add-row]");
    if (target) {
      target.focus();
    }
    announce(text("removed", { row: formset.getAttribute("data-row-label") }));
  }

  function announceMove(formset, row) {
    var rows = visibleRows(formset);
    announce(
      text("moved", {
        row: formset.getAttribute("data-row-label"),
        position: rows.indexOf(row) + 1,
        count: rows.length,
      })
    );
  }

  function moveRow(button) {
    var row = button.closest("[data-row]");
    var formset = row.closest("[data-formset]");
    var rows = visibleRows(formset);
    var index = rows.indexOf(row);
    if (button.getAttribute("data-move") === "up" && index > 0) {
      rows[index - 1].before(row);
    } else if (button.getAttribute("data-move") === "down" && index < rows.length - 1) {
      rows[index + 1].after(row);
    }
    renumber(formset);
    dirty = true;
    button.focus();
    announceMove(formset, row);
  }

  form.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-row]");
    if (add) {
      event.preventDefault();
      addRow(add.closest("[data-formset]"));
      return;
    }
    var move = event.target.closest("[data-move]");
    if (move) {
      event.preventDefault();
      moveRow(move);
    }
  });

  form.addEventListener("change", function (event) {
    dirty = true;
    var checkbox = event.target;
    if (checkbox.matches('.row-remove input[type="checkbox"]') && checkbox.checked) {
      removeRow(checkbox);
    }
  });
  form.addEventListener("input", function () {
    dirty = true;
  });

  // Dragging by the handle, where a pointer is; the buttons do the same by keyboard.
  var dragged = null;
  form.addEventListener("pointerdown", function (event) {
    var handle = event.target.closest("[data-drag-handle]");
    if (handle) {
      handle.closest("[data-row]").draggable = true;
    }
  });
  form.addEventListener("dragstart", function (event) {
    var row = event.target.closest && event.target.closest("[data-row]");
    if (!row || !row.draggable) {
      return;
    }
    dragged = row;
    row.classList.add("is-dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", row.id);
  });
  form.addEventListener("dragover", function (event) {
    if (!dragged) {
      return;
    }
    var row = event.target.closest("[data-row]");
    if (row && row !== dragged && row.parentNode === dragged.parentNode) {
      event.preventDefault();
      form.querySelectorAll(".drop-target").forEach(function (other) {
        other.classList.remove("drop-target");
      });
      row.classList.add("drop-target");
    }
  });
  form.addEventListener("drop", function (event) {
    var row = event.target.closest("[data-row]");
    if (!dragged || !row || row === dragged || row.parentNode !== dragged.parentNode) {
      return;
    }
    event.preventDefault();
    var box = row.getBoundingClientRect();
    if (event.clientY > box.top + box.height / 2) {
      row.after(dragged);
    } else {
      row.before(dragged);
    }
    var formset = row.closest("[data-formset]");
    renumber(formset);
    dirty = true;
    announceMove(formset, dragged);
  });
  form.addEventListener("dragend", function () {
    if (dragged) {
      dragged.classList.remove("is-dragging");
      dragged.draggable = false;
    }
    form.querySelectorAll(".drop-target").forEach(function (other) {
      other.classList.remove("drop-target");
    });
    dragged = null;
  });

  form.addEventListener("submit", function () {
    submitting = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // After an error: the summary takes the focus, and each of its links takes it on to the field.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest('a[href^="#"]');
      var target = link && document.getElementById(link.getAttribute("href").slice(1));
      if (target) {
        event.preventDefault();
        target.scrollIntoView({ block: "center" });
        target.focus({ preventScroll: true });
      }
    });
  }
})();
