#!/usr/bin/env python3
"""Generates a corpus of plain-text policy documents for the normalize benchmark.

Documents (~20-60 KB each) are built from the paragraphs of samples/*.txt:
the simplified samples in order, then more of their paragraphs drawn at
random, with the amounts varied. Three kinds, about a third each by bytes,
told apart by the file name prefix:

  clean_NNNNN.txt        simplified text as the samples have it
  traditional_NNNNN.txt  the same text through `opencc -c s2t.json`
  damaged_NNNNN.txt      simplified or traditional text, damaged like
                         samples/003*.txt: pinyin glued after characters
                         (業(yè)), lines of UTF-8 read as CP1252 (è¿žäº‘æ¸¯),
                         full-width digits and letters, site chrome lines
                         (扫一扫在手机打开当前页) and an SEO spam title

OUT_DIR/traditional.txt is the traditional documents concatenated (the same
bytes), for timing the OpenCC command line on them. Deterministic for a given
--seed. Needs the `opencc` command (Debian package opencc).

usage: gen_normalize_corpus.py OUT_DIR [--mb 50] [--seed 1]
"""
import argparse, pathlib, random, re, shutil, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--mb", type=float, default=50, help="corpus size, in MB of 1,000,000 bytes")
ap.add_argument("--seed", type=int, default=1)
a = ap.parse_args()

if shutil.which("opencc") is None:
    sys.exit("gen_normalize_corpus.py: the opencc command is missing: apt-get install opencc")

root = pathlib.Path(__file__).resolve().parent.parent
rng = random.Random(a.seed)
out = pathlib.Path(a.out)
out.mkdir(parents=True, exist_ok=True)


def opencc(config: str, lines: list) -> list:
    """Converts each line (no line breaks inside) with the OpenCC command."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = pathlib.Path(tmp, "in.txt"), pathlib.Path(tmp, "out.txt")
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        subprocess.run(["opencc", "-c", config, "-i", str(src), "-o", str(dst)], check=True)
        converted = dst.read_text(encoding="utf-8").split("\n")[: len(lines)]
    if len(converted) != len(lines):
        sys.exit(f"gen_normalize_corpus.py: opencc {config} changed the number of lines")
    return converted


# ---- paragraphs: the simplified samples, Markdown markers dropped ----
PINYIN = r"(?:\(|（)[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*(?:\)|）)"
templates = []  # (lines, separator) per simplified sample
sample_003 = ""
for path in sorted((root / "samples").glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    if re.search(r"[\u4e00-\u9fff]" + PINYIN, text):
        sample_003 = text  # traditional and damaged: a source of damage, not of text
        continue
    lines = [re.sub(r"^(?:#{1,6} |- )", "", l.rstrip()) for l in text.splitlines()]
    lines = [l for l in lines if l.strip()]
    templates.append((lines, "\n\n" if "\n\n" in text else "\n"))
if not templates or not sample_003:
    sys.exit("gen_normalize_corpus.py: samples/*.txt not found")
# Body paragraphs (a full sentence or more) for growing documents.
body = sorted({l for lines, _ in templates for l in lines if len(l) >= 40})

# ---- damage, copied from samples/003 ----
# Pinyin as 003's annotation widget gives it, for its traditional characters
# and for their simplified forms.
pinyin_t = {}
for ch, py in re.findall(r"([\u4e00-\u9fff])\(([^()]+)\)", sample_003):
    if re.fullmatch(PINYIN, f"({py})"):
        pinyin_t.setdefault(ch, py)
chars = sorted(pinyin_t)
pinyin_s = {s: pinyin_t[t] for t, s in zip(chars, opencc("t2s.json", chars)) if len(s) == 1}
spam = sample_003.splitlines()[0].strip()  # 国产亚洲日朝欧美_97久久…: an SEO title
chrome_head = [
    "信息来源:市政府办公室 发布日期:2023-05-19 浏览次数:1024 字号:[大][中][小]",
    "【打印本页】【关闭窗口】",
    "字体:【大】【中】【小】",
]
chrome_tail = [
    "扫一扫在手机打开当前页",
    "分享到:微信 微博 QQ空间",
    "【打印本页】 【关闭窗口】 【返回顶部】",
    "扫一扫在手机打开当前页",
]

# Every simplified line once through s2t: the traditional documents, and the
# traditional base of half the damaged ones.
simplified = sorted({l for lines, _ in templates for l in lines} | set(chrome_head + chrome_tail))
to_traditional = dict(zip(simplified, opencc("s2t.json", simplified)))


def vary(line: str) -> str:
    # Vary amounts so documents do not repeat each other verbatim.
    return re.sub(r"(\d+)(\s*万元)",
                  lambda m: f"{int(m.group(1)) + rng.randint(0, 9)}{m.group(2)}", line)


def full_width(line: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in line)


def cp1252_mojibake(line: str) -> str:
    # UTF-8 bytes read as Windows-1252; the five bytes it leaves undefined
    # become C1 controls, as Windows' own decoder does.
    out = []
    for b in line.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def annotate(line: str, table: dict) -> str:
    return "".join(c + f"({table[c]})" if c in table and rng.random() < 0.9 else c for c in line)


def document(kind: str, target: int) -> str:
    lines, sep = templates[rng.randrange(len(templates))]
    traditional = kind == "traditional" or (kind == "damaged" and rng.random() < 0.5)
    pinyin = kind == "damaged" and rng.random() < 0.6
    script = (lambda l: to_traditional[l]) if traditional else (lambda l: l)

    def damage(line: str) -> str:
        # One of mojibake or full width per line; pinyin goes in after the
        # width change (its letters stay ASCII) and before the mojibake.
        r = rng.random()
        if r < 0.20:
            line = full_width(line)
        if pinyin:
            line = annotate(line, pinyin_t if traditional else pinyin_s)
        if r >= 0.90:
            line = cp1252_mojibake(line)
        return line

    parts = []
    size = 0

    def add(line: str, damaged: bool = True):
        nonlocal size
        if kind == "damaged" and damaged:
            line = damage(line)
        parts.append(line)
        size += len(line.encode("utf-8")) + len(sep)

    if kind == "damaged":
        if rng.random() < 0.3:
            add(spam, damaged=False)
        for l in rng.sample(chrome_head, rng.randint(1, 2)):
            add(script(l), damaged=False)
    for l in lines:
        add(vary(script(l)))
    while size < target:
        add(vary(script(rng.choice(body))))
        if kind == "damaged" and rng.random() < 0.02:
            add(script(rng.choice(chrome_tail)), damaged=False)
    if kind == "damaged":
        for l in rng.sample(chrome_tail, rng.randint(1, 2)):
            add(script(l), damaged=False)
    return sep.join(parts) + "\n"


kinds = ["clean", "traditional", "damaged"]
by_kind = {k: 0 for k in kinds}
docs = {k: 0 for k in kinds}
traditional_docs = []
goal = int(a.mb * 1_000_000)
i = 0
while sum(by_kind.values()) < goal:
    kind = min(kinds, key=lambda k: by_kind[k])  # a third of the bytes each
    data = document(kind, rng.randint(20_000, 60_000)).encode("utf-8")
    name = out / f"{kind}_{i:05d}.txt"
    name.write_bytes(data)
    if kind == "traditional":
        traditional_docs.append(data)
    by_kind[kind] += len(data)
    docs[kind] += 1
    i += 1
(out / "traditional.txt").write_bytes(b"".join(traditional_docs))
total = sum(by_kind.values())
print(f"{i} documents, {total / 1e6:.1f} MB in {out}: " +
      ", ".join(f"{k} {docs[k]} ({by_kind[k] / 1e6:.1f} MB)" for k in kinds) +
      "; traditional.txt for the OpenCC command line")
