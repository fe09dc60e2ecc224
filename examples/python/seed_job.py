"""The seed job as unchanged PySpark code, run on Sluice through Spark Connect.

    ./sluice connect &                      # serves sc://127.0.0.1:15002
    ./sluice gen-logs --rows 100000 --out /tmp/logs.jsonl
    pip install "pyspark-client==4.1.*"
    python examples/python/seed_job.py /tmp/logs.jsonl /tmp/failed-parquet

Reads JSON Lines with an explicit schema, parses response_body with from_json, keeps the failed requests,
counts them, and writes them as Parquet. The same code runs on Apache Spark.
"""
import os
import sys

from pyspark.sql import SparkSession
from pyspark.sql.functions import col, from_json

INPUT_SCHEMA = (
    "ts STRING, request_id STRING, service STRING, method STRING, path STRING, "
    "status INT, latency_ms DOUBLE, response_body STRING"
)
CONTENT_SCHEMA = (
    "struct<user: struct<id: bigint, country: string, plan: string>, "
    "items: array<struct<sku: string, qty: int, price: double>>, "
    "error: struct<code: string, message: string>>"
)


def run(spark, input_path, output_path):
    logs = spark.read.schema(INPUT_SCHEMA).json(input_path)
    parsed = logs.withColumn("content", from_json(col("response_body"), CONTENT_SCHEMA))
    failed = parsed.filter(col("content.error").isNotNull())
    failures = failed.count()
    (failed.select("ts", "request_id", "service", "status",
                   col("content.error.code").alias("error_code"),
                   col("content.user.country").alias("country"))
     .write.mode("overwrite").parquet(output_path))
    return failures


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    remote = os.environ.get("SPARK_REMOTE", "sc://127.0.0.1:15002")
    spark = SparkSession.builder.remote(remote).getOrCreate()
    try:
        failures = run(spark, argv[1], argv[2])
        print(f"failed requests: {failures}; written to {argv[2]}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
