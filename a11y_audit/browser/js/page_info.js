// Facts about the loaded document that WebDriver itself does not expose.
// Runs in the top frame after navigation; returns plain JSON.
const nav = performance.getEntriesByType("navigation")[0];
const errorCode = location.protocol === "chrome-error:"
  ? ((document.querySelector(".error-code") || {}).textContent || "navigation failed").trim()
  : null;
const links = [];
for (const a of document.querySelectorAll("a[href], area[href]")) {
  if (a.href) links.push(a.href);
}
return {
  url: location.href,
  title: document.title,
  lang: document.documentElement.getAttribute("lang"),
  contentType: document.contentType,
  readyState: document.readyState,
  status: nav && typeof nav.responseStatus === "number" && nav.responseStatus > 0 ? nav.responseStatus : null,
  errorCode: errorCode,
  elementCount: document.getElementsByTagName("*").length,
  dialogs: window.__a11yAuditDialogs || [],
  scriptErrors: window.__a11yAuditErrors || [],
  timings: nav ? {
    response_ms: Math.round(nav.responseEnd - nav.startTime),
    dom_content_loaded_ms: Math.round(nav.domContentLoadedEventEnd - nav.startTime),
    load_ms: Math.round(nav.loadEventEnd - nav.startTime),
  } : {},
  links: links,
};
