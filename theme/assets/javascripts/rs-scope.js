/* reviewsite: what Material's inline head script defines, as a file (no inline script under the
 * Content Security Policy), keeping state in memory only. Material would store the palette,
 * dismissed banners and the like in localStorage/sessionStorage; someone checking the browser
 * could find those entries and learn that this site was visited. Nothing is stored here: every
 * __md_get starts empty and everything is forgotten when the page is left. */
(function () {
  "use strict";
  var memory = {};
  var script = document.currentScript;
  // This file lives at <site>/assets/javascripts/, so the site's root is two levels up:
  // right when the site is served from a sub-path too.
  var scope = new URL("../../", script && script.src ? script.src : location.href);
  window.__md_scope = scope;
  window.__md_hash = function (text) {
    var hash = 0;
    for (var i = 0; i < text.length; i++) hash = ((hash << 5) - hash + text.charCodeAt(i)) | 0;
    return hash;
  };
  window.__md_get = function (key, storage, base) {
    var k = (base || scope).pathname + "." + key;
    return Object.prototype.hasOwnProperty.call(memory, k) ? JSON.parse(memory[k]) : null;
  };
  window.__md_set = function (key, value, storage, base) {
    try { memory[(base || scope).pathname + "." + key] = JSON.stringify(value); } catch (e) { /* ignore */ }
  };
})();
