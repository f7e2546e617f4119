// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function initFilter() {
    var form = document.querySelector(".claim-filter");
    var list = document.getElementById("claim-list");
    if (!form || !list) return;
    var cards = Array.prototype.slice.call(list.querySelectorAll(".claim-card"));
    var text = document.getElementById("filter-text");
    var rating = document.getElementById("filter-rating");
    var speaker = document.getElementById("filter-speaker");
    var tag = document.getElementById("filter-tag");
    var status = form.querySelector(".filter-status");

    function apply() {
      var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      cards.forEach(function (card) {
        var search = card.getAttribute("data-search") || "";
        var tags = (card.getAttribute("data-tags") || "").split(" ");
        var visible =
          words.every(function (w) { return search.indexOf(w) !== -1; }) &&
          (!rating.value || card.getAttribute("data-rating") === rating.value) &&
          (!speaker.value || card.getAttribute("data-speaker") === speaker.value) &&
          (!tag.value || tags.indexOf(tag.value) !== -1);
        card.hidden = !visible;
        if (visible) shown++;
      });
      status.textContent = shown === 0
        ? status.getAttribute("data-none")
        : shown + " / " + cards.length + " " + status.getAttribute("data-template");
    }

    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initFilter);
  } else {
    initFilter();
  }
})();
