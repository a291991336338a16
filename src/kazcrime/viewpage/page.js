// Draws a kazcrime view. All text goes into the page through textContent, never as HTML:
// labels and evidence sentences are data, and a label holding markup must not run.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kz-data").textContent);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function tipBox(item, withLink) {
    var box = el("div", "kz-tip");
    if (item.allegation) box.appendChild(el("div", "kz-allegation", "ALLEGATION: accused, charged or alleged by the source; not a finding of guilt or an established fact"));
    box.appendChild(el("div", "kz-heading", item.heading));
    (item.tip || []).forEach(function (pair) {
      var row = el("div", "kz-row");
      row.appendChild(el("span", "kz-key", pair[0]));
      row.appendChild(el("span", pair[2] ? "kz-quote" : "", pair[1]));
      box.appendChild(row);
    });
    if (withLink && item.url) {
      var a = el("a", "", "Open the resource page");
      a.href = item.url;
      box.appendChild(el("div", "kz-row")).appendChild(a);
    }
    return box;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) { return Object.assign({}, n, { title: tipBox(n, false) }); }));
  var edges = new vis.DataSet(data.edges.map(function (e) { return Object.assign({}, e, { title: tipBox(e, false) }); }));
  var container = document.getElementById("kz-network");
  document.getElementById("kz-counts").textContent =
    data.nodes.length + " nodes · " + data.edges.length + " edges";

  function legend(id, items, edgeStyle) {
    var ul = document.getElementById(id);
    items.forEach(function (item) {
      var li = el("li");
      var sw = el("span", edgeStyle ? "kz-line" + (item.dashes ? " kz-dashed" : "") : "kz-swatch");
      if (edgeStyle) sw.style.borderTopColor = item.color; else sw.style.background = item.color;
      li.appendChild(sw);
      li.appendChild(el("span", "", item.label));
      li.appendChild(el("span", "kz-count", item.count));
      ul.appendChild(li);
    });
  }
  legend("kz-node-legend", data.legend.nodes, false);
  legend("kz-edge-legend", data.legend.edges, true);
  var notes = document.getElementById("kz-notes");
  data.legend.notes.forEach(function (n) { notes.appendChild(el("li", "", n)); });

  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  function settle() { network.setOptions({ physics: false }); document.body.setAttribute("data-settled", "true"); }
  network.once("stabilizationIterationsDone", settle);
  if (!data.nodes.length) {
    container.appendChild(el("div", "kz-empty", "Nothing to show yet: see the notes."));
    settle();
  } else if (data.options.physics === false || (data.options.physics && data.options.physics.enabled === false)) {
    settle();  // fixed positions (the geographic layout): nothing to stabilise, so no event will come
  }

  var details = document.getElementById("kz-details");
  var body = document.getElementById("kz-details-body");
  network.on("click", function (params) {
    var item = params.nodes.length ? nodes.get(params.nodes[0]) : params.edges.length ? edges.get(params.edges[0]) : null;
    body.replaceChildren();
    details.hidden = !item;
    if (item) body.appendChild(tipBox(item, true));
  });
  network.on("doubleClick", function (params) {
    var node = params.nodes.length ? nodes.get(params.nodes[0]) : null;
    if (node && node.url) window.location.href = node.url;
  });
  window.kzView = { nodes: nodes, edges: edges, network: network, data: data };
})();
