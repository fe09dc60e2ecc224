"""The seed job (examples/python/seed_job.py), unchanged PySpark, on Sluice: its Parquet output holds exactly the
rows a plain-Python reading of the same JSON Lines gives (an oracle that shares no code with Sluice)."""
import json
import os
import random
import sys

import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "examples", "python"))

import seed_job  # noqa: E402


def write_logs(path, rows=500, seed=7):
    rnd = random.Random(seed)
    with open(path, "w") as f:
        for i in range(rows):
            error = None
            if rnd.random() < 0.2:
                error = {"code": rnd.choice(["E1", "E2", "TIMEOUT"]), "message": "failed " + str(i)}
            body = {"user": {"id": rnd.randrange(10**9), "country": rnd.choice(["DE", "FR", "US", None]), "plan": "free"},
                    "items": [{"sku": "SKU-%d" % rnd.randrange(100), "qty": rnd.randrange(1, 5), "price": 1.5}],
                    "error": error}
            line = {"ts": "2026-10-01T00:00:%02d.000Z" % (i % 60), "request_id": "r%05d" % i,
                    "service": rnd.choice(["auth", "billing"]), "method": "GET", "path": "/p/%d" % i,
                    "status": 500 if error else 200, "latency_ms": rnd.random() * 100,
                    "response_body": json.dumps(body)}
            if i == 17:
                line["response_body"] = "{not json"       # from_json gives NULL under PERMISSIVE: not a failure
            f.write(json.dumps(line) + "\n")


def expected_rows(path):
    out = []
    with open(path) as f:
        for text in f:
            line = json.loads(text)
            try:
                content = json.loads(line["response_body"])
            except ValueError:
                continue
            error = content.get("error")
            if error is None:
                continue
            out.append((line["ts"], line["request_id"], line["service"], line["status"], error["code"],
                        content["user"]["country"]))
    return sorted(out, key=repr)


def test_seed_job_matches_plain_python(spark, tmp_path):
    logs = str(tmp_path / "logs.jsonl")
    out = str(tmp_path / "failed")
    write_logs(logs)
    expected = expected_rows(logs)

    failures = seed_job.run(spark, logs, out)

    assert failures == len(expected)
    table = pq.read_table(out)
    assert table.column_names == ["ts", "request_id", "service", "status", "error_code", "country"]
    got = sorted(zip(*[table.column(c).to_pylist() for c in table.column_names]), key=repr)
    assert got == expected
    assert os.path.exists(os.path.join(out, "_SUCCESS"))


def test_overwrite_replaces_and_error_mode_refuses(spark, tmp_path):
    from pyspark.errors import AnalysisException
    import pytest

    out = str(tmp_path / "t")
    spark.range(5).write.mode("overwrite").parquet(out)
    spark.range(3).write.mode("overwrite").parquet(out)
    assert spark.read.parquet(out).count() == 3
    with pytest.raises(AnalysisException):
        spark.range(3).write.mode("error").parquet(out)
