#!/usr/bin/env python3
"""Generates a corpus of saved government pages for the HTML benchmark.

Each page is one of samples/*.html (each in its own encoding: GBK, Big5,
UTF-8 with and without BOM) with its numbers and paragraph order varied and
its body repeated a seeded number of times, so sizes range from ~10 KB to
~200 KB like real pages. Deterministic for a given --seed.

usage: gen_html_corpus.py OUT_DIR [--pages 1000] [--seed 1]
"""
import argparse, pathlib, random, re

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--pages", type=int, default=1000)
ap.add_argument("--seed", type=int, default=1)
a = ap.parse_args()

root = pathlib.Path(__file__).resolve().parent.parent
samples = sorted((root / "samples").glob("*.html"))
rng = random.Random(a.seed)
out = pathlib.Path(a.out)
out.mkdir(parents=True, exist_ok=True)

def encoding_of(raw: bytes) -> str:
    head = raw[:4096].decode("ascii", "replace").lower()
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    m = re.search(r'charset\s*=\s*["\']?([a-z0-9_-]+)', head)
    if m and m.group(1) in ("gb2312", "gbk", "gb18030"):
        return "gb18030"
    if m and m.group(1).startswith("big5"):
        return "big5hkscs"
    return "utf-8"

templates = []
for path in samples:
    raw = path.read_bytes()
    enc = encoding_of(raw)
    templates.append((path.stem, enc, raw.decode(enc)))

total = 0
for i in range(a.pages):
    stem, enc, text = templates[i % len(templates)]
    # Vary numbers inside amounts so no two pages are the same text.
    text = re.sub(r"(\d+)(万元)", lambda m: f"{int(m.group(1)) + rng.randint(0, 9)}{m.group(2)}", text)
    paras = re.findall(r"<p[^>]*>.*?</p>", text, flags=re.S)
    if paras:
        repeat = rng.choice([1, 1, 1, 2, 3, 5, 10])
        extra = "".join(rng.sample(paras, min(len(paras), 8))) * (repeat - 1)
        text = text.replace("</body>", f'<div class="more">{extra}</div></body>', 1)
    data = text.encode(enc, errors="xmlcharrefreplace")
    name = out / f"{i:05d}_{stem}.html"
    name.write_bytes(data)
    total += len(data)
print(f"{a.pages} pages, {total / 1e6:.1f} MB in {out}")
