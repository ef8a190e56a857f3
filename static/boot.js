// Runs in <head>, before the page is drawn. The build wrote the default scenario's
// answer into this page (src/bin/prerender.rs) with the default's link code and
// JSON in <meta name="avi-sizer-default">. The answer is shown only when it is
// this page's answer: no link and nothing saved in this browser (or the default
// saved), or a link to exactly the default. Any other link or saved scenario keeps
// it hidden, so the page never shows another scenario's answer, even for a frame;
// the app replaces it as soon as it runs.
(function () {
  var meta = document.querySelector('meta[name="avi-sizer-default"]');
  if (meta) {
    var hash = location.hash.replace(/^#/, "");
    var keys = location.search.replace(/^\?/, "").split("&").map(function (kv) { return kv.split("=")[0]; });
    var embedded = keys.indexOf("embed") >= 0 || keys.indexOf("readonly") >= 0;
    var stored = null;
    if (!embedded) {
      try { stored = localStorage.getItem("avi-sizer.scenario"); } catch (e) { stored = null; }
    }
    var isDefault = hash === ""
      ? stored === null || stored === meta.getAttribute("data-json")
      : hash === "s=" + meta.getAttribute("content");
    if (isDefault) document.documentElement.classList.add("static-ok");
  }
  // Reload without a network once loaded (static/sw.js); not from file: pages.
  if ("serviceWorker" in navigator && location.protocol.indexOf("http") === 0) {
    addEventListener("load", function () {
      navigator.serviceWorker.register("./sw.js").catch(function () {});
    });
  }
})();
