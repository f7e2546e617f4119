namespace FactDossier.Preview;

/// <summary>
/// The script preview injects into every HTML page it serves (never into the built site): it listens for builds,
/// reloads the page after a good one and lays the problems of a failed one over the page.
/// </summary>
public static class ReloadScript
{
    public const string Path = "__factdossier/";

    public static string Tag(string basePath) => $"<script src=\"{basePath}{Path}reload.js\" defer></script>";

    public const string Source = """
        (function () {
          "use strict";
          var base = document.currentScript.src.replace(/reload\.js$/, "");
          var version = null;
          var overlayId = "factdossier-overlay";

          function removeOverlay() {
            var old = document.getElementById(overlayId);
            if (old) old.remove();
          }

          function showOverlay(status) {
            removeOverlay();
            var box = document.createElement("div");
            box.id = overlayId;
            box.setAttribute("role", "alert");
            box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.95);color:#fff;" +
              "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem";
            var title = document.createElement("h2");
            title.textContent = "The build failed — still showing the last good site";
            title.style.cssText = "font:bold 18px system-ui,sans-serif;margin:0 0 1rem;color:#ffb4ab";
            box.appendChild(title);
            status.diagnostics.forEach(function (d) {
              var p = document.createElement("p");
              p.className = "factdossier-diagnostic";
              p.textContent = d.path + "(" + d.line + "," + d.column + "): " + d.severity + " " + d.code + ": " + d.message +
                (d.hint ? "\n    hint: " + d.hint : "");
              p.style.cssText = "white-space:pre-wrap;margin:0 0 .75rem";
              box.appendChild(p);
            });
            document.body.appendChild(box);
          }

          var events = new EventSource(base + "events");
          events.addEventListener("build", function (e) {
            var status = JSON.parse(e.data);
            var changed = version !== null && status.version !== version;
            version = status.version;
            if (!status.ok) { showOverlay(status); return; }
            if (changed) { location.reload(); return; }
            removeOverlay();
          });
        })();
        """;
}
