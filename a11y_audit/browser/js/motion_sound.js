// Whether autoplaying media (window.__a11yAuditMedia: elements and the part of them that
// plays, left by js/motion.js) makes any sound there: its resource is fetched and its audio
// decoded (OfflineAudioContext), and the loudest sample tells sound from silence. Nothing is played. A video without an
// audio track cannot be decoded as audio; it is silent when Chromium decoded its pictures and
// no audio bytes at all. Unknown (null): a resource too big, unreadable (cross-origin without
// CORS), or not decoded in time.
// Run as an async script: arguments [indices into __a11yAuditMedia, byte limit, ms limit, callback].
var indices = arguments[0];
var maxBytes = arguments[1];
var maxMs = arguments[2];
var done = arguments[arguments.length - 1];
var SILENT = 0.001; // -60 dBFS: below any sound a person would hear over a screen reader
var media = window.__a11yAuditMedia || [];
function noAudioTrack(el) {
  return el.localName === 'video' && el.webkitVideoDecodedByteCount > 0 && el.webkitAudioDecodedByteCount === 0;
}
function loudest(buffer, start, end) {
  var peak = 0;
  var from = Math.floor(start * buffer.sampleRate);
  var to = Math.min(buffer.length, Math.ceil(end * buffer.sampleRate));
  for (var c = 0; c < buffer.numberOfChannels; c++) {
    var data = buffer.getChannelData(c);
    for (var i = from; i < to; i++) {
      var level = data[i] < 0 ? -data[i] : data[i];
      if (level > peak) peak = level;
    }
  }
  return peak;
}
function sound(medium) {
  var el = medium.element;
  return fetch(el.currentSrc, { credentials: 'same-origin' })
    .then(function (response) {
      var size = Number(response.headers.get('content-length') || 0);
      if (!response.ok || !size || size > maxBytes) {
        if (response.body) response.body.cancel();
        return null;
      }
      return response.arrayBuffer();
    })
    .then(function (bytes) {
      if (!bytes) return null;
      return new OfflineAudioContext(1, 1, 44100).decodeAudioData(bytes).then(
        function (buffer) {
          var range = medium.range || { start: 0, end: buffer.duration };
          return loudest(buffer, range.start, range.end) >= SILENT;
        },
        function () { return noAudioTrack(el) ? false : null; }
      );
    })
    .catch(function () { return null; });
}
var answers = indices.map(function () { return null; });
var finished = false;
function finish() {
  if (finished) return;
  finished = true;
  done(answers);
}
setTimeout(finish, maxMs);
Promise.all(indices.map(function (index, n) {
  var medium = media[index];
  if (!medium || !medium.element.currentSrc) return null;
  return sound(medium).then(function (answer) { answers[n] = answer; });
})).then(finish, finish);
