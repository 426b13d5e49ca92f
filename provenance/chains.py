"""Attribution chains: who said it, which outlet carried it, which article
printed it, and which articles link to that one.

The edges come from the ``chain_edges`` view (store.VIEWS); this module walks
``links`` breadth first, one query per depth level (each document is visited
once, at its nearest depth, so the cost is linear in what is reached even on
a densely linked graph; cycle-safe; depth-capped) and returns a small graph
that the command line prints and the datasette plugin draws. A link is
followed only outward - to a document at the same or a greater depth than the
one it leaves - so a link back towards the start (A links B links A) is not
an edge of the walk.

Node ids are ``document:<documents.id>``, ``outlet:<outlets.id>`` and
``source:<name as written>``. Edges point downstream:

    origin --relayed_by--> channel --cited_in--> article --linked_from--> article linking to it

Every function takes a plain ``sqlite3.Connection`` so the same code runs in
the CLI (sqlite-utils' ``db.conn``) and inside datasette (``execute_fn``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field

#: Hops through links (article -> article) followed from the starting point.
MAX_DEPTH = 10
#: Hard ceiling for a caller-supplied depth.
DEPTH_LIMIT = 50
#: Ids per ``in (...)`` list: SQLite pushes a literal list down into every
#: branch of the chain_edges union (and uses the indexes); a subquery it does not.
_CHUNK = 400

#: The citations of a source: by name, or of an outlet (id or name) as the
#: source or as the channel. likelihood() tells the planner an outlet matches
#: few citations: ANALYZE counts the NULLs of a mostly empty column
#: (source_outlet) as one value matching nearly every row, and SQLite would
#: otherwise scan the whole table rather than use the index.
SOURCE_CITATIONS_SQL = """
with o(id) as (select id from outlets where id = :source or name = :source collate nocase)
select id, document from citations where source = :source
union select id, document from citations where likelihood(source_outlet in (select id from o), 0.001)
union select id, document from citations where likelihood(via_outlet in (select id from o), 0.001)
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
        # Only the links branch of the union can hold a followed link: saying
        # so lets SQLite drop the citation branches, which would otherwise
        # scan every citation for its via_link.
        only = " and relation = 'linked_from'" if where == "link" else ""
        rows = conn.execute(
            "select from_node, from_kind, from_label, relation, to_node, to_kind, to_label, "
            f"document, citation, link from chain_edges where {where} in ({marks}){only}",
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


def _walk(
    conn: sqlite3.Connection, start: list[str], direction: str, max_depth: int
) -> tuple[dict[str, int], dict[str, int]]:
    """Breadth-first walk over links from the ``start`` documents (depth 0):
    ``up`` follows a document's links to their targets, ``down`` the links
    pointing at it to the documents containing them. Returns {document: its
    minimum depth} and {link followed: the depth of the document it reaches}.

    Each document is expanded once, at its minimum depth, so a walk costs one
    indexed lookup per reached document whatever the number of paths. A link
    is kept when it leads to a document at the same or a greater depth than
    the one it leaves (never back towards the start; never to itself)."""
    if direction == "up":
        sql = "select id, document, target from links where target is not null and document in ({})"
    else:
        sql = "select id, target, document from links where target in ({})"
    docs = {doc: 0 for doc in start}
    links: dict[str, int] = {}
    frontier = sorted(docs)
    for depth in range(max_depth):
        hops: list[tuple[str, str, str]] = []
        for chunk in _chunks(frontier):
            hops += conn.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
        found = sorted({to for _, frm, to in hops if to not in docs})
        for doc in found:
            docs[doc] = depth + 1
        for link, frm, to in hops:
            if to != frm and docs[to] >= depth:
                links[link] = min(links.get(link, depth + 1), depth + 1)
        frontier = found
        if not frontier:
            break
    return docs, links


def document_graph(conn: sqlite3.Connection, document: str, max_depth: int | None = None) -> Graph:
    """Everything upstream of a document (its citations' origins and channels,
    the documents it links to and theirs) and the documents linking to it."""
    depth = _depth(max_depth)
    if conn.execute("select 1 from documents where id = ?", [document]).fetchone() is None:
        raise ChainError(f"{document}: no such document")
    root = f"document:{document}"
    graph = Graph(roots=[root])
    up_docs, up_links = _walk(conn, [document], "up", depth)
    _add_edges(graph, conn, "document", list(up_docs), up_docs)
    _add_edges(graph, conn, "link", list(up_links), up_links)
    _, down_links = _walk(conn, [document], "down", depth)
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
    _, down_links = _walk(conn, documents, "down", depth)
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
