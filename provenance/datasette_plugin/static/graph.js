// Draws the chain graph from /-/provenance/graph.json with cytoscape.js.
// window.provenanceGraph is the cytoscape instance; document.body gets
// data-graph-ready="1" (or "error") when done, for tests.
(function () {
  "use strict";
  var container = document.getElementById("provenance-graph");
  if (!container) { return; }
  var colours = { document: "#4a7bd0", outlet: "#e08a2c", source: "#4caf50" };
  var shapes = { document: "round-rectangle", outlet: "diamond", source: "ellipse" };

  function fail(message) {
    document.getElementById("provenance-error").textContent = message;
    document.body.dataset.graphReady = "error";
  }

  fetch(container.dataset.url, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      if (!data.ok) { fail(data.error || "could not load the graph"); return; }
      var roots = {};
      data.roots.forEach(function (id) { roots[id] = true; });
      var elements = data.nodes.map(function (n) {
        return { group: "nodes", data: { id: n.id, label: n.label, kind: n.kind, url: n.url, root: roots[n.id] ? 1 : 0 } };
      }).concat(data.edges.map(function (e) {
        var label = e.relation + (e.citations > 1 ? " \u00d7" + e.citations : "");
        return { group: "edges", data: { id: e.id, source: e.source, target: e.target, relation: e.relation, label: label, url: e.url } };
      }));
      var cy = cytoscape({
        container: container,
        elements: elements,
        wheelSensitivity: 0.3,
        style: [
          { selector: "node", style: {
              "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
              "text-wrap": "ellipsis", "text-max-width": 180,
              "background-color": function (n) { return colours[n.data("kind")] || "#888"; },
              "shape": function (n) { return shapes[n.data("kind")] || "ellipse"; },
              "width": 26, "height": 26 } },
          { selector: "node[root = 1]", style: { "border-width": 4, "border-color": "#222", "width": 34, "height": 34 } },
          { selector: "edge", style: {
              "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 2,
              "line-color": "#999", "target-arrow-color": "#999",
              "label": "data(label)", "font-size": 9, "text-rotation": "autorotate", "color": "#555" } },
          { selector: "edge[relation = 'linked_from']", style: { "line-style": "dashed", "line-color": "#4a7bd0", "target-arrow-color": "#4a7bd0" } }
        ]
      });
      var layoutRoots = cy.nodes().roots();
      if (layoutRoots.length === 0) {
        layoutRoots = cy.nodes().filter(function (n) { return n.data("root") === 1; });
      }
      cy.layout({ name: "breadthfirst", directed: true, roots: layoutRoots, spacingFactor: 1.1, padding: 20 }).run();
      cy.on("tap", "node, edge", function (event) {
        var url = event.target.data("url");
        if (url) { window.location.href = url; }
      });
      window.provenanceGraph = cy;
      document.body.dataset.graphReady = "1";
    })
    .catch(function (error) { fail(String(error)); });
})();
