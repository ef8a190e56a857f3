// Runs in <head>, before the page is drawn, and decides what the page shows first.
//
// The build wrote the default scenario's answer into this page (src/bin/prerender.rs)
// with the default's link code and JSON in <meta name="avi-sizer-default">. That
// answer is shown only when it is this page's answer: no link and nothing saved in
// this browser (or the default saved), or a link to exactly the default. Any other
// link or saved scenario keeps it hidden, so the page never shows another
// scenario's answer, even for a frame.
//
// A link to another scenario gets its answer from the answer module (answer.js, the
// engine without the UI): the link is decoded here (base64url, then raw deflate by
// the browser) and the module plans it. The app (app.js) starts once that answer is
// on screen (at once when there is nothing to answer first), and replaces it.
(function () {
  var meta = document.querySelector('meta[name="avi-sizer-default"]');
  var hash = location.hash.replace(/^#/, "");
  var keys = location.search.replace(/^\?/, "").split("&").map(function (kv) { return kv.split("=")[0]; });
  var embedded = keys.indexOf("embed") >= 0 || keys.indexOf("readonly") >= 0;
  var stored = null;
  if (!embedded) {
    try { stored = localStorage.getItem("avi-sizer.scenario"); } catch (e) { stored = null; }
  }
  var isDefault = !!meta && (hash === ""
    ? stored === null || stored === meta.getAttribute("data-json")
    : hash === "s=" + meta.getAttribute("content"));
  if (isDefault) document.documentElement.classList.add("static-ok");

  var started = false;
  function app() {
    if (started) return;
    started = true;
    import("./app.js").catch(function () {});
  }

  // The scenario JSON of a `v1.` link.
  function inflate(body) {
    var b64 = body.replace(/-/g, "+").replace(/_/g, "/");
    var bin = atob(b64 + "===".slice((b64.length + 3) % 4));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text();
  }

  function show(html) {
    function put() {
      // Gone when the app has replaced it already; empty when the module had no answer.
      var el = document.getElementById("link-answer");
      if (el && html) {
        el.hidden = false;
        el.innerHTML = html;
      }
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", put);
    else put();
  }

  if (isDefault || hash.indexOf("s=v1.") !== 0 || typeof DecompressionStream === "undefined") {
    app();
  } else {
    // The module's wasm is fetched at once, beside its JS and the link's decoding.
    var wasm = fetch("./answer_bg.wasm");
    Promise.resolve(hash.slice(5))
      .then(function (body) {
        return Promise.all([inflate(decodeURIComponent(body)), import("./answer.js")]);
      })
      .then(function (r) {
        return r[1].default({ module_or_path: wasm }).then(function () { return r[1].answer(r[0]); });
      })
      .then(function (html) {
        show(html);
        // Let the answer reach the screen before the app's download and start-up.
        requestAnimationFrame(function () { setTimeout(app, 0); });
      }, app);
  }

  // Reload without a network once loaded (static/sw.js); not from file: pages.
  if ("serviceWorker" in navigator && location.protocol.indexOf("http") === 0) {
    addEventListener("load", function () {
      navigator.serviceWorker.register("./sw.js").catch(function () {});
    });
  }
})();
