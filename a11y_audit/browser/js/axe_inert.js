// Which of the elements axe reported (targets in the top document) are inert while axe ran:
// inside an [inert] subtree, or outside the open modal dialog, which makes the rest of the page
// inert. arguments: [targets, each an axe selector step]; returns one boolean per target.
const [targets] = arguments;
let modal = null;
try {
  modal = document.querySelector('dialog:modal');
} catch (e) {
  modal = null;
}
return targets.map((target) => {
  let el = null;
  try {
    el = axe.utils.shadowSelect(target);
  } catch (e) {
    return false;
  }
  if (!el) return false;
  if (el.closest('[inert]')) return true;
  return Boolean(modal && !modal.contains(el) && !el.contains(modal));
});
