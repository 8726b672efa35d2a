// Installed before any page script runs. alert/confirm/prompt would block every WebDriver
// command, so they are answered at once and recorded; uncaught script errors are counted.
// Both end up as warnings on the page record.
(() => {
  if (window.__a11yAuditDialogs) return;
  const dialogs = [];
  const errors = [];
  Object.defineProperty(window, "__a11yAuditDialogs", { value: dialogs, enumerable: false });
  Object.defineProperty(window, "__a11yAuditErrors", { value: errors, enumerable: false });
  const record = (kind, message) => {
    if (dialogs.length < 20) dialogs.push(kind + "(" + JSON.stringify(String(message).slice(0, 120)) + ")");
  };
  window.alert = (message) => { record("alert", message); };
  window.confirm = (message) => { record("confirm", message); return false; };
  window.prompt = (message) => { record("prompt", message); return null; };
  window.addEventListener("error", (event) => {
    if (errors.length < 20) errors.push(String(event.message || "script error").slice(0, 200));
  });
})();
