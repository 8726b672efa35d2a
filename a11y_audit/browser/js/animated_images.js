// Images that can animate: every loaded, shown <img> whose bytes are a GIF, an APNG or an
// animated WebP (sniffed from the bytes, not the extension). The bytes are read from the
// HTTP cache (fetch with cache: 'force-cache', a GET the page already made), at most
// maxBytes each, once per address, and returned base64-encoded for Python to decode;
// addresses in `known` (measured on an earlier page) are not read again. For each image,
// what a person would use to stop it: a pause/stop/hide control near it, a <picture> source
// for prefers-reduced-motion, and whether it is a loading indicator.
// arguments: [max images, max bytes, fetch timeout ms, known addresses]. Needs describe.js.
var maxImages = arguments[0];
var maxBytes = arguments[1];
var timeoutMs = arguments[2];
var known = new Set(arguments[3] || []);
var CONTROL = /\b(pause|stop|play|hide|close|dismiss|freeze|animation|animations|motion)\b/i;
function shown(el) {
  if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  var box = el.getBoundingClientRect();
  // Moved off the page (left: -9999px) is not seen by anyone, however it moves.
  var right = box.right + window.scrollX;
  var bottom = box.bottom + window.scrollY;
  var left = box.left + window.scrollX;
  var offPage = right <= 0 || bottom <= 0 || left >= document.documentElement.scrollWidth;
  return box.width >= 1 && box.height >= 1 && !offPage;
}
function nameOf(el) {
  var label = el.getAttribute('aria-label') || el.title || el.value || el.innerText || '';
  var alt = el.querySelector && el.querySelector('img[alt]');
  return (label + ' ' + (alt ? alt.alt : '')).replace(/\s+/g, ' ').trim();
}
function controlNear(el) {
  // The image's container and the one around it, short of page-wide regions.
  var scope = el.parentElement;
  for (var depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    if (scope.matches('body, main, [role="main"], form')) break;
    var candidates = scope.querySelectorAll('button, [role="button"], [role="switch"], input[type="checkbox"], input[type="button"], a[href]');
    for (var k = 0; k < candidates.length; k++) {
      if (candidates[k] !== el.closest('a') && shown(candidates[k]) && CONTROL.test(nameOf(candidates[k]))) return describe(candidates[k]).selector;
    }
  }
  return null;
}
function hints(el) {
  var parent = el.parentElement;
  return [el.id, el.className, el.getAttribute('alt') || '', parent ? parent.id + ' ' + parent.className : ''].join(' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}
function reducedMotion(el) {
  var picture = el.parentElement && el.parentElement.localName === 'picture' ? el.parentElement : null;
  return !!(picture && picture.querySelector('source[media*="prefers-reduced-motion"]'));
}
function base64(bytes) {
  var parts = [];
  for (var i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
  return btoa(parts.join(''));
}
function animatable(b) {
  if (b.length < 32) return false;
  var head = String.fromCharCode.apply(null, b.subarray(0, 16));
  if (head.slice(0, 4) === 'GIF8') return true;
  if (head.slice(1, 4) === 'PNG') {
    var text = String.fromCharCode.apply(null, b.subarray(0, Math.min(b.length, 4096)));
    var idat = text.indexOf('IDAT');
    return text.slice(0, idat < 0 ? text.length : idat).indexOf('acTL') >= 0;
  }
  return head.slice(0, 4) === 'RIFF' && head.slice(8, 16) === 'WEBPVP8X' && (b[20] & 0x02) !== 0;
}
function read(url) {
  var controller = window.AbortController ? new AbortController() : null;
  var timer = setTimeout(function () { if (controller) controller.abort(); }, timeoutMs);
  return fetch(url, { credentials: 'same-origin', cache: 'force-cache', signal: controller ? controller.signal : undefined })
    .then(function (response) {
      if (!response.ok) return { unread: 'HTTP ' + response.status };
      var size = Number(response.headers.get('content-length') || 0);
      if (size > maxBytes) return { unread: 'larger than ' + maxBytes + ' bytes' };
      return response.arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        if (bytes.length > maxBytes) return { unread: 'larger than ' + maxBytes + ' bytes' };
        return animatable(bytes) ? { data: base64(bytes) } : { still: true };
      });
    })
    .catch(function () {
      if (controller && controller.signal.aborted) return { unread: 'timed out', again: true };
      return { unread: 'not readable from the page (another origin without CORS)' };
    })
    .then(function (answer) { clearTimeout(timer); return answer; });
}
var chosen = [];
var looked = 0;
var reads = {};
document.querySelectorAll('img').forEach(function (el) {
  if (chosen.length >= maxImages || !el.complete || !el.naturalWidth || !shown(el)) return;
  var url = el.currentSrc || el.src;
  if (!/^(https?|data):/i.test(url)) return;
  looked++;
  if (!known.has(url) && !reads[url]) reads[url] = read(url);
  chosen.push({ el: el, url: url });
});
var urls = Object.keys(reads);
return Promise.all(urls.map(function (url) { return reads[url]; })).then(function (answers) {
  var read = {};
  var bytes = {};
  var stills = [];
  urls.forEach(function (url, i) {
    read[url] = answers[i];
    if (answers[i].data) bytes[url] = answers[i].data;
    if (answers[i].still && url.length <= 2000) stills.push(url);
  });
  var images = [];
  chosen.forEach(function (c) {
    var answer = read[c.url];
    if (answer && answer.still) return;
    var item = describe(c.el);
    item.source = c.url;
    item.alt = c.el.getAttribute('alt');
    item.hints = hints(c.el);
    item.control = controlNear(c.el);
    item.reducedMotion = reducedMotion(c.el);
    item.busy = !!c.el.closest('[aria-busy="true"], [role="progressbar"]');
    item.unread = answer && answer.unread ? answer.unread : null;
    item.again = !!(answer && answer.again);
    images.push(item);
  });
  return { images: images, looked: looked, bytes: bytes, stills: stills };
});
