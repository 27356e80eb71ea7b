#!/usr/bin/env python3
"""Writes crates/zoho-invoice-mock/tests/shapes/oas_shapes.json: for every operation of Zoho
Books' OpenAPI documents that is a row of reference/endpoints.tsv (same method, same path once
the parameter names are set aside), the shape of its 200/201 answer: the top-level keys with
their JSON kind, and for each object (or list of objects) among them, its keys' kinds, two
levels deep.

Kinds: object, array, string, number (OAS number or integer), boolean; a property whose
schema names no type is left out.

Usage: tools/oas_shapes.py PATH/TO/books-oas
"""

import glob
import json
import os
import re
import sys

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TABLE = os.path.join(ROOT, "reference", "endpoints.tsv")
OUT = os.path.join(ROOT, "crates", "zoho-invoice-mock", "tests", "shapes", "oas_shapes.json")
PREFIX = "/books/v3"
# How many levels below the top-level keys are described.
DEPTH = 2
KINDS = {"object": "object", "array": "array", "string": "string", "number": "number",
         "integer": "number", "boolean": "boolean"}


def skeleton(path):
    """The path with every `{parameter}` made `{}`, so names do not matter."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def table_rows():
    """(method, template) of every row of the endpoint table."""
    with open(TABLE) as f:
        lines = f.read().splitlines()[1:]
    return [(cols[2], cols[3]) for cols in (l.split("\t") for l in lines if l.strip())]


def resolve(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        node = doc["components"]["schemas"][node["$ref"].split("/")[-1]]
    return node


def kind_of(node):
    """The JSON kind of a resolved schema, or None when it names none."""
    t = node.get("type")
    if isinstance(t, list):
        t = next((x for x in t if x != "null"), None)
    if t is None:
        t = "object" if "properties" in node else "array" if "items" in node else None
    return KINDS.get(t)


def shape(doc, node, depth):
    """{kind[, properties]} of a schema; objects and lists of objects describe their
    properties while `depth` lasts."""
    node = resolve(doc, node)
    kind = kind_of(node)
    if kind is None:
        return None
    out = {"kind": kind}
    inner = node
    if kind == "array":
        inner = resolve(doc, node.get("items", {}))
        item = kind_of(inner)
        if item:
            out["items"] = item
        if item != "object":
            return out
    if depth > 0 and "properties" in inner:
        props = {}
        for key, sub in inner["properties"].items():
            s = shape(doc, sub, depth - 1)
            if s:
                props[key] = s
        out["properties"] = props
    return out


def answer_schema(op):
    """The name and schema of an operation's 200 or 201 JSON answer, or None."""
    answers = op.get("responses", {})
    answer = answers.get("200") or answers.get("201")
    schema = (answer or {}).get("content", {}).get("application/json", {}).get("schema")
    if not schema:
        return None
    return schema.get("$ref", "").split("/")[-1], schema


def matching_templates(rows, method, path):
    """The table templates an OAS operation stands for: the one spelled the same, else all
    with the same skeleton."""
    same = [t for m, t in rows if m == method and skeleton(t) == skeleton(path)]
    return [path] if path in same else same


def main(oas_dir):
    rows = table_rows()
    operations = []
    for file in sorted(glob.glob(os.path.join(oas_dir, "*.yml"))):
        with open(file) as f:
            doc = yaml.safe_load(f)
        for path, ops in doc["paths"].items():
            bare = path[len(PREFIX):] if path.startswith(PREFIX) else path
            for method, op in ops.items():
                if method not in ("get", "post", "put", "delete"):
                    continue
                found = answer_schema(op)
                if not found:
                    continue
                name, schema = found
                top = shape(doc, schema, DEPTH + 1)
                if not top or top["kind"] != "object":
                    continue
                for template in matching_templates(rows, method.upper(), bare):
                    operations.append({
                        "method": method.upper(), "path": template,
                        "document": os.path.basename(file), "schema": name,
                        "shape": top.get("properties", {}),
                    })
    operations.sort(key=lambda o: (o["path"], o["method"]))
    text = json.dumps({"generated_by": "tools/oas_shapes.py",
                       "regenerate": "tools/oas_shapes.py PATH/TO/books-oas",
                       "source": "Zoho Books' OpenAPI documents (books-oas), the operations "
                                 "that are rows of reference/endpoints.tsv",
                       "operations": operations}, indent=1, ensure_ascii=False)
    # A key without properties on one line: `"total": {"kind": "number"}`.
    text = re.sub(r'\{\n\s*("kind": "\w+")(,\n\s*("items": "\w+"))?\n\s*\}',
                  lambda m: "{" + m.group(1) + (", " + m.group(3) if m.group(3) else "") + "}",
                  text)
    with open(OUT, "w") as f:
        f.write(text + "\n")
    print(f"{len(operations)} operations", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
