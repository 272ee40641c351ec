// Last in <body> of the page under test: what vis-network drew (tests/viz/browser.py).
(function () {
  function rgb(c) { return [1, 3, 5].map(function (i) { return parseInt(c.substr(i, 2), 16); }); }
  function near(a, b) {
    return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) < 40;
  }
  function painted(ctx, ratio, point, color) {
    var want = rgb(color), r = 4;
    var px = ctx.getImageData(Math.round(point.x * ratio) - r, Math.round(point.y * ratio) - r,
                              2 * r + 1, 2 * r + 1).data;
    for (var i = 0; i < px.length; i += 4) { if (near([px[i], px[i + 1], px[i + 2]], want)) return true; }
    return false;
  }
  function check() {
    var out = {errors: window.__kgErrors, title: document.title};
    try {
      var canvas = document.querySelector('#mynetwork canvas');
      var ctx = canvas.getContext('2d');
      var ratio = canvas.width / canvas.clientWidth;
      var ids = nodes.getIds();
      var pos = network.getPositions(ids);
      out.nodes = ids.length;
      out.unpainted = ids.filter(function (id) {
        var c = nodes.get(id).color;
        return !painted(ctx, ratio, network.canvasToDOM(pos[id]), c.background || c);
      });
      var boxes = ids.map(function (id) { return network.body.nodes[id].labelModule.size; });
      out.labelOverlaps = 0;
      for (var i = 0; i < boxes.length; i++) {
        for (var j = i + 1; j < boxes.length; j++) {
          var a = boxes[i], b = boxes[j];
          if (a.left < b.left + b.width && b.left < a.left + a.width &&
              a.top < b.top + b.height && b.top < a.top + a.height) { out.labelOverlaps++; }
        }
      }
      out.heading = (document.querySelector('#kg-title h1') || {}).textContent;
      var legend = document.getElementById('kg-legend');
      out.legend = legend ? legend.innerText : null;
      out.swatches = legend ? Array.prototype.map.call(legend.querySelectorAll('span[style]'),
        function (s) { return getComputedStyle(s).backgroundColor + '|' + getComputedStyle(s).borderTopColor; }) : [];
      out.resources = performance.getEntriesByType('resource').map(function (e) { return e.name; });
    } catch (e) { out.errors.push('probe: ' + e); }
    var pre = document.createElement('pre');
    pre.id = 'kg-probe';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }
  window.addEventListener('load', function () { setTimeout(check, 1000); });
})();
