"""Runs PySpark's doctests module by module against a Sluice Spark Connect server and checks them against the
committed results (a ratchet: a doctest that passed before must still pass).

    SPARK_REMOTE=sc://127.0.0.1:PORT python run_all.py --out /tmp/doctest-results      # measure
    SPARK_REMOTE=sc://127.0.0.1:PORT python run_all.py --out /tmp/r --check results    # CI: fail on regressions
    SPARK_REMOTE=sc://127.0.0.1:PORT python run_all.py --out results                   # update the committed results

The modules are the ones Spark's own connect doctest runners test (pyspark/sql/connect/*.py, _test()).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# (short name, module whose docstrings Spark's connect runner tests)
MODULES = [
    ("functions", "pyspark.sql.connect.functions.builtin"),
    ("dataframe", "pyspark.sql.dataframe"),
    ("column", "pyspark.sql.column"),
    ("group", "pyspark.sql.connect.group"),
    ("readwriter", "pyspark.sql.connect.readwriter"),
    ("catalog", "pyspark.sql.connect.catalog"),
]


def read_results(path):
    out = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    out[r["test"]] = r["outcome"]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True, help="directory for <module>.jsonl results")
    ap.add_argument("--check", help="directory of committed results; exit 1 if a doctest that passed there fails now")
    ap.add_argument("--timeout", type=int, default=1200, help="seconds per module")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if not os.environ.get("SPARK_REMOTE"):
        sys.exit("set SPARK_REMOTE=sc://127.0.0.1:PORT (a running ./sluice connect)")

    rows = []
    regressions = []
    for short, module in MODULES:
        path = os.path.join(args.out, short + ".jsonl")
        cmd = [sys.executable, "-m", "pytest", "-q", "--pyargs", module, "--doctest-results=" + path]
        try:
            subprocess.run(cmd, cwd=HERE, timeout=args.timeout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            print(f"{short}: timed out after {args.timeout}s", file=sys.stderr)
        now = read_results(path)
        counts = {k: sum(1 for v in now.values() if v == k) for k in ("passed", "failed", "skipped")}
        rows.append((short, module, counts, len(now)))
        if args.check:
            before = read_results(os.path.join(args.check, short + ".jsonl"))
            for test, outcome in sorted(before.items()):
                if outcome == "passed" and now.get(test) != "passed":
                    regressions.append((test, now.get(test, "missing")))

    print("| module | passed | failed | skipped | total |")
    print("|---|---:|---:|---:|---:|")
    for short, module, c, total in rows:
        print(f"| `{module}` | {c['passed']} | {c['failed']} | {c['skipped']} | {total} |")
    if regressions:
        print(f"\n{len(regressions)} doctest(s) passed before and do not now:")
        for test, outcome in regressions:
            print(f"  {test}: {outcome}")
        sys.exit(1)


if __name__ == "__main__":
    main()
