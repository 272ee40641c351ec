// First in <head> of the page under test: records JavaScript errors (tests/viz/browser.py).
window.__kgErrors = [];
window.addEventListener('error', function (e) { window.__kgErrors.push(String(e.message)); });
(function () {
  var original = console.error;
  console.error = function () {
    window.__kgErrors.push(Array.prototype.join.call(arguments, ' '));
    return original.apply(console, arguments);
  };
})();
