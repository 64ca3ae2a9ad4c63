"""scripts/dask-run on a 2-worker LocalCluster: the crawl is cut into
several partitions mapped by the workers, then loaded; the database must
equal that of one `gongwen run` over the same file (every table but the
runs', without time stamps).

  python3 dask_test.py GONGWEN PROJECT_ROOT WORK_DIR
"""
import glob
import json
import os
import shutil
import sqlite3
import subprocess
import sys

gongwen, root, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
crawl = os.path.join(work, "crawl.jsonl")
samples = sorted(glob.glob(os.path.join(root, "samples", "1*.txt")) + glob.glob(os.path.join(root, "samples", "2*.txt")))
with open(crawl, "w", encoding="utf-8") as f:
    n = 0
    for rnd in range(2):
        for s in samples:
            n += 1
            rec = {"content": open(s, encoding="utf-8").read(), "title": os.path.basename(s)}
            if n % 3:
                rec["id"] = f"doc-{n}"  # the others are keyed by their ordinal
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if n == 7:
                f.write('{"content": "a record cut short\n')  # a failure, with its ordinal
AS_OF = "2026-01-01"
single = subprocess.run([gongwen, "run", crawl, "-o", os.path.join(work, "single"), "-q", "--as-of", AS_OF])
dask = subprocess.run([sys.executable, os.path.join(root, "scripts", "dask-run"), crawl, "-o", os.path.join(work, "dask"),
                       "--workers", "2", "--partition-bytes", "20000", "--gongwen", gongwen, "--", "--as-of", AS_OF],
                      capture_output=True, text=True)
print(dask.stderr.strip())
parts = glob.glob(os.path.join(work, "dask", "mapped", "*.jsonl"))
problems = []
if single.returncode != 1 or dask.returncode != 1:
    problems.append(f"exit status: run {single.returncode}, dask-run {dask.returncode} (1: one record failed)")
if len(parts) < 4:
    problems.append(f"only {len(parts)} partition(s): the crawl was not spread")

STAMPS = {"first_seen", "last_seen", "changed_at", "run_id", "started_at", "finished_at"}


def dump(db):
    c = sqlite3.connect(db)
    out = {}
    tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'")]
    for t in sorted(tables):
        if t in ("runs", "schema_version"):
            continue
        cols = [r[1] for r in c.execute(f"PRAGMA table_info({t})") if r[1] not in STAMPS]
        out[t] = sorted(c.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall(), key=repr)
    return out


a, b = dump(os.path.join(work, "single", "gongwen.db")), dump(os.path.join(work, "dask", "gongwen.db"))
for t in sorted(set(a) | set(b)):
    if a.get(t) != b.get(t):
        problems.append(f"table {t} differs: {len(a.get(t, []))} rows in the run's database, {len(b.get(t, []))} in dask-run's")
print(f"{len(parts)} partitions; tables compared: {', '.join(sorted(a))}")
for p in problems:
    print("FAIL", p)
sys.exit(1 if problems else 0)
