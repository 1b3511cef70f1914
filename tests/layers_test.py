"""The layers of core/linkdrift (core/README.md's table, read from there): every
`#include "linkdrift/..."` in a folder points to the folder itself or to one it may include.

usage: layers_test.py CORE_DIR   (the repository's core/)
"""
import os
import re
import sys

ROOT_FILES = {"model": "base", "calendar": "base", "analyzer": "analyzer"}  # core/linkdrift/NAME.h, .cpp


def allowed_table(readme):
    table = {}
    for line in open(readme, encoding="utf-8"):
        m = re.match(r"^\| (\w+) \|([^|]*)\|$", line.rstrip())
        if m and m.group(1) != "folder":
            table[m.group(1)] = {x.strip() for x in m.group(2).split(",") if x.strip()}
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
