/* Zoom and pan for the garden map (garden/svg.py draws it; this only changes its viewBox).
   The map works without this script: every dot is already a link. */
(function () {
  "use strict";

  var MIN_SHARE = 1 / 8; // zoom in until an eighth of the map's width fills the frame

  function enhance(svg) {
    if (svg.getAttribute("data-garden-zoom")) return;
    svg.setAttribute("data-garden-zoom", "on");
    var box = svg.viewBox.baseVal;
    var full = { x: box.x, y: box.y, w: box.width, h: box.height };
    var view = { x: full.x, y: full.y, w: full.w, h: full.h };
    var drag = null;
    var dragged = false;

    function apply() {
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) {
        return Math.round(v * 10) / 10;
      }).join(" "));
    }

    function toMap(clientX, clientY) {
      var rect = svg.getBoundingClientRect();
      return {
        x: view.x + (clientX - rect.left) / rect.width * view.w,
        y: view.y + (clientY - rect.top) / rect.height * view.h
      };
    }

    function zoom(factor, cx, cy) {
      var w = Math.min(full.w, Math.max(full.w * MIN_SHARE, view.w * factor));
      var scale = w / view.w;
      view.x = cx - (cx - view.x) * scale;
      view.y = cy - (cy - view.y) * scale;
      view.w = w;
      view.h = w * full.h / full.w;
      apply();
    }

    function centre() {
      return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    }

    function button(label, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", action);
      return b;
    }

    var bar = document.createElement("div");
    bar.className = "garden-graph-zoom";
    bar.appendChild(button("Zoom in", function () { var c = centre(); zoom(1 / 1.5, c.x, c.y); }));
    bar.appendChild(button("Zoom out", function () { var c = centre(); zoom(1.5, c.x, c.y); }));
    bar.appendChild(button("Show all", function () {
      view = { x: full.x, y: full.y, w: full.w, h: full.h };
      apply();
    }));
    svg.parentNode.insertBefore(bar, svg);

    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var p = toMap(event.clientX, event.clientY);
      zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, p.x, p.y);
    }, { passive: false });

    svg.addEventListener("pointerdown", function (event) {
      drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
      dragged = false;
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) return;
      var dx = event.clientX - drag.x;
      var dy = event.clientY - drag.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
      dragged = true;
      var rect = svg.getBoundingClientRect();
      view.x = drag.vx - dx / rect.width * view.w;
      view.y = drag.vy - dy / rect.height * view.h;
      apply();
    });
    ["pointerup", "pointerleave", "pointercancel"].forEach(function (name) {
      svg.addEventListener(name, function () { drag = null; });
    });
    // A drag that ends on a dot moves the map; it does not follow the dot's link.
    svg.addEventListener("click", function (event) {
      if (dragged) {
        event.preventDefault();
        dragged = false;
      }
    }, true);
  }

  function init() {
    var maps = document.querySelectorAll("svg.garden-graph--map");
    for (var i = 0; i < maps.length; i++) enhance(maps[i]);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
