"""Attribution chains: who said it, which outlet carried it, which article
printed it, and which articles link to that one.

The edges come from the ``chain_edges`` view (store.VIEWS); this module walks
them with recursive SQL over ``links`` (cycle-safe: a document already on the
path is never re-entered; depth-capped) and returns a small graph that the
command line prints and the datasette plugin draws.

Node ids are ``document:<documents.id>``, ``outlet:<outlets.id>`` and
``source:<name as written>``. Edges point downstream:

    origin --relayed_by--> channel --cited_in--> article --linked_from--> article linking to it

Every function takes a plain ``sqlite3.Connection`` so the same code runs in
the CLI (sqlite-utils' ``db.conn``) and inside datasette (``execute_fn``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field

#: Hops through links (article -> article) followed from the starting point.
MAX_DEPTH = 10
#: Hard ceiling for a caller-supplied depth.
DEPTH_LIMIT = 50
#: Ids per ``in (...)`` list: SQLite pushes a literal list down into every
#: branch of the chain_edges union (and uses the indexes); a subquery it does not.
_CHUNK = 400

#: Documents upstream of :document - the ones it links to, transitively.
UPSTREAM_SQL = """
with recursive up(doc, depth, path, link) as (
  select :document, 0, ',' || :document || ',', null
  union all
  select l.target, up.depth + 1, up.path || l.target || ',', l.id
  from up join links l on l.document = up.doc
  where l.target is not null and up.depth < :max_depth
    and instr(up.path, ',' || l.target || ',') = 0
)
select doc, depth, link from up
"""

#: Documents downstream of the documents in :documents (a JSON list) - the
#: ones linking to them, transitively.
DOWNSTREAM_SQL = """
with recursive down(doc, depth, path, link) as (
  select value, 0, ',' || value || ',', null from json_each(:documents)
  union all
  select l.document, down.depth + 1, down.path || l.document || ',', l.id
  from down join links l on l.target = down.doc
  where down.depth < :max_depth
    and instr(down.path, ',' || l.document || ',') = 0
)
select doc, depth, link from down
"""

#: The citations of a source: by name, or of an outlet (id or name) as the
#: source or as the channel.
SOURCE_CITATIONS_SQL = """
with o(id) as (select id from outlets where id = :source or name = :source collate nocase)
select id, document from citations where source = :source
union select id, document from citations where source_outlet in (select id from o)
union select id, document from citations where via_outlet in (select id from o)
"""

OUTLET_SQL = "select id from outlets where id = :source or name = :source collate nocase order by id"


class ChainError(ValueError):
    """A chain was asked for something that is not in the database."""


@dataclass
class Node:
    id: str
    kind: str  # document, outlet or source
    label: str


@dataclass
class Edge:
    source: str  # from node id
    target: str  # to node id
    relation: str  # relayed_by, cited_in or linked_from
    citations: int = 0
    depth: int = 0  # link hops between the edge's document and the root
    citation_ids: list[str] = field(default_factory=list)
    link_ids: list[str] = field(default_factory=list)


@dataclass
class Graph:
    roots: list[str]
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def sorted_edges(self) -> list[Edge]:
        return sorted(self.edges.values(), key=lambda e: (e.depth, e.target, e.relation, e.source))

    def as_dict(self) -> dict:
        return {
            "roots": self.roots,
            "nodes": [asdict(n) for n in sorted(self.nodes.values(), key=lambda n: n.id)],
            "edges": [
                {**asdict(e), "id": f"{e.source}|{e.relation}|{e.target}"} for e in self.sorted_edges()
            ],
        }


def _depth(max_depth: int | None) -> int:
    if max_depth is None:
        return MAX_DEPTH
    return max(0, min(int(max_depth), DEPTH_LIMIT))


def _chunks(items: list, size: int = _CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _add_edges(graph: Graph, conn: sqlite3.Connection, where: str, ids: list[str], depth_of: dict[str, int]) -> None:
    """Add the chain_edges rows whose ``where`` column is in ``ids``."""
    for chunk in _chunks(sorted(set(ids))):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "select from_node, from_kind, from_label, relation, to_node, to_kind, to_label, "
            f"document, citation, link from chain_edges where {where} in ({marks})",
            chunk,
        )
        for from_node, from_kind, from_label, relation, to_node, to_kind, to_label, document, citation, link in rows:
            if where == "link" and relation != "linked_from":
                continue
            if where == "document" and relation == "linked_from":
                continue
            graph.nodes.setdefault(from_node, Node(from_node, from_kind, from_label))
            graph.nodes.setdefault(to_node, Node(to_node, to_kind, to_label))
            key = (from_node, to_node, relation)
            edge = graph.edges.get(key)
            depth = depth_of.get(link if where == "link" else document, 0)
            if edge is None:
                edge = graph.edges[key] = Edge(from_node, to_node, relation, depth=depth)
            edge.depth = min(edge.depth, depth)
            if citation and citation not in edge.citation_ids:
                edge.citation_ids.append(citation)
                edge.citations += 1
            if relation == "linked_from" and link and link not in edge.link_ids:
                edge.link_ids.append(link)
    for edge in graph.edges.values():
        edge.citation_ids.sort()
        edge.link_ids.sort()


def _walk(conn: sqlite3.Connection, sql: str, params: dict) -> tuple[dict[str, int], dict[str, int]]:
    """Run a recursive walk; return {document: min depth} and {link: min depth}."""
    docs: dict[str, int] = {}
    links: dict[str, int] = {}
    for doc, depth, link in conn.execute(sql, params):
        docs[doc] = min(depth, docs.get(doc, depth))
        if link is not None:
            links[link] = min(depth, links.get(link, depth))
    return docs, links


def document_graph(conn: sqlite3.Connection, document: str, max_depth: int | None = None) -> Graph:
    """Everything upstream of a document (its citations' origins and channels,
    the documents it links to and theirs) and the documents linking to it."""
    depth = _depth(max_depth)
    if conn.execute("select 1 from documents where id = ?", [document]).fetchone() is None:
        raise ChainError(f"{document}: no such document")
    root = f"document:{document}"
    graph = Graph(roots=[root])
    up_docs, up_links = _walk(conn, UPSTREAM_SQL, {"document": document, "max_depth": depth})
    _add_edges(graph, conn, "document", list(up_docs), up_docs)
    _add_edges(graph, conn, "link", list(up_links), up_links)
    _, down_links = _walk(conn, DOWNSTREAM_SQL, {"documents": json.dumps([document]), "max_depth": depth})
    _add_edges(graph, conn, "link", list(down_links), down_links)
    if root not in graph.nodes:
        label = conn.execute(
            "select coalesce(nullif(title, ''), nullif(replace(path, rtrim(path, replace(path, '/', '')), ''), ''),"
            " canonical_url, url, id) from documents where id = ?", [document],
        ).fetchone()[0]
        graph.nodes[root] = Node(root, "document", label)
    return graph


def source_graph(conn: sqlite3.Connection, source: str, max_depth: int | None = None) -> Graph:
    """A named source's (or an outlet's) citations and every document
    downstream of the articles that carry them."""
    depth = _depth(max_depth)
    rows = conn.execute(SOURCE_CITATIONS_SQL, {"source": source}).fetchall()
    if not rows:
        raise ChainError(f"{source}: no citations of this source or outlet")
    outlets = [f"outlet:{r[0]}" for r in conn.execute(OUTLET_SQL, {"source": source})]
    graph = Graph(roots=[])
    citations = [r[0] for r in rows]
    documents = sorted({r[1] for r in rows})
    _add_edges(graph, conn, "citation", citations, {d: 0 for d in documents})
    _, down_links = _walk(conn, DOWNSTREAM_SQL, {"documents": json.dumps(documents), "max_depth": depth})
    _add_edges(graph, conn, "link", list(down_links), down_links)
    graph.roots = [n for n in [*outlets, f"source:{source}"] if n in graph.nodes]
    return graph


def tree_lines(graph: Graph, max_lines: int = 5000) -> list[str]:
    """The graph as an indented tree from its roots: upstream edges (``<-``)
    walked backwards, downstream edges (``->``) forwards; a node already on
    the branch is printed once more, marked ``(cycle)``, and not expanded."""
    incoming: dict[str, list[Edge]] = {}
    outgoing: dict[str, list[Edge]] = {}
    for edge in graph.sorted_edges():
        incoming.setdefault(edge.target, []).append(edge)
        outgoing.setdefault(edge.source, []).append(edge)
    lines: list[str] = []

    def describe(node_id: str) -> str:
        node = graph.nodes[node_id]
        return f"{node.label} [{node.id}]"

    def count(edge: Edge) -> str:
        if edge.relation == "linked_from":
            return edge.relation
        return f"{edge.relation}, {edge.citations} citation{'s' if edge.citations != 1 else ''}"

    def walk(node_id: str, prefix: str, path: set[str], direction: str) -> None:
        # From a document root: everything that fed it (<-) and the documents
        # linking to it (->); below that, each branch keeps its direction.
        children: list[tuple[str, str, Edge]] = []
        if direction in ("both", "up"):
            children += [("<-", e.source, e) for e in incoming.get(node_id, [])]
        if direction in ("both", "down"):
            children += [("->", e.target, e) for e in outgoing.get(node_id, [])]
        for i, (arrow, child, edge) in enumerate(children):
            if len(lines) >= max_lines:
                return
            last = i == len(children) - 1
            cycle = child in path
            lines.append(f"{prefix}{'└── ' if last else '├── '}{arrow} {describe(child)} ({count(edge)})"
                         + (" (cycle)" if cycle else ""))
            if not cycle:
                walk(child, prefix + ("    " if last else "│   "), path | {child},
                     "up" if arrow == "<-" else "down")

    for root in graph.roots:
        lines.append(describe(root))
        kind = graph.nodes[root].kind
        walk(root, "", {root}, "both" if kind == "document" else "down")
    if len(lines) >= max_lines:
        lines.append(f"... (stopped at {max_lines} lines)")
    return lines


def edge_records(graph: Graph) -> list[dict]:
    """One flat record per edge, for --format jsonl."""
    records = []
    for edge in graph.sorted_edges():
        a, b = graph.nodes[edge.source], graph.nodes[edge.target]
        records.append({
            "from": a.id, "from_kind": a.kind, "from_label": a.label,
            "relation": edge.relation,
            "to": b.id, "to_kind": b.kind, "to_label": b.label,
            "citations": edge.citations, "depth": edge.depth,
            "citation_ids": edge.citation_ids, "link_ids": edge.link_ids,
        })
    return records
