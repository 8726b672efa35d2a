// Registered before page scripts (Page.addScriptToEvaluateOnNewDocument): remembers every
// element that gets a click-like listener or on* handler, which the DOM does not show, so
// the pointer_handlers gatherer can list them. The page's own calls go through unchanged.
(function () {
  if (window.__a11yPointerHandlers) return;
  var EVENTS = { click: 1, dblclick: 1, mousedown: 1, mouseup: 1, pointerdown: 1, pointerup: 1, touchstart: 1, touchend: 1 };
  var known = new WeakSet();
  var list = [];
  function remember(target) {
    if (target instanceof Element && !known.has(target) && list.length < 5000) {
      known.add(target);
      list.push(target);
    }
  }
  var add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (EVENTS[type] === 1) remember(this);
    return add.call(this, type, listener, options);
  };
  ['onclick', 'onmousedown', 'onpointerdown', 'onmouseup', 'onpointerup'].forEach(function (property) {
    var descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, property);
    if (!descriptor || !descriptor.set) return;
    Object.defineProperty(HTMLElement.prototype, property, {
      configurable: true,
      enumerable: descriptor.enumerable,
      get: descriptor.get,
      set: function (value) {
        if (value) remember(this);
        descriptor.set.call(this, value);
      }
    });
  });
  Object.defineProperty(window, '__a11yPointerHandlers', { value: list });
})();
