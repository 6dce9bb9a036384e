/*
 * Socle's service worker: lets the app open without a network once visited, so that field
 * workers can collect answers offline. Hand-written, no library.
 *
 * - The app shell (index.html, the built assets, icons) is kept in SHELL: pages are fetched
 *   from the network first and fall back to the kept index.html; hashed assets come from the
 *   cache first.
 * - Under /api, nothing is cached except the questionnaire of a campaign opened for field
 *   work (GET /api/organisations/:orgId/campaigns/:campaignId/field), kept in FIELD, network
 *   first. FIELD is emptied when the person signs out.
 * - Requests other than GET (sending answers, signing in…) are never touched.
 */
const SHELL = 'socle-shell-v1';
const FIELD = 'socle-field-v1';
const FIELD_PATH = /^\/api\/organisations\/[^/]+\/campaigns\/[^/]+\/field$/;
const STATIC_FILES = [
  '/favicon.svg',
  '/icon.svg',
  '/icon-192.png',
  '/icon-512.png',
  '/manifest.webmanifest',
];

/** Keeps index.html and the files it names (scripts, styles, icons). */
async function keepShell() {
  const cache = await caches.open(SHELL);
  const response = await fetch('/', { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('/index.html', response);
  const named = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
  const files = [...new Set([...named, ...STATIC_FILES])].filter(
    (path) => !path.startsWith('/api/'),
  );
  await Promise.all(
    files.map(async (path) => {
      try {
        const file = await fetch(path, { credentials: 'same-origin' });
        if (file.ok) await cache.put(path, file);
      } catch {
        // One missing icon does not stop the app from working offline.
      }
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(keepShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== SHELL && name !== FIELD) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** Network first; a good answer replaces the kept copy, a refusal (signed out, no access) removes it. */
async function fieldQuestionnaire(request) {
  const cache = await caches.open(FIELD);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request.url, response.clone());
    else if (response.status === 401 || response.status === 403 || response.status === 404)
      await cache.delete(request.url);
    return response;
  } catch (error) {
    const kept = await cache.match(request.url);
    if (kept) return kept;
    throw error;
  }
}

async function page(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await cache.put('/index.html', response.clone());
    }
    return response;
  } catch (error) {
    const kept = await cache.match('/index.html');
    if (kept) return kept;
    throw error;
  }
}

async function asset(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request.url);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request.url, response.clone());
  return response;
}

async function staticFile(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request.url, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request.url);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (FIELD_PATH.test(url.pathname) && !url.search) {
    event.respondWith(fieldQuestionnaire(request));
    return;
  }
  // The rest of the API, the public respondent pages and the service worker itself: never kept.
  if (
    url.pathname.startsWith('/api/') ||
    url.pathname.startsWith('/r/') ||
    url.pathname === '/sw.js'
  )
    return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request));
    return;
  }
  if (STATIC_FILES.includes(url.pathname)) event.respondWith(staticFile(request));
});

self.addEventListener('message', (event) => {
  const data = event.data ?? {};
  const reply = (message) => event.source?.postMessage(message);
  if (data.type === 'keep-field' && typeof data.url === 'string') {
    const url = new URL(data.url, self.location.origin);
    if (url.origin !== self.location.origin || !FIELD_PATH.test(url.pathname)) return;
    event.waitUntil(
      (async () => {
        try {
          const response = await fetch(url.pathname, {
            credentials: 'same-origin',
            headers: { accept: 'application/json' },
          });
          const cache = await caches.open(FIELD);
          if (response.ok) await cache.put(url.href, response);
          reply({ type: 'field-kept', url: url.pathname, ok: response.ok });
        } catch {
          const kept = await (await caches.open(FIELD)).match(url.href);
          reply({ type: 'field-kept', url: url.pathname, ok: Boolean(kept) });
        }
      })(),
    );
  }
  if (data.type === 'forget-field') event.waitUntil(caches.delete(FIELD));
});
