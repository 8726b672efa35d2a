// Preloaded into every document of a session whose server-side state the audit must not change
// (a signed-in crawl, a journey): while a gatherer acts, js/page_hooks.js then records the
// page's POST, PUT, PATCH and DELETE requests (fetch, XMLHttpRequest, sendBeacon) instead of
// sending them. Read-only, so the page cannot turn it off.
Object.defineProperty(window, '__a11yAuditHoldUnsafe', { value: true, enumerable: false });
