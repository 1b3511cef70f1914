#!/usr/bin/env python3
"""`linkdrift graph --format csv|gexf|graphml` on tests/fixtures/migration_graph_events.json,
parsed back (xml.etree, csv) and compared with the hand-written "graph" of its
.expected.json: every node and edge, with their attributes, and the hostile chat name
(< & " ' and U+0001) escaped into well-formed XML (U+0001 becomes U+FFFD).

usage: graph_export_test.py CLI FIXTURES_DIR"""
import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

cli, fixtures = sys.argv[1], sys.argv[2]
expected = json.load(open(f"{fixtures}/migration_graph_events.expected.json", encoding="utf-8"))
graph = expected["graph"]
chat_ids = [1800000001, 1800000002, 1800000003]  # the fixture's chats, in order


def run(fmt):
    p = subprocess.run([cli, "graph", "--format", fmt, "migration_graph_events.json"], cwd=fixtures,
                       capture_output=True, check=True)
    return p.stdout.decode("utf-8")


def xml_safe(s):
    return "".join("\ufffd" if ord(c) < 0x20 and c not in "\t\n\r" else c for c in s)


def want_node(n):
    """The attributes every export shows for node n."""
    if n["type"] == "chat":
        cid = str(chat_ids[n["chat"]])
        return {"label": xml_safe(n["label"]), "type": "chat", "chat": str(n["chat"]), "chat_id": cid,
                "platform": "telegram", "kind": "chat", "target": cid}
    return {"label": n["label"], "type": "target", "platform": n["platform"], "kind": n["kind"],
            "target": n["target"], "url": n["url"]}


def want_edge(e):
    return {"source": str(e["from"]), "target": str(e["to"]), "relation": e["relation"], "weight": str(e["weight"]),
            "first": e["first"], "last": e["last"], "announcement_types": ",".join(e["announcement_types"])}


failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}:\n  got  {got!r}\n  want {want!r}")


assert len(graph["nodes"]) == 8 and len(graph["edges"]) == 7  # the fixture's hand count

def parse(fmt, namespace, node_path, edge_path):
    """The export's root, nodes and edges; checks their counts."""
    ns = {"g": namespace}
    root = ET.fromstring(run(fmt))
    nodes, edges = root.findall(node_path, ns), root.findall(edge_path, ns)
    check(f"{fmt} node count", len(nodes), 8)
    check(f"{fmt} edge count", len(edges), 7)
    return ns, root, nodes, edges


# GEXF 1.3
ns, root, nodes, edges = parse("gexf", "http://gexf.net/1.3", "g:graph/g:nodes/g:node", "g:graph/g:edges/g:edge")
check("gexf version", root.get("version"), "1.3")
check("gexf edge type", root.find("g:graph", ns).get("defaultedgetype"), "directed")
for el, n in zip(nodes, graph["nodes"]):
    got = {"label": el.get("label")}
    got.update({a.get("for"): a.get("value") for a in el.findall("g:attvalues/g:attvalue", ns)})
    check(f"gexf node {n['id']}", (el.get("id"), got), (str(n["id"]), want_node(n)))
for el, e in zip(edges, graph["edges"]):
    got = {"source": el.get("source"), "target": el.get("target"), "weight": el.get("weight")}
    got.update({a.get("for"): a.get("value") for a in el.findall("g:attvalues/g:attvalue", ns)})
    check(f"gexf edge {e['from']}->{e['to']}", (got, el.get("kind")), (want_edge(e), e["relation"]))

# GraphML
ns, root, nodes, edges = parse("graphml", "http://graphml.graphdrawing.org/xmlns", "g:graph/g:node", "g:graph/g:edge")
check("graphml edge default", root.find("g:graph", ns).get("edgedefault"), "directed")
for el, n in zip(nodes, graph["nodes"]):
    got = {d.get("key"): d.text or "" for d in el.findall("g:data", ns)}
    check(f"graphml node {n['id']}", (el.get("id"), got), (f"n{n['id']}", want_node(n)))
for el, e in zip(edges, graph["edges"]):
    got = {"source": el.get("source")[1:], "target": el.get("target")[1:]}
    got.update({d.get("key"): d.text or "" for d in el.findall("g:data", ns)})
    check(f"graphml edge {e['from']}->{e['to']}", got, want_edge(e))

# CSV edges
rows = list(csv.DictReader(io.StringIO(run("csv"), newline="")))
check("csv header", list(rows[0].keys()) if rows else None,
      "from_id,from_label,to_id,to_label,to_platform,to_kind,to_target,relation,weight,first,last".split(","))
check("csv rows", len(rows), 7)
for row, e in zip(rows, graph["edges"]):
    to = want_node(graph["nodes"][e["to"]])
    check(f"csv edge {e['from']}->{e['to']}", row, {
        "from_id": str(e["from"]), "from_label": graph["nodes"][e["from"]]["label"], "to_id": str(e["to"]),
        "to_label": graph["nodes"][e["to"]]["label"], "to_platform": to["platform"], "to_kind": to["kind"],
        "to_target": to["target"], "relation": e["relation"], "weight": str(e["weight"]), "first": e["first"],
        "last": e["last"]})

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("graph exports: 8 nodes, 7 edges in csv, gexf and graphml, as expected")
