#!/usr/bin/env python3
"""Validates every record of the given JSON Lines / JSON files against
schema/gongwen.schema.json, and checks what a schema cannot: spans lie inside
`text`, clause parents precede their children, amount text is the text at the
amount's span. Exit 1 on the first class of failure, printing every problem."""
import json, sys, pathlib
import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "schema" / "gongwen.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)

problems, records = [], 0
for name in sys.argv[1:]:
    path = pathlib.Path(name)
    body = path.read_text(encoding="utf-8")
    # JSON Lines: a .jsonl, or an expected output of a container sample
    # (gongwen extract prints a line per record).
    lines = body.splitlines() if path.suffix == ".jsonl" or body.startswith('{"schema"') else [body]
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        records += 1
        where = f"{name}:{n}"
        for err in validator.iter_errors(rec):
            problems.append(f"{where}: {'/'.join(map(str, err.path))}: {err.message}")
        # provenance: exactly the non-null values it covers
        md = rec.get("metadata") or {}
        prov = md.get("provenance") or {}
        for field in ("title", "doc_number", "issuer", "publisher", "index_number", "signed_date",
                      "published_date", "effective_from", "effective_until", "validity"):
            if (md.get(field) is not None) != (field in prov):
                problems.append(f"{where}: metadata.{field} = {md.get(field)!r} but provenance has {prov.get(field)!r}")
        text = rec.get("text", "")
        # a value's span selects it: the words themselves for names and
        # numbers read from text; dates and counted values are read, not copied
        for field, p in prov.items():
            if p.get("span") is None:
                continue
            s, e = p["span"]
            if not (0 <= s < e <= len(text)):
                problems.append(f"{where}: provenance.{field} span {p['span']} outside text")
            elif field in ("doc_number", "index_number", "publisher", "validity") and p["from"] == "text" \
                    and text[s:e] != md[field]:
                problems.append(f"{where}: metadata.{field} = {md[field]!r} but its span selects {text[s:e]!r}")
        for c in rec.get("clauses", []):
            s, e = c["span"]
            if not (0 <= s <= e <= len(text)):
                problems.append(f"{where}: clause {c['index']} span {c['span']} outside text")
            if c["parent"] is not None and c["parent"] >= c["index"]:
                problems.append(f"{where}: clause {c['index']} parent {c['parent']} does not precede it")
            for a in c["amounts"]:
                s, e = a["span"]
                if text[s:e] != a["text"]:
                    problems.append(f"{where}: amount {a['text']!r} span {a['span']} selects {text[s:e]!r}")
            for b in c["bureaus"]:
                s, e = b["span"]
                if text[s:e] != b["name"]:
                    problems.append(f"{where}: bureau {b['name']!r} span selects {text[s:e]!r}")
for p in problems:
    print(p)
print(f"{records} record(s) checked, {len(problems)} problem(s)")
if records == 0:
    print("no records: nothing was validated")
    sys.exit(1)
sys.exit(1 if problems else 0)
