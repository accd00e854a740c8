/*
 * The site's own small script. Everything works without it; it only adds:
 *
 * 1. Focus after a submit. The server marks what the visitor must read first with
 *    [data-focus-on-load]: the error summary after a failed submit, the message after a
 *    success. We move focus there on load and after every htmx swap, so a keyboard or
 *    screen-reader user does not land on <body> at the top of the page. The error
 *    summary wins over a message when both are present.
 *
 * 2. A filter box on checkbox lists ([data-checkbox-list]): the box is rendered hidden
 *    (without JavaScript the list is a plain scrollable fieldset); here we show it and
 *    hide the options whose label does not contain what was typed.
 */
(function () {
  "use strict";

  // A page the server sent back to a fragment (#r6: the row just checked in) keeps the
  // visitor there: focus goes to that element, not up to the message (still announced by
  // its role="status" region). An error summary always wins.
  function fragmentTarget() {
    var id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
    var el = id ? document.getElementById(id) : null;
    return el && el.closest("main") ? el : null;
  }

  // The whole document is searched, also after an htmx swap: the marks are removed once
  // used, so only what the server just sent is still marked.
  function focusMarked() {
    var target =
      document.querySelector(".error-summary[data-focus-on-load]") ||
      (document.querySelector("[data-focus-on-load]") && fragmentTarget()) ||
      document.querySelector("[data-focus-on-load]");
    if (!target) {
      return;
    }
    // Focus once: a later swap elsewhere must not pull focus back here.
    document.querySelectorAll("[data-focus-on-load]").forEach(function (el) {
      el.removeAttribute("data-focus-on-load");
    });
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus();
  }

  function normalise(text) {
    return text
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  }

  function setUpCheckboxLists(root) {
    var scope = root && root.querySelectorAll ? root : document;
    scope.querySelectorAll("[data-checkbox-list]").forEach(function (list) {
      if (list.dataset.checkboxListReady) {
        return;
      }
      list.dataset.checkboxListReady = "1";
      var filter = list.querySelector("[data-checkbox-filter]");
      var input = filter && filter.querySelector("input");
      var status = list.querySelector("[data-checkbox-filter-status]");
      if (!input) {
        return;
      }
      filter.hidden = false;
      var options = Array.prototype.slice.call(list.querySelectorAll("[data-checkbox-option]"));
      var template = status ? status.getAttribute("data-template") || "" : "";
      input.addEventListener("input", function () {
        var query = normalise(input.value.trim());
        var shown = 0;
        options.forEach(function (option) {
          var box = option.querySelector("input");
          // A ticked option stays visible: hiding a choice the visitor made would hide it.
          var match = !query || normalise(option.textContent).indexOf(query) !== -1;
          var visible = match || (box && box.checked);
          option.hidden = !visible;
          if (visible) {
            shown += 1;
          }
        });
        if (status) {
          status.textContent = query ? template.replace("%(count)s", String(shown)) : "";
        }
      });
      // Enter in the filter box must not submit the whole form.
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
        }
      });
    });
  }

  function init() {
    setUpCheckboxLists(document);
    focusMarked();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.elt ? event.detail.elt : event.target;
    setUpCheckboxLists(target && target.isConnected ? target : document);
    focusMarked();
  });
})();
