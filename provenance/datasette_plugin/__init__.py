"""The provenance datasette plugin: a chain graph page and links to it.

Registered by the ``datasette`` entry point in pyproject.toml, so installing
the package is enough: ``provenance serve`` (or plain ``datasette``) loads it.

- ``/-/provenance/graph?document=ID`` or ``?source=NAME`` draws the chains
  (provenance.chains) with the vendored cytoscape.js (static/, MIT, see
  static/cytoscape.LICENSE); nodes click through to their rows.
- ``/-/provenance/graph.json`` with the same parameters returns the nodes and
  edges. Both take ``db=`` (default: the first database with the
  ``chain_edges`` view) and ``depth=`` (link hops, default 10).
- Document and citation rows link to their graph (render_cell).
"""

from __future__ import annotations

from importlib.resources import files
from urllib.parse import quote, urlencode

import markupsafe
from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response, asgi_static

from ..chains import MAX_DEPTH, ChainError, document_graph, source_graph

#: cytoscape.js vendored in static/ (from the npm registry, MIT licence).
CYTOSCAPE_VERSION = "3.34.4"
STATIC = str(files(__name__) / "static")
GRAPH_PATH = "/-/provenance/graph"
STATIC_PATH = "/-/provenance/static/"


def graph_url(datasette, database: str, **params: str) -> str:
    return datasette.urls.path(GRAPH_PATH) + "?" + urlencode({"db": database, **params})


def _database(datasette, request):
    name = request.args.get("db")
    if name:
        if name not in datasette.databases:
            raise NotFound(f"no database {name}")
        return name
    for name, db in datasette.databases.items():
        if name != "_internal" and not db.is_memory:
            return name
    raise NotFound("no database")


def _node_url(datasette, database: str, node: dict) -> str:
    kind, _, key = node["id"].partition(":")
    if kind == "document":
        return datasette.urls.row(database, "documents", quote(key, safe=""))
    if kind == "outlet":
        return datasette.urls.row(database, "outlets", quote(key, safe=""))
    return datasette.urls.table(database, "citations") + "?" + urlencode({"source": key})


def _edge_url(datasette, database: str, edge: dict) -> str | None:
    if edge["relation"] == "linked_from" and edge["link_ids"]:
        return datasette.urls.row(database, "links", edge["link_ids"][0])
    if len(edge["citation_ids"]) == 1:
        return datasette.urls.row(database, "citations", edge["citation_ids"][0])
    return None


async def _graph(datasette, request) -> tuple[str, dict]:
    database = _database(datasette, request)
    document = request.args.get("document")
    source = request.args.get("source")
    if bool(document) == bool(source):
        raise ValueError("give exactly one of document= or source=")
    try:
        depth = int(request.args.get("depth") or MAX_DEPTH)
    except ValueError:
        raise ValueError("depth must be a whole number") from None

    def build(conn):
        if document:
            return document_graph(conn, document, depth)
        return source_graph(conn, source, depth)

    graph = await datasette.databases[database].execute_fn(build)
    data = graph.as_dict()
    for node in data["nodes"]:
        node["url"] = _node_url(datasette, database, node)
    for edge in data["edges"]:
        edge["url"] = _edge_url(datasette, database, edge)
    data["database"] = database
    return database, data


async def graph_json(datasette, request):
    try:
        _, data = await _graph(datasette, request)
    except ChainError as err:
        return Response.json({"ok": False, "error": str(err)}, status=404)
    except ValueError as err:
        return Response.json({"ok": False, "error": str(err)}, status=400)
    return Response.json({"ok": True, **data})


async def graph_page(datasette, request):
    document = request.args.get("document") or ""
    source = request.args.get("source") or ""
    database = _database(datasette, request)
    data_url = None
    if document or source:
        params = {"db": database, "document": document, "source": source,
                  "depth": request.args.get("depth") or ""}
        data_url = datasette.urls.path(GRAPH_PATH + ".json") + "?" + urlencode(
            {k: v for k, v in params.items() if v}
        )
    html = await datasette.render_template(
        "provenance_graph.html",
        {
            "database": database,
            "document": document,
            "source": source,
            "data_url": data_url,
            "static": datasette.urls.path(STATIC_PATH),
            "cytoscape_version": CYTOSCAPE_VERSION,
        },
        request=request,
    )
    return Response.html(html)


@hookimpl
def register_routes():
    return [
        (r"^/-/provenance/graph$", graph_page),
        (r"^/-/provenance/graph\.json$", graph_json),
        (r"^/-/provenance/static/(?P<path>.*)$", asgi_static(STATIC)),
    ]


def _graph_link(href: str, text: str = "chain graph") -> str:
    return f' <a class="provenance-graph-link" href="{markupsafe.escape(href)}">{markupsafe.escape(text)}</a>'


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Document and citation rows link to their graph."""
    if table == "documents" and column in ("title", "id"):
        document = row["id"]
        shown = markupsafe.escape(value or "")
        return markupsafe.Markup(f"{shown}{_graph_link(graph_url(datasette, database, document=document))}")
    if table == "citations" and column == "document" and value:
        if isinstance(value, dict):  # an expanded foreign key: keep its link
            key, label = value["value"], value["label"] or value["value"]
            shown = (f'<a href="{markupsafe.escape(datasette.urls.row(database, "documents", key))}">'
                     f"{markupsafe.escape(label)}</a>")
        else:
            key = value
            shown = (f'<a href="{markupsafe.escape(datasette.urls.row(database, "documents", key))}">'
                     f"{markupsafe.escape(key)}</a>")
        return markupsafe.Markup(shown + _graph_link(graph_url(datasette, database, document=key)))
    if table == "citations" and column == "source" and value:
        return markupsafe.Markup(
            f"{markupsafe.escape(value)}{_graph_link(graph_url(datasette, database, source=value), 'graph')}"
        )
    return None


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path(GRAPH_PATH), "label": "Chain graph"}]
