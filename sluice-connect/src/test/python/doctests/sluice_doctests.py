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


# Spark's runners start in Spark's source tree, where doctests read files of python/test_support by a relative path
# (input_file_block_start/_length read python/test_support/sql/ages_newlines.csv). The server resolves a relative path
# against its own working directory: the repository's root when started as `./sluice connect` there (as .ci/run does),
# or SLUICE_SERVER_DIR. The plugin writes these inputs there for the run and removes what it wrote. The text is
# Sluice's own; what the doctests print of it (8 records split at ",", one block of 87 bytes) is the same as Spark's.
TEST_SUPPORT = {
    "python/test_support/sql/ages_newlines.csv":
        'Ann,31,"Hello,\nI am Ann"\nBen,42,"My name is Ben"\nCarolyn,27,"I am Carolyn\n\nI like it!"\n',
}
_written = []


def server_dir():
    return os.environ.get("SLUICE_SERVER_DIR") or os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))


def write_test_support():
    for relative, text in TEST_SUPPORT.items():
        path = os.path.join(server_dir(), relative)
        if os.path.exists(path):
            continue
        created = []   # directories this run creates, removed again at the end
        d = os.path.dirname(path)
        while not os.path.isdir(d):
            created.append(d)
            d = os.path.dirname(d)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", newline="") as f:
            f.write(text)
        _written.append((path, created))


def remove_test_support():
    for path, created in _written:
        os.remove(path)
        for d in created:   # innermost first
            os.rmdir(d)
    _written.clear()


def pytest_sessionstart(session):
    write_test_support()


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
    remove_test_support()
    path = session.config.getoption("--doctest-results")
    if path:
        with open(path, "w") as f:
            for name in sorted(_results):
                f.write(json.dumps({"test": name, "outcome": _results[name]}) + "\n")
    if _session is not None:
        _session.stop()
