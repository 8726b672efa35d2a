// The text of one element axe could not judge for contrast, made transparent so that a
// screenshot shows what is behind its characters (ACT afw4f7's background pixels: every pixel
// of a character's box that does not change with the CSS color property).
// arguments[0]: "hide" with an axe target part (arguments[1]) and the most characters to
// measure (arguments[2]); or "restore", which puts back what "hide" changed.
// "hide" scrolls the element to the middle of the window (lazy backgrounds load, nothing
// sticky covers it by accident) and returns null when the element is not rendered; otherwise
// its colour, font, whether the painted text differs from that colour in ways a screenshot of
// the background cannot show (opacity, filters, blending, text fill or stroke colours), whether
// an image under it has not loaded, and the box of each character of its own text nodes in
// document coordinates (those the window shows), with whether another element is on top of
// that character.
const mode = arguments[0];
const KEY = '__a11yTextBackgrounds';
if (mode === 'restore') {
  const saved = window[KEY] || [];
  for (const [el, name, value, priority] of saved.reverse()) el.style.setProperty(name, value, priority);
  window[KEY] = [];
  return null;
}
const part = arguments[1];
const maxChars = arguments[2];
const el = resolveAxePart(part);
if (!el || el.getClientRects().length === 0) return null;
el.scrollIntoView({ block: 'center', inline: 'nearest' });
const style = getComputedStyle(el);
const colour = style.color;
const font = [parseFloat(style.fontSize), parseInt(style.fontWeight, 10) || 400];
// A first letter or line of its own colour, or text painted by a fill, stroke or background.
let composited =
  style.webkitTextFillColor !== colour ||
  style.webkitTextStrokeWidth !== '0px' ||
  getComputedStyle(el, '::first-letter').color !== colour ||
  getComputedStyle(el, '::first-line').color !== colour;
for (let node = el; node && node.nodeType === 1; node = node.parentElement || node.getRootNode().host) {
  const s = getComputedStyle(node);
  if (
    parseFloat(s.opacity) < 1 ||
    s.filter !== 'none' ||
    s.mixBlendMode !== 'normal' ||
    s.backdropFilter !== 'none' ||
    (s.webkitMaskImage || 'none') !== 'none' ||
    s.webkitBackgroundClip === 'text' ||
    s.backgroundClip === 'text'
  ) {
    composited = true;
  }
}
const chars = [];
let text = '';
let counted = 0;
const range = document.createRange();
for (const node of el.childNodes) {
  if (node.nodeType !== 3) continue;
  const value = node.nodeValue;
  for (let i = 0; i < value.length; i += 1) {
    if (/\s/.test(value[i])) continue;
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    counted += 1;
    text += value[i];
    // Only what the window shows is photographed (capturing beyond it resizes the viewport).
    const shown = r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
    if (chars.length >= maxChars || !shown) continue;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    chars.push({
      char: value[i],
      box: [r.left + scrollX, r.top + scrollY, r.width, r.height],
      covered: !(top && (top === el || el.contains(top))),
    });
  }
}
// An image under the text still loading shows what is behind it instead.
let loading = false;
const seen = new Set();
for (const c of chars.slice(0, 20)) {
  const [x, y, w, h] = c.box;
  for (const under of document.elementsFromPoint(x - scrollX + w / 2, y - scrollY + h / 2)) {
    if (seen.has(under)) continue;
    seen.add(under);
    if (under.tagName === 'IMG' && !(under.complete && under.naturalWidth > 0)) loading = true;
    for (const pseudo of [null, '::before', '::after']) {
      const image = getComputedStyle(under, pseudo).backgroundImage;
      for (const match of image.matchAll(/url\("?([^")]+)"?\)/g)) {
        const url = new URL(match[1], document.baseURI).href;
        if (url.startsWith('data:')) continue;
        const entries = performance.getEntriesByName(url);
        if (!entries.length || !(entries[entries.length - 1].responseEnd > 0)) loading = true;
      }
    }
  }
}
// Transparent text paints nothing; shadows in currentColor change with the colour, so they are
// foreground and vanish too, while shadows of their own colour stay as background (afw4f7).
// Transitions off first, so the change is not animated.
const saved = (window[KEY] = window[KEY] || []);
for (const name of ['transition', 'color', '-webkit-text-fill-color', '-webkit-text-stroke-color']) {
  saved.push([el, name, el.style.getPropertyValue(name), el.style.getPropertyPriority(name)]);
  el.style.setProperty(name, name === 'transition' ? 'none' : 'transparent', 'important');
}
return {
  colour: colour,
  font_px: font[0],
  font_weight: font[1],
  composited: composited,
  loading: loading,
  text: text,
  characters: counted,
  chars: chars,
};
