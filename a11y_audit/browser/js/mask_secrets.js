// Hide form fields that hold a journey secret (a password typed from an environment variable)
// before a screenshot, and show them again after: arguments[0] = the secrets, arguments[1] =
// true to mask, false to restore. Masking draws the value as discs, as a password field does.
const secrets = arguments[0];
const saved = window.__a11yAuditMasked || (window.__a11yAuditMasked = new Map());
if (!arguments[1]) {
  for (const [field, style] of saved) {
    if (style === null) field.removeAttribute("style");
    else field.setAttribute("style", style);
  }
  saved.clear();
  return 0;
}
for (const field of document.querySelectorAll("input, textarea")) {
  if (secrets.includes(field.value) && !saved.has(field)) {
    saved.set(field, field.getAttribute("style"));
    field.style.setProperty("-webkit-text-security", "disc");
  }
}
return saved.size;
