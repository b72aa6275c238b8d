/* Hover previews for the garden's links: when the pointer rests on a link to a note, or the
 * keyboard focuses it, show the note's title, growth stage, type, description and first lines.
 *
 * The data comes from the page itself (<script type="application/json" id="garden-previews">,
 * written at build time for the notes this page links to), so previews work offline, from
 * file://, and at any base URL. Note text is inserted with textContent only, never as HTML.
 */
(function () {
  "use strict";

  var SHOW_DELAY = 250;
  var HIDE_DELAY = 200;
  var tip = null;
  var current = null;
  var showTimer = 0;
  var hideTimer = 0;
  var cache = { source: null, byUrl: null };

  function withoutHash(href) {
    var i = href.indexOf("#");
    return i < 0 ? href : href.slice(0, i);
  }

  /* URL → preview, read once per page from the JSON the build wrote. */
  function previews() {
    var source = document.getElementById("garden-previews");
    if (!source) return null;
    if (cache.source === source) return cache.byUrl;
    var byUrl = new Map();
    try {
      var data = JSON.parse(source.textContent);
      var base = new URL(data.base, window.location.href);
      data.previews.forEach(function (p) {
        var url = new URL(p.url, base).href;
        byUrl.set(p.wanted ? url : withoutHash(url), p);
      });
    } catch (error) {
      byUrl = new Map();
    }
    cache = { source: source, byUrl: byUrl };
    return byUrl;
  }

  function previewFor(link) {
    var byUrl = previews();
    if (!byUrl || !link.href) return null;
    return byUrl.get(link.href) || byUrl.get(withoutHash(link.href)) || null;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function tooltip() {
    if (tip && document.body.contains(tip)) return tip;
    tip = element("div", "garden-preview md-typeset");
    tip.id = "garden-preview";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(tip);
    return tip;
  }

  function fill(node, p) {
    node.replaceChildren();
    node.classList.toggle("garden-preview--wanted", Boolean(p.wanted));
    node.appendChild(element("p", "garden-preview__title", p.title));
    if (p.stage || p.type) {
      var badges = element("p", "garden-preview__badges");
      if (p.stage) {
        badges.appendChild(element("span", "garden-badge garden-badge--stage garden-badge--" +
          p.stage.toLowerCase(), p.stage));
      }
      if (p.type) badges.appendChild(element("span", "garden-badge garden-badge--type", p.type));
      node.appendChild(badges);
    }
    if (p.description) node.appendChild(element("p", "garden-preview__description", p.description));
    if (p.excerpt) node.appendChild(element("p", "garden-preview__excerpt", p.excerpt));
  }

  /* Below the link (above it when there is no room), never wider than the viewport. */
  function place(node, link) {
    var box = link.getBoundingClientRect();
    var margin = 8;
    node.style.left = "0px";
    node.style.top = "0px";
    var width = node.offsetWidth;
    var height = node.offsetHeight;
    var left = Math.min(Math.max(margin, box.left), window.innerWidth - width - margin);
    var top = box.bottom + margin;
    if (top + height > window.innerHeight && box.top - height - margin > 0) {
      top = box.top - height - margin;
    }
    node.style.left = Math.max(margin, left) + "px";
    node.style.top = Math.max(margin, top) + "px";
  }

  function show(link) {
    var p = previewFor(link);
    if (!p) return;
    var node = tooltip();
    fill(node, p);
    node.hidden = false;
    place(node, link);
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    link.setAttribute("aria-describedby", node.id);
  }

  function hide() {
    window.clearTimeout(showTimer);
    if (tip) tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function scheduleHide() {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  }

  function linkOf(event) {
    var target = event.target;
    if (!(target instanceof Element)) return null;
    var link = target.closest("a[href]");
    return link && link.closest("article") ? link : null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = linkOf(event);
    if (!link || !previewFor(link)) return;
    window.clearTimeout(hideTimer);
    window.clearTimeout(showTimer);
    showTimer = window.setTimeout(function () { show(link); }, SHOW_DELAY);
  });
  document.addEventListener("mouseout", function (event) {
    var link = linkOf(event);
    if (link && !link.contains(event.relatedTarget)) scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    var link = linkOf(event);
    if (link && previewFor(link)) {
      window.clearTimeout(hideTimer);
      show(link);
    } else if (current) {
      hide();
    }
  });
  document.addEventListener("focusout", function (event) {
    if (linkOf(event)) scheduleHide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });
  window.addEventListener("scroll", function () { if (current) hide(); }, { passive: true });
})();
