// Document size in CSS pixels, for a full-page screenshot clip.
const el = document.documentElement;
const body = document.body || el;
return {
  width: Math.max(el.scrollWidth, body.scrollWidth, el.clientWidth),
  height: Math.max(el.scrollHeight, body.scrollHeight, el.clientHeight),
};
