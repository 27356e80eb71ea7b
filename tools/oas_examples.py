#!/usr/bin/env python3
"""Builds the example answers of the operations that come from Zoho Books' OpenAPI documents
(users, organizations, currencies, taxes) from the `example` values of their response schemas,
into crates/zoho-invoice-models/tests/fixtures/<resource>/<operation>.response.json, and lists
the repairs it makes in FROM_OAS.md there.

Usage: tools/oas_examples.py PATH/TO/books-oas
"""

import json
import os
import re
import sys

import yaml

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "crates", "zoho-invoice-models", "tests", "fixtures")
# (document, resource of the endpoint table)
DOCUMENTS = [("users.yml", "Users"), ("organizations.yml", "Organizations"),
             ("currency.yml", "Currency"), ("taxes.yml", "Taxes")]
# Operations the reference already has an example of.
SKIP = {("get", "/organizations")}


def snake(text):
    return "_".join(w for w in re.split(r"[^a-z0-9]+", text.lower()) if w)


def resolve(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        node = doc["components"]["schemas"][node["$ref"].split("/")[-1]]
    return node


def example(doc, node):
    node = resolve(doc, node)
    if "example" in node:
        return node["example"]
    kind = node.get("type")
    if kind == "object":
        return {k: example(doc, v) for k, v in node.get("properties", {}).items()}
    if kind == "array":
        return [example(doc, node.get("items", {}))]
    return None


def main(oas_dir):
    repairs = []
    for name, resource in DOCUMENTS:
        with open(os.path.join(oas_dir, name)) as f:
            doc = yaml.safe_load(f)
        for path, ops in doc["paths"].items():
            for method, op in ops.items():
                if method not in ("get", "post", "put", "delete") or (method, path) in SKIP:
                    continue
                answers = op["responses"]
                answer = answers.get("200") or answers.get("201") or next(iter(answers.values()))
                schema = answer.get("content", {}).get("application/json", {}).get("schema")
                if not schema:
                    continue
                body = example(doc, schema)
                # The document's exchange-rate record is the `exchange_rate` number itself:
                # the record is the list's element.
                if isinstance(body.get("exchange_rate"), (int, float)):
                    listed = doc["components"]["schemas"]["list-exchange-rates-response"]
                    body["exchange_rate"] = example(doc, listed)["exchange_rates"][0]
                    repairs.append(f"{name}: {op['summary']}: `exchange_rate` is a number in the "
                                   "document; the record of `List exchange rates` stands in")
                folder = os.path.join(FIXTURES, snake(resource))
                os.makedirs(folder, exist_ok=True)
                with open(os.path.join(folder, snake(op["summary"]) + ".response.json"), "w") as f:
                    json.dump(body, f, indent=2, ensure_ascii=False)
                    f.write("\n")
    with open(os.path.join(FIXTURES, "FROM_OAS.md"), "w") as f:
        f.write("# Examples built from Zoho Books' OpenAPI documents\n\n"
                "Written by tools/oas_examples.py for the operations the reference lacks (users, "
                "organizations, currencies, taxes), from the `example` values of each answer's "
                "schema.\n\n")
        f.writelines(f"- {r}\n" for r in repairs)


if __name__ == "__main__":
    main(sys.argv[1])
