// Where clicking arguments[0] would lead, for a journey's safety rules: the link it opens, or
// the form it submits (and where to), and the words on the control.
const el = arguments[0];
const link = el.closest("a[href], area[href]");
const control = el.closest("button, input");
let form = null;
let action = null;
if (control && control.form && ["submit", "image"].includes((control.type || "").toLowerCase())) {
  form = control.form;
  action = control.formAction || form.action;
} else if (arguments[1] && el.form && el.tagName !== "TEXTAREA") {
  // Enter in a form field submits its form.
  form = el.form;
  action = form.action;
}
const words = [el.innerText, el.value, el.getAttribute("aria-label"), el.title]
  .filter((text) => typeof text === "string" && text.trim())
  .join(" ");
return { href: link ? link.href : null, submits: form !== null, action: action, words: words.slice(0, 200) };
