// Words drawn by SVG images: the <text> of same-origin (or data:) SVGs shown by <img>,
// <input type=image>, <object> and CSS backgrounds (fetched, bounded in count, size and time),
// and of inline <svg>. Raster images are not read (no OCR). For each image, what could make
// it a logo: its alt, title, classes, file name, a home link around it and the site's name.
// arguments: [max images, max bytes per SVG, fetch timeout ms]. Needs describe.js.
var maxImages = arguments[0];
var maxBytes = arguments[1];
var timeoutMs = arguments[2];
var HOME = /^\/?(index\.\w+)?$/;
function shown(el) {
  if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  var box = el.getBoundingClientRect();
  return box.width >= 8 && box.height >= 8;
}
function svgUrl(raw) {
  if (!raw) return null;
  var url;
  try { url = new URL(raw, document.baseURI); } catch (e) { return null; }
  if (url.protocol === 'data:') return /^data:image\/svg\+xml/i.test(raw) ? url.href : null;
  if (url.origin !== location.origin || !/\.svgz?$/i.test(url.pathname)) return null;
  return url.href;
}
function textsOf(svgRoot) {
  var words = [];
  svgRoot.querySelectorAll('text').forEach(function (node) {
    var text = (node.textContent || '').replace(/\s+/g, ' ').trim();
    if (text) words.push(text.slice(0, 200));
  });
  return words.slice(0, 20);
}
function classOf(node) {
  if (!node) return '';
  return typeof node.className === 'string' ? node.className : (node.className && node.className.baseVal) || '';
}
function context(el, source, kind) {
  var item = describe(el);
  item.kind = kind;
  item.source = source && source.slice(0, 5) === 'data:' ? 'data:image/svg+xml' : source;
  item.alt = (el.getAttribute('alt') || el.getAttribute('aria-label') || el.getAttribute('title') || '').slice(0, 200);
  var link = el.closest('a[href]');
  item.hints = [el.id, classOf(el), classOf(el.parentElement), link ? classOf(link) + ' ' + link.id : ''].join(' ').trim().slice(0, 300);
  var href = null;
  try { href = link ? new URL(link.href, document.baseURI) : null; } catch (e) { href = null; }
  item.homeLink = !!(href && href.origin === location.origin && HOME.test(href.pathname));
  item.inBanner = !!el.closest('header, [role="banner"]');
  item.hidden = !!el.closest('[aria-hidden="true"]');
  return item;
}
var candidates = [];
function addSource(el, raw, kind) {
  var url = svgUrl(raw);
  if (url && candidates.length < maxImages && shown(el)) candidates.push({ el: el, url: url, kind: kind });
}
// Only images already loaded: their SVG is in the HTTP cache, so reading it costs no request.
document.querySelectorAll('img, input[type="image"]').forEach(function (el) {
  if (el.localName !== 'img' || (el.complete && el.naturalWidth > 0)) addSource(el, el.currentSrc || el.src, 'img');
});
document.querySelectorAll('object[data]').forEach(function (el) { addSource(el, el.getAttribute('data'), 'object'); });
// CSS backgrounds: only rules (and style attributes) that name an SVG, not every element's style.
var backgroundSelectors = [];
Array.prototype.forEach.call(document.styleSheets, function (sheet) {
  var rules;
  try { rules = sheet.cssRules; } catch (e) { return; }
  (function walk(list) {
    Array.prototype.forEach.call(list || [], function (rule) {
      if (rule.cssRules && !rule.selectorText) { walk(rule.cssRules); return; }
      if (rule.selectorText && rule.style && /url\([^)]*(\.svg|svg\+xml)/i.test(rule.style.backgroundImage || rule.style.background || '')) {
        backgroundSelectors.push(rule.selectorText);
      }
    });
  })(rules);
});
var styled = Array.prototype.slice.call(document.querySelectorAll('[style*="url("]'));
backgroundSelectors.slice(0, 50).forEach(function (selector) {
  try { styled = styled.concat(Array.prototype.slice.call(document.querySelectorAll(selector), 0, 20)); } catch (e) { /* :hover... */ }
});
styled.forEach(function (el) {
  var match = /url\(["']?([^"')]+)["']?\)/.exec(getComputedStyle(el).backgroundImage);
  if (match && !candidates.some(function (c) { return c.el === el; })) addSource(el, match[1], 'background');
});
function fetchText(url) {
  var controller = window.AbortController ? new AbortController() : null;
  var timer = setTimeout(function () { if (controller) controller.abort(); }, timeoutMs);
  return fetch(url, { credentials: 'same-origin', cache: 'force-cache', signal: controller ? controller.signal : undefined })
    .then(function (response) { return response.ok ? response.text() : ''; })
    .catch(function () { return null; })
    .then(function (text) { clearTimeout(timer); return text; });
}
var cache = {};
return Promise.all(candidates.map(function (candidate) {
  cache[candidate.url] = cache[candidate.url] || fetchText(candidate.url);
  return cache[candidate.url].then(function (text) {
    var item = context(candidate.el, candidate.url, candidate.kind);
    if (text === null || text.length > maxBytes) {
      item.unread = true;
      item.texts = [];
      return item;
    }
    var doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    item.texts = doc.documentElement && doc.documentElement.localName === 'svg' ? textsOf(doc.documentElement) : [];
    return item;
  });
})).then(function (images) {
  var inline = [];
  document.querySelectorAll('svg').forEach(function (svg) {
    if (inline.length >= maxImages || svg.parentElement.closest('svg') || !svg.querySelector('text') || !shown(svg)) return;
    var item = context(svg, null, 'inline');
    item.alt = (svg.getAttribute('aria-label') || (svg.querySelector(':scope > title') || {}).textContent || '').slice(0, 200);
    item.texts = textsOf(svg);
    inline.push(item);
  });
  var siteNames = [];
  var meta = document.querySelector('meta[property="og:site_name"], meta[name="application-name"]');
  if (meta && meta.content) siteNames.push(meta.content.trim());
  var home = document.querySelector('header a[href="/"], [role="banner"] a[href="/"]');
  if (home && home.innerText.trim()) siteNames.push(home.innerText.replace(/\s+/g, ' ').trim());
  return {
    images: images.filter(function (item) { return item.texts.length || item.unread; }).concat(inline),
    looked: candidates.length,
    siteNames: siteNames.slice(0, 3),
  };
});
