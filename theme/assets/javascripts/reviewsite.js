/* reviewsite: the "Exit this page" control (the GOV.UK Design System pattern).
 *
 * Without JavaScript the button is a plain link to the exit page. With it, pressing the button,
 * or pressing the Shift key three times within five seconds, blanks this page at once and
 * leaves for the exit page with location.replace(), so that this site's page is replaced in the
 * history: the browser's Back button does not come back to it. */
(function () {
  "use strict";
  var PRESSES = 3;
  var WINDOW_MS = 5000;

  function exitUrl() {
    var link = document.querySelector("[data-rs-exit]");
    return link ? link.getAttribute("href") : null;
  }

  function leave(event) {
    var url = exitUrl();
    if (!url) return;
    if (event) event.preventDefault();
    document.documentElement.classList.add("rs-exiting");
    var overlay = document.createElement("div");
    overlay.className = "rs-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = "Loading.";
    (document.body || document.documentElement).appendChild(overlay);
    window.location.replace(url);
  }

  var presses = 0;
  var timer = null;

  function announce(text) {
    var status = document.querySelector("[data-rs-exit-status]");
    if (status) status.textContent = text;
  }

  function reset(expired) {
    presses = 0;
    if (timer) { clearTimeout(timer); timer = null; }
    var link = document.querySelector("[data-rs-exit]");
    if (link) link.removeAttribute("data-rs-presses");
    if (expired) announce("Exit this page expired.");
  }

  function onKeyUp(event) {
    var isShift = event.key === "Shift" || event.keyCode === 16 || event.which === 16;
    if (!isShift) {
      if (presses) reset(false);
      return;
    }
    presses += 1;
    var link = document.querySelector("[data-rs-exit]");
    if (link) link.setAttribute("data-rs-presses", String(presses));
    if (presses >= PRESSES) {
      reset(false);
      leave(null);
      return;
    }
    var left = PRESSES - presses;
    announce("Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.");
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () { reset(true); }, WINDOW_MS);
  }

  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target.closest("[data-rs-exit]") : null;
    if (target) leave(event);
  }, true);
  document.addEventListener("keyup", onKeyUp, true);
  // The link has role=button, so the Space key presses it too, as it would a button.
  document.addEventListener("keydown", function (event) {
    if ((event.key === " " || event.key === "Spacebar") && event.target && event.target.matches &&
        event.target.matches("[data-rs-exit]")) leave(event);
  }, true);
  // Coming back to a page kept in the back/forward cache: never show it blanked.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("rs-exiting");
    var overlay = document.querySelector(".rs-exit-overlay");
    if (overlay) overlay.remove();
  });
})();
