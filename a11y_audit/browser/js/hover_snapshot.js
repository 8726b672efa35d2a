// Remember what is visible before the pointer moves onto a trigger. Needs hover.js.
hoverSnapshot();
