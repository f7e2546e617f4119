// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  var PAGE = 25;

  // A reader's words cut as SearchTerms.cs cuts the claims' texts at build time.
  function words(text) {
    return text.toLowerCase().replace(/ς/g, "σ").normalize("NFD").replace(/\p{M}/gu, "")
      .split(/[^\p{L}\p{Nd}]+/u).filter(function (w) { return w.length > 0; });
  }

  // A list of claim numbers: gaps (the first number, then each one's distance from the one before), or a bitmap
  // (base64, claim n in bit n % 8 of byte n / 8), as SearchIndex.cs writes them.
  function claimsIn(list) {
    var docs = [], n = 0, i;
    if (typeof list === "string") {
      var bytes = atob(list);
      for (i = 0; i < bytes.length; i++) {
        var b = bytes.charCodeAt(i);
        for (var bit = 0; bit < 8; bit++) if (b & (1 << bit)) docs.push(i * 8 + bit);
      }
      return docs;
    }
    for (i = 0; i < list.length; i++) { n += list[i]; docs.push(n); }
    return docs;
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  function initSearch() {
    var form = document.querySelector(".claim-search");
    if (!form || !window.fetch) return;
    var base = form.getAttribute("data-index");
    var input = document.getElementById("search-text");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
    var status = form.querySelector(".search-status");
    var results = document.querySelector(".search-results");
    var list = document.getElementById("search-results");
    var more = results.querySelector(".search-more");
    var pages = document.querySelector(".claim-pages");
    var cache = {};
    var meta = null;
    var found = [];
    var shown = 0;
    var run = 0;

    // Every file but meta.json (revalidated) is asked for with the index's version, so that the browser's cache never
    // mixes in a file of another build (a static host ignores the version: a tab left open across a deploy may still).
    function get(path) {
      if (!cache[path]) {
        var url = base + path + (meta ? "?v=" + meta.version : "");
        cache[path] = fetch(url, meta ? {} : { cache: "no-cache" }).then(function (r) {
          if (!r.ok) throw new Error(r.status + " " + path);
          return r.json();
        }).catch(function (e) {
          delete cache[path]; // the next search asks again
          throw e;
        });
      }
      return cache[path];
    }

    // The shards that can hold terms of this word: those whose prefix begins the word, and, for a word of three
    // letters or more (matched as a prefix), those whose prefix the word begins.
    function shardsFor(word) {
      var out = [];
      meta.shards.forEach(function (prefix, i) {
        if (word.indexOf(prefix) === 0 || (word.length >= 3 && prefix.indexOf(word) === 0)) out.push(i);
      });
      return out;
    }

    // Claims holding the word: as a whole term, or as the start of one when it has three letters or more.
    function docsFor(word) {
      return Promise.all(shardsFor(word).map(function (i) { return get("terms/" + i + ".json"); })).then(function (shards) {
        var seen = {}, docs = [];
        shards.forEach(function (shard) {
          Object.keys(shard).forEach(function (term) {
            if (term === word || (word.length >= 3 && term.indexOf(word) === 0)) {
              claimsIn(shard[term]).forEach(function (d) { if (!seen[d]) { seen[d] = true; docs.push(d); } });
            }
          });
        });
        return docs.sort(function (a, b) { return a - b; });
      });
    }

    function fill() {
      selects.forEach(function (select) {
        (meta.facets[select.getAttribute("data-facet")] || []).forEach(function (v) {
          var option = document.createElement("option");
          option.value = v[0];
          option.textContent = v[1] + " (" + v[2] + ")";
          select.appendChild(option);
        });
      });
    }

    function render(upTo) {
      var wanted = found.slice(shown, upTo);
      var files = {};
      wanted.forEach(function (d) { files[Math.floor(d / meta.docsPerFile)] = true; });
      var mine = run;
      return Promise.all(Object.keys(files).map(function (f) {
        return get("docs/" + f + ".json").then(function (docs) { return [Number(f), docs]; });
      })).then(function (loaded) {
        if (mine !== run) return;
        var byFile = {};
        loaded.forEach(function (l) { byFile[l[0]] = l[1]; });
        wanted.forEach(function (d) {
          var doc = byFile[Math.floor(d / meta.docsPerFile)][d % meta.docsPerFile];
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = doc[0];
          link.textContent = doc[1];
          var heading = document.createElement("h4");
          heading.appendChild(link);
          var verdict = document.createElement("span");
          verdict.className = "verdict verdict-" + doc[6]; // the rating's tone
          verdict.setAttribute("data-rating", doc[3]);
          if (doc[7]) {
            var mark = document.createElement("span");
            mark.className = "verdict-mark";
            mark.setAttribute("aria-hidden", "true");
            mark.textContent = doc[7];
            verdict.appendChild(mark);
            verdict.appendChild(document.createTextNode(" "));
          }
          verdict.appendChild(document.createTextNode(doc[4]));
          var summary = document.createElement("p");
          summary.textContent = (doc[2] ? doc[2] + " — " : "") + doc[5];
          item.appendChild(heading);
          item.appendChild(verdict);
          item.appendChild(summary);
          list.appendChild(item);
        });
        shown = upTo;
        more.hidden = shown >= found.length;
      });
    }

    function say(text) { status.textContent = text; }

    function search() {
      var mine = ++run;
      var query = words(input.value);
      var filters = selects.filter(function (s) { return s.value; });
      if (query.length === 0 && filters.length === 0) {
        results.hidden = true;
        pages.hidden = false;
        say("");
        return Promise.resolve();
      }
      var usable = query.filter(function (w) { return w.length >= meta.minLength; });
      if (usable.length === 0 && filters.length === 0) {
        results.hidden = true;
        pages.hidden = false;
        say(status.getAttribute("data-short"));
        return Promise.resolve();
      }
      var lists = usable.map(docsFor).concat(filters.map(function (s) {
        return get("facets/" + s.getAttribute("data-facet") + "/" + s.value + ".json").then(claimsIn);
      }));
      return Promise.all(lists).then(function (sets) {
        if (mine !== run) return;
        found = sets.reduce(intersect);
        shown = 0;
        list.textContent = "";
        pages.hidden = true;
        results.hidden = false;
        say(found.length === 0 ? status.getAttribute("data-none")
          : found.length + " " + status.getAttribute(found.length === 1 ? "data-found-one" : "data-found"));
        return render(Math.min(PAGE, found.length));
      }).catch(function () {
        if (mine === run) say(status.getAttribute("data-failed"));
      });
    }

    var timer = 0;
    function later() {
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    }

    get("meta.json").then(function (m) {
      meta = m;
      fill();
      form.hidden = false;
      input.addEventListener("input", later);
      selects.forEach(function (s) { s.addEventListener("change", search); });
      form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); search(); });
      more.addEventListener("click", function () {
        var first = shown;
        more.disabled = true; // a second click before the results arrive would add them twice
        render(Math.min(shown + PAGE, found.length)).then(function () {
          var next = list.children[first];
          if (next) next.querySelector("a").focus();
        }).finally(function () { more.disabled = false; });
      });
      var q = new URLSearchParams(location.search).get("q");
      if (q) { input.value = q; search(); }
    }).catch(function () { /* no index: the lists and topic, person and verdict pages still reach every claim */ });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initSearch);
  } else {
    initSearch();
  }
})();
