"""The layers of core/linkdrift (core/README.md's table, read from there): every
`#include "linkdrift/..."` in a folder points to the folder itself or to one it may include,
and the table says what the build enforces (the BELOW list of each folder's linkdrift_layer()
call in its CMakeLists.txt; the analyzer, linkdrift_core, links every layer).

usage: layers_test.py CORE_DIR   (the repository's core/)
"""
import os
import re
import sys

ROOT_FILES = {"analyzer": "analyzer", "analyzer_options": "analyzer"}  # core/linkdrift/NAME.h, .cpp -> layer


def allowed_table(readme):
    table = {}
    for line in open(readme, encoding="utf-8"):
        m = re.match(r"^\| (\w+) \|([^|]*)\|$", line.rstrip())
        if m and m.group(1) != "folder":
            table[m.group(1)] = {x.strip() for x in m.group(2).split(",") if x.strip()}
    return table


def build_table(lib):
    """{folder: set of BELOW folders} from the linkdrift_layer() calls under core/linkdrift."""
    table = {}
    for dirpath, _, files in os.walk(lib):
        if "CMakeLists.txt" not in files:
            continue
        text = open(os.path.join(dirpath, "CMakeLists.txt"), encoding="utf-8").read()
        for m in re.finditer(r"linkdrift_layer\((\w+)((?:\s+\w+)*?)\s+(?:LIBS|SOURCES)\b", text):
            words = m.group(2).split()
            table[m.group(1)] = set(words[1:]) if words[:1] == ["BELOW"] else set()
    return table


def layer_of(path_in_linkdrift):
    """The layer of a path below core/linkdrift: its folder, or for a file at the top its ROOT_FILES entry."""
    if "/" in path_in_linkdrift:
        return path_in_linkdrift.split("/")[0]
    stem = os.path.splitext(path_in_linkdrift)[0]
    return ROOT_FILES.get(stem, stem)


def main():
    core = sys.argv[1]
    table = allowed_table(os.path.join(core, "README.md"))
    if len(table) < 9:
        sys.exit(f"layers_test: expected the layer table in {core}/README.md, found {sorted(table)}")
    lib = os.path.join(core, "linkdrift")
    bad = []
    built = build_table(lib)
    for folder, below in sorted(built.items()):
        if table.get(folder) != below:
            bad.append(f"{folder}: core/README.md says it may include {sorted(table.get(folder, []))}, "
                       f"its linkdrift_layer() says BELOW {sorted(below)}")
    if table.get("analyzer") != set(built):
        bad.append(f"analyzer: core/README.md lists {sorted(table.get('analyzer', []))}, the layers are {sorted(built)}")
    for dirpath, _, files in os.walk(lib):
        for name in files:
            if not name.endswith((".h", ".cpp")):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), lib).replace(os.sep, "/")
            here = layer_of(rel)
            if here not in table:
                bad.append(f"{rel}: folder '{here}' is not in core/README.md's layer table")
                continue
            for k, line in enumerate(open(os.path.join(dirpath, name), encoding="utf-8"), 1):
                m = re.match(r'\s*#\s*include\s+"linkdrift/([^"]+)"', line)
                if not m:
                    continue
                to = layer_of(m.group(1))
                if to != here and to not in table[here]:
                    bad.append(f"{rel}:{k}: {here} includes {m.group(1)} ({to}), against the layers")
    for b in bad:
        print(b)
    print(f"layers_test: {'FAILED' if bad else 'OK'} ({len(bad)} include(s) against core/README.md's layers)")
    sys.exit(1 if bad else 0)


main()
