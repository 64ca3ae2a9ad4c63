#!/usr/bin/env python3
"""Crash safety of `gongwen run` (issue 7): a run killed with SIGKILL in the
middle leaves a consistent database, and the next run finishes the work and
gives the same database, documents.jsonl and docs/ (no temp files left) as a
run that was never interrupted.

    kill_test.py GONGWEN SAMPLES_DIR

The corpus is samples/ copied into four folders (136 inputs), processed one
document per transaction (--batch 1) so that the kill lands between commits
and inside them."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

TIME_COLUMNS = {"first_seen", "last_seen", "changed_at"}
TABLES = [("policies", "policy_key"), ("versions", "version_id"), ("sources", "path"),
          ("clauses", "version_id, clause_index"), ("amounts", "version_id, clause_index, seq"),
          ("bureaus", "version_id, clause_index, seq"), ("warnings", "version_id, seq"),
          ("conflicts", "version_id, other_policy"), ("schema_version", "version")]


def snapshot(db):
    con = sqlite3.connect(db)
    out = []
    for table, key in TABLES:
        cur = con.execute(f"SELECT * FROM {table} ORDER BY {key}")
        names = [d[0] for d in cur.description]
        keep = [i for i, n in enumerate(names) if n not in TIME_COLUMNS]
        out.append((table, [tuple(row[i] for i in keep) for row in cur]))
    # The full-text index answers the same.
    out.append(("fts", con.execute("SELECT COUNT(*) FROM clause_fts WHERE clause_fts MATCH '财政局'").fetchall()))
    con.close()
    return out


def check_consistent(db):
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check failed"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == [], "dangling foreign keys"
    con.execute("INSERT INTO clause_fts (clause_fts) VALUES ('integrity-check')")
    # Every recorded source has its version, clauses and policy.
    orphans = con.execute(
        "SELECT COUNT(*) FROM sources s LEFT JOIN versions v ON v.version_id = s.version_id "
        "WHERE v.version_id IS NULL").fetchone()[0]
    assert orphans == 0, f"{orphans} sources without their version"
    n = con.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
    con.close()
    return n


def run(gongwen, corpus, out, **kw):
    return subprocess.run([gongwen, "run", corpus, "-o", out, "--as-of", "2026-01-01", "--batch", "1"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def main():
    gongwen, samples = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        for copy in "abcd":
            shutil.copytree(samples, os.path.join(corpus, copy),
                            ignore=shutil.ignore_patterns("expected", "gold"))
        total = sum(len(files) for _, _, files in os.walk(corpus))

        full = os.path.join(tmp, "full")
        r = run(gongwen, corpus, full)
        assert r.returncode == 0, r.stderr
        full_db = os.path.join(full, "gongwen.db")

        killed = os.path.join(tmp, "killed")
        os.makedirs(killed)
        db = os.path.join(killed, "gongwen.db")
        kills = 0
        # Kill three times at different points, each run picking up where the
        # last left off; then let one run finish.
        for threshold in (total // 5, total // 2, (3 * total) // 4):
            p = subprocess.Popen([gongwen, "run", corpus, "-o", killed, "--as-of", "2026-01-01", "--batch", "1"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.time() + 120
            while time.time() < deadline and p.poll() is None:
                try:
                    con = sqlite3.connect(db, timeout=5)
                    n = con.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
                    con.close()
                except sqlite3.OperationalError:
                    n = 0  # not created yet
                if n >= threshold:
                    break
                time.sleep(0.005)
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                p.wait()
                kills += 1
            done = check_consistent(db)
            print(f"killed at {done} of {total} sources recorded; database consistent")
            assert done < total, "the run finished before it was killed"
            assert not os.path.exists(os.path.join(killed, "documents.jsonl")) or kills > 0
        assert kills == 3, f"only {kills} of 3 runs were killed mid-way"

        r = run(gongwen, corpus, killed)
        assert r.returncode == 0, r.stderr
        summary = r.stderr.strip().splitlines()[-1]
        print(summary)
        assert f" 0 changed, {done} unchanged, 0 failed" in summary, summary
        check_consistent(db)
        a, b = snapshot(full_db), snapshot(db)
        for (table, rows_a), (_, rows_b) in zip(a, b):
            assert rows_a == rows_b, f"table {table} differs: {len(rows_a)} vs {len(rows_b)} rows"
        with open(os.path.join(full, "documents.jsonl"), "rb") as f1, \
                open(os.path.join(killed, "documents.jsonl"), "rb") as f2:
            assert f1.read() == f2.read(), "documents.jsonl differs"
        full_docs = sorted(os.listdir(os.path.join(full, "docs")))
        assert sorted(os.listdir(os.path.join(killed, "docs"))) == full_docs, \
            "docs/ holds other files than the uninterrupted run's (temp files left by the kills?)"
        for name in full_docs:
            with open(os.path.join(full, "docs", name), "rb") as f1, \
                    open(os.path.join(killed, "docs", name), "rb") as f2:
                assert f1.read() == f2.read(), f"docs/{name} differs"
        assert not [f for f in os.listdir(killed) if ".tmp." in f], "temp files left in the output folder"
        print(f"same database, documents.jsonl and docs/ as the uninterrupted run ({total} inputs, "
              f"{len(a[0][1])} policies, {len(a[3][1])} clauses, {len(full_docs)} docs)")


if __name__ == "__main__":
    main()
