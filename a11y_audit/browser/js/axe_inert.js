// Which of the elements axe reported are inert while axe ran, by the first step of each target
// (the element, or the frame that holds it): outside the open modal dialog, which makes the rest
// of the page inert (axe itself skips [inert] subtrees, but not this).
// arguments: [targets, each an axe selector step]; returns one boolean per target.
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
  return Boolean(modal && !modal.contains(el) && !el.contains(modal));
});
