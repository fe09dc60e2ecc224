"""pytest setup for the Spark Connect tests: a `spark` session on the Sluice server named by SPARK_REMOTE.

The server is started outside pytest (.ci/run starts `./sluice connect` on a free loopback port); the client is
the stock pyspark-client 4.1.x from PyPI, which has no JVM, so nothing can fall back to a local Spark.
"""
import os

import pytest


def remote():
    url = os.environ.get("SPARK_REMOTE")
    if not url:
        pytest.exit("set SPARK_REMOTE=sc://127.0.0.1:PORT (a running `./sluice connect`)", returncode=2)
    return url


@pytest.fixture(scope="session")
def spark():
    from pyspark.sql import SparkSession

    session = SparkSession.builder.remote(remote()).getOrCreate()
    yield session
    session.stop()
