// Highlight every part of a span that the document page had to split, when a link targets it.
(function () {
  "use strict";
  function markTarget() {
    document.querySelectorAll(".part-target").forEach(function (el) { el.classList.remove("part-target"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!/^c\d+-\d+$/.test(id)) { return; }
    document.querySelectorAll('[data-part="' + id + '"]').forEach(function (el) { el.classList.add("part-target"); });
  }
  window.addEventListener("hashchange", markTarget);
  document.addEventListener("DOMContentLoaded", markTarget);
})();
