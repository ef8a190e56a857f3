// Offline support: network first (a new release is picked up at once), the cache
// as the fallback, so a page loaded once reloads without a network. Same-origin
// GETs only; nothing is sent anywhere.
const CACHE = "avi-sizer-v1";
const INDEX = new URL("./", self.location).href;

// Cache the page and every asset its HTML names (Trunk's hashed wasm, JS and CSS),
// so the first visit is enough.
async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch(INDEX, { cache: "no-cache" });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(INDEX, response);
  // Files the page names, and those the app loads later (listed by the build in
  // <meta name="avi-sizer-assets" data-precache="...">).
  const named = [...html.matchAll(/(?:href|src)="([^"#:]+)"/g)].map((m) => m[1]);
  const later = [...html.matchAll(/data-precache="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/)).filter(Boolean);
  const assets = [...named, ...later].map((f) => new URL(f, INDEX).href);
  await cache.addAll([...new Set(assets)]);
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().catch(() => {}).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  if (request.mode === "navigate") {
    const index = await cache.match(INDEX);
    if (index) return index;
  }
  return Response.error();
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => fromCache(request))
  );
});
