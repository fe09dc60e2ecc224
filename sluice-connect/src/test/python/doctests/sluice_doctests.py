"""A pytest plugin (a plugin, not a conftest: the doctests live in site-packages, outside any conftest's reach) that runs PySpark's docstring examples on a Sluice Spark Connect server (SPARK_REMOTE), as Spark's own connect doctest
runners do: the module's globals plus `spark`. Records one result per docstring and applies the skip list.

    SPARK_REMOTE=sc://127.0.0.1:15002 python -m pytest -c doctests/pytest.ini --pyargs pyspark.sql.column \
        --doctest-results=/tmp/results.jsonl
"""
import json
import os
import time

import pytest

# As Spark's own doctest runs: the client's local zone and the session time zone are both America/Los_Angeles
# (the expected outputs of the date/time examples were written in it).
TIME_ZONE = "America/Los_Angeles"
os.environ["TZ"] = TIME_ZONE
time.tzset()

HERE = os.path.dirname(os.path.abspath(__file__))
SKIPS = os.path.join(HERE, "skips.txt")
_session = None
_results = {}


def pytest_addoption(parser):
    parser.addoption("--doctest-results", default=None, help="write one JSON line per doctest (id, outcome)")


def load_skips():
    skips = {}
    with open(SKIPS) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, reason = line.partition(" ")
            skips[name] = reason.strip()
    return skips


def test_id(item):
    return item.name   # the docstring's dotted name, e.g. pyspark.sql.column.Column.alias


def pytest_collection_modifyitems(config, items):
    skips = load_skips()
    for item in items:
        reason = skips.get(test_id(item))
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


def spark_session():
    global _session
    if _session is None:
        from pyspark.sql import SparkSession

        url = os.environ.get("SPARK_REMOTE")
        if not url:
            pytest.exit("set SPARK_REMOTE=sc://127.0.0.1:PORT (a running `./sluice connect`)", returncode=2)
        _session = SparkSession.builder.remote(url).getOrCreate()
        _session.conf.set("spark.sql.session.timeZone", TIME_ZONE)
        # Spark's runners run with spark.testing set, which turns the TIME type on (spark.sql.timeType.enabled
        # defaults to Utils.isTesting in Spark 4.1); a release session has it off, and so has Sluice's.
        _session.conf.set("spark.sql.timeType.enabled", "true")
    return _session


@pytest.fixture(autouse=True)
def _inject_spark(doctest_namespace):
    doctest_namespace["spark"] = spark_session()
    # Spark's runners start every JVM in Los Angeles, so a doctest that unsets the session zone falls back to it;
    # the server's JVM zone may differ, so the zone is set again before each doctest.
    spark_session().conf.set("spark.sql.session.timeZone", TIME_ZONE)


def pytest_runtest_logreport(report):
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        _results[report.nodeid.split("::")[-1]] = report.outcome


def pytest_sessionfinish(session, exitstatus):
    path = session.config.getoption("--doctest-results")
    if path:
        with open(path, "w") as f:
            for name in sorted(_results):
                f.write(json.dumps({"test": name, "outcome": _results[name]}) + "\n")
    if _session is not None:
        _session.stop()
