#!/usr/bin/env python3
"""Copies every JSON example of the API reference into test fixtures.

Run by hand when the reference changes:
    python3 tools/extract_fixtures.py ../shared/reference crates/zoho-invoice-models/tests/fixtures

Each fixture is named <resource>/<operation>.<kind>.json where kind is `example` (the
resource's attribute example), `request` (a request body) or `response`. Placeholders
`{...}` that stand for "more elements" are removed and unterminated examples closed; each
such repair is listed in REPAIRS.md beside the fixtures. The few fixtures repaired by hand
(the "Hand repairs" section of REPAIRS.md, which the script keeps) must be repaired again
after a re-run. The Zoho Books OpenAPI documents (books-oas/) supply the examples the
reference lacks (needs PyYAML).
"""
import csv, json, os, re, sys

ref, out = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(os.path.join(ref, "endpoints.tsv")), delimiter="\t"))

def slug(s):
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")

repairs = []
# The code samples of 003/004 send this stand-in body; the real one follows as "Body Parameters".
PLACEHOLDER_BODY = re.compile(r'\{\s*"field1"\s*:\s*"value1"')

def repair(text):
    t = text
    t = re.sub(r",\s*\{\s*\.\.\.\s*\}", "", t)
    t = re.sub(r"\{\s*\.\.\.\s*\}\s*,?", "", t)
    return t

def first_json(text):
    """The balanced {...} object starting at the first '{' of text."""
    start = text.find("{")
    if start < 0:
        return None
    depth, in_str, esc = 0, False, False
    for i in range(start, len(text)):
        c = text[i]
        if in_str:
            if esc: esc = False
            elif c == "\\": esc = True
            elif c == '"': in_str = False
            continue
        if c == '"': in_str = True
        elif c == "{": depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
    return text[start:]

written = {}

def close_brackets(text):
    """Appends the closing brackets an unterminated example lacks."""
    stack, in_str, esc = [], False, False
    for c in text:
        if in_str:
            if esc: esc = False
            elif c == "\\": esc = True
            elif c == '"': in_str = False
            continue
        if c == '"': in_str = True
        elif c in "{[": stack.append("}" if c == "{" else "]")
        elif c in "}]" and stack: stack.pop()
    return text.rstrip() + "".join(reversed(stack))


def save(resource, operation, kind, raw, where):
    fixed = repair(raw)
    notes = []
    if fixed != raw:
        notes.append("removed `{...}` placeholders")
    try:
        value = json.loads(fixed)
    except json.JSONDecodeError:
        closed = close_brackets(fixed)
        try:
            value = json.loads(closed)
            notes.append("added the closing brackets the example lacks")
        except json.JSONDecodeError as e:
            repairs.append(f"- {where}: {resource} / {operation} ({kind}) is not valid JSON ({e.msg}); left out")
            return
    if notes:
        repairs.append(f"- {where}: {resource} / {operation} ({kind}): " + "; ".join(notes))
    d = os.path.join(out, slug(resource))
    os.makedirs(d, exist_ok=True)
    base = f"{slug(operation)}.{kind}"
    n = written.get((d, base), 0)
    written[(d, base)] = n + 1
    name = base if n == 0 else f"{base}{n + 1}"
    with open(os.path.join(d, name + ".json"), "w") as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write("\n")

for src in sorted({r["source"].split(" ")[0] for r in rows} | {"003_54f1d485bede6b25.txt", "004_35d0d6c5938e4e1c.txt"}):
    ops = [r for r in rows if r["source"].split(" ")[0] == src]
    lines = open(os.path.join(ref, src), encoding="utf-8").read().split("\n")
    # The section headings are operation names; the first one after a heading's line wins.
    names = {}
    for r in ops:
        names.setdefault(r["operation"].strip().lower().rstrip("."), r)
    resource_name = None
    current = None
    pending = None  # "request" or "response" when the next JSON belongs to it
    for no, line in enumerate(lines, 1):
        s = line.strip()
        key = s.lower().rstrip(".")
        scope_follows = any("scope" in l.lower() for l in lines[no:no + 4])
        if key in names and len(s) < 80 and scope_follows:
            r = names[key]
            # Same heading text is used by several resources ("Mark as draft"): take the
            # row whose path comes next in the text.
            cands = [x for x in ops if x["operation"].strip().lower().rstrip(".") == key]
            if len(cands) > 1:
                look = "\n".join(lines[no:no + 12])
                for x in cands:
                    if re.search(re.escape(x["method"]) + r"\s+" + re.escape(x["doc_path"]) + r"\s*$", look, re.M):
                        r = x
            current = r
            resource_name = r["resource"]
            pending = None
            continue
        if s == "HTTP Methods" and src.startswith("002"):
            current = None  # the introduction's other examples belong to no operation
            continue
        if s == "Organization ID" and src.startswith("002"):
            current = next(x for x in ops if x["operation"] == "List organizations")
            pending = None
            continue
        if s == "Example" or s.startswith("Example"):
            pending = "example"
            continue
        if s in ("Request Example", "Body Parameters"):
            pending = "request"
            continue
        if s == "Response Example":
            pending = "response"
            continue
        if pending and "{" in s:
            where = f"{src}:{no}"
            if pending == "request":
                m = re.search(r"(?:-d|--data)\s+'(\{.*\})'", s)
                if m and not PLACEHOLDER_BODY.search(m.group(1)):
                    raw = m.group(1)
                elif s.startswith("{") and not PLACEHOLDER_BODY.search(s):
                    raw = first_json(s)
                else:
                    continue  # code samples in other languages; the curl line or body follows
            elif pending == "response":
                raw = first_json(s)
            else:
                raw = first_json(s)
            if raw is None:
                continue
            if pending == "example" and s.startswith("["):
                raw = s[: s.rindex("]") + 1]
            if pending == "example":
                # A resource's attribute example: named after its id field.
                value = json.loads(repair(raw)) if raw else None
                first = value[0] if isinstance(value, list) and value else value
                key = next(iter(first), "unknown") if isinstance(first, dict) else "unknown"
                save("resources", key.removesuffix("_id"), "example", raw, where)
            else:
                if current is None:
                    continue
                save(current["resource"], current["operation"], pending, raw, where)
            pending = None

# Zoho Books' OpenAPI documents give the examples the reference copy lacks (recurring
# expenses, tasks): each request and response body is put together from the `example` of
# every property its schema lists.
try:
    import yaml
except ImportError:
    yaml = None
oas_dir = os.path.join(ref, "books-oas")


def zoho_scalar(value):
    """YAML reads dates and timestamps as Python objects: write them back in Zoho's formats."""
    import datetime
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()  # a date the document wrote as midnight
        return value.strftime("%Y-%m-%dT%H:%M:%S%z")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


if yaml and os.path.isdir(oas_dir):
    by_path = {(r["method"], r["path"]): r for r in rows}
    for fname in sorted(os.listdir(oas_dir)):
        doc = yaml.safe_load(open(os.path.join(oas_dir, fname)))
        schemas = doc.get("components", {}).get("schemas", {})

        def resolve(node, seen=()):
            while isinstance(node, dict) and "$ref" in node:
                name = node["$ref"].rsplit("/", 1)[-1]
                if name in seen:
                    return None
                seen = seen + (name,)
                node = schemas.get(name)
            return node

        def sample(node, depth=0):
            node = resolve(node)
            if not isinstance(node, dict) or depth > 8:
                return None
            if "example" in node and node.get("type") not in ("object", "array"):
                return zoho_scalar(node["example"])
            if node.get("type") == "array" or "items" in node:
                item = sample(node.get("items"), depth + 1)
                return [item] if item is not None else []
            props = node.get("properties")
            if props:
                obj = {}
                for k, v in props.items():
                    val = sample(v, depth + 1)
                    if val is not None:
                        obj[k] = val
                return obj
            return node.get("example")

        for path, item in doc.get("paths", {}).items():
            zpath = re.sub(r"^/books/v3", "", path)
            for method, op in item.items():
                if method not in ("get", "post", "put", "delete"):
                    continue
                row = by_path.get((method.upper(), zpath))
                if row is None:
                    # path parameters are spelled differently; match on the shape
                    shape = re.sub(r"\{[^}]+\}", "{}", zpath)
                    row = next((r for (m, p), r in by_path.items()
                                if m == method.upper() and re.sub(r"\{[^}]+\}", "{}", p) == shape), None)
                if row is None:
                    repairs.append(f"- books-oas/{fname}: {method.upper()} {path} has no row in endpoints.tsv; left out")
                    continue
                body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
                if body:
                    save(row["resource"], row["operation"], "request",
                         json.dumps(sample(body), default=str), f"books-oas/{fname} {op.get('operationId')}")
                for status, resp in op.get("responses", {}).items():
                    schema = resp.get("content", {}).get("application/json", {}).get("schema")
                    if schema:
                        save(row["resource"], row["operation"], "response",
                             json.dumps(sample(schema), default=str), f"books-oas/{fname} {op.get('operationId')}")

repairs_path = os.path.join(out, "REPAIRS.md")
hand = ""
if os.path.exists(repairs_path):
    old = open(repairs_path).read()
    if "## Hand repairs" in old:
        hand = old[old.index("## Hand repairs"):]
with open(repairs_path, "w") as f:
    f.write("# Repairs made to the reference's JSON examples\n\n")
    f.write("Written by tools/extract_fixtures.py.\n\n")
    f.write("\n".join(repairs) + "\n")
    f.write("\nThe OpenAPI documents write dates as midnight timestamps (`2016-11-19T00:00:00.000Z`); the\n"
            "script writes those as dates (`2016-11-19`) and other timestamps in Zoho's format without\n"
            "fractional seconds (`2013-11-18T02:17:40+0000`).\n")
    if hand:
        f.write("\n" + hand)
print(f"{sum(written.values())} fixtures written, {len(repairs)} repairs")

