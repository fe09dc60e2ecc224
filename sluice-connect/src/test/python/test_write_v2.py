"""Writes Glue and Spark jobs rely on, over Spark Connect: DataFrameWriterV2 (df.writeTo) with Spark 4.1's answers
for session-catalog tables, and dynamic partition overwrite (session conf or write option)."""
import pytest
from pyspark.errors import PySparkException
from pyspark.errors.exceptions.connect import AnalysisException
from pyspark.sql import functions as F
from pyspark.sql.functions import partitioning as P


@pytest.fixture
def df(spark):
    return spark.sql("SELECT * FROM VALUES (1, 'a', 10, TIMESTAMP'2024-01-02 03:04:05'), "
                     "(2, 'b', 20, TIMESTAMP'2025-01-02 03:04:05') AS t(x, s, p, ts)")


@pytest.fixture
def tables(spark):
    names = []
    yield names
    for n in names:
        spark.sql(f"DROP TABLE IF EXISTS {n}")


def rows(frame):
    return [tuple(r) for r in frame.collect()]


def test_write_to_create_partitioned_and_bucketed(spark, df, tables):
    tables.extend(["wv2_a", "wv2_b"])
    df.writeTo("wv2_a").using("json").tableProperty("k", "v").partitionedBy("p").create()
    assert rows(spark.table("wv2_a").select("x", "s", "p").orderBy("x")) == [(1, "a", 10), (2, "b", 20)]
    assert spark.table("wv2_a").columns == ["x", "s", "ts", "p"]
    assert ("k", "v") in rows(spark.sql("SHOW TBLPROPERTIES wv2_a"))
    df.writeTo("wv2_b").partitionedBy(F.col("p"), P.bucket(3, "x")).create()
    described = dict((r[0], r[1]) for r in spark.sql("DESCRIBE EXTENDED wv2_b").collect())
    assert described["Num Buckets"] == "3"
    with pytest.raises(AnalysisException) as e:
        df.writeTo("wv2_a").create()
    assert e.value.getCondition() == "TABLE_OR_VIEW_ALREADY_EXISTS"


def test_write_to_refuses_what_spark_refuses_for_session_catalog_tables(spark, df, tables):
    tables.append("wv2_c")
    df.writeTo("wv2_c").create()
    for write in (lambda: df.writeTo("wv2_c").append(),
                  lambda: df.writeTo("wv2_c").overwrite(F.col("x") == 1),
                  lambda: df.writeTo("wv2_c").overwritePartitions()):
        with pytest.raises(PySparkException) as e:
            write()
        assert "Cannot write into v1 table" in str(e.value)
    for write in (lambda: df.writeTo("wv2_c").replace(), lambda: df.writeTo("wv2_d").createOrReplace()):
        with pytest.raises(PySparkException) as e:
            write()
        assert "UNSUPPORTED_FEATURE.TABLE_OPERATION" in str(e.value)
    for transform in (P.years("ts"), P.months("ts"), P.days("ts"), P.hours("ts")):
        with pytest.raises(PySparkException) as e:
            df.writeTo("wv2_e").partitionedBy(transform).create()
        assert "UNSUPPORTED_PARTITION_TRANSFORM" in str(e.value)
    with pytest.raises(AnalysisException) as e:
        df.writeTo("wv2_missing").append()
    assert e.value.getCondition() == "TABLE_OR_VIEW_NOT_FOUND"
    assert rows(spark.table("wv2_c").select("x").orderBy("x")) == [(1,), (2,)]
    assert not [r for r in spark.sql("SHOW TABLES").collect() if r[1] in ("wv2_d", "wv2_e")]


def test_dynamic_partition_overwrite(spark, tmp_path):
    out = str(tmp_path / "out")
    spark.sql("SELECT * FROM VALUES (1, 10), (2, 20), (3, 10) AS t(x, p)").write.partitionBy("p").parquet(out)
    spark.sql("SELECT 9 AS x, 30 AS p").write.mode("overwrite").option("partitionOverwriteMode", "dynamic") \
        .partitionBy("p").parquet(out)
    assert rows(spark.read.parquet(out).orderBy("p", "x")) == [(1, 10), (3, 10), (2, 20), (9, 30)]
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    try:
        spark.sql("SELECT 8 AS x, 10 AS p").write.mode("overwrite").partitionBy("p").parquet(out)
        assert rows(spark.read.parquet(out).orderBy("p", "x")) == [(8, 10), (2, 20), (9, 30)]
        spark.sql("CREATE TABLE wv2_dyn (x INT, p INT) USING parquet PARTITIONED BY (p)")
        try:
            spark.sql("INSERT INTO wv2_dyn VALUES (1, 1), (2, 2)")
            spark.sql("INSERT OVERWRITE wv2_dyn VALUES (3, 2)")
            spark.sql("SELECT 4 AS x, 3 AS p").write.mode("overwrite").insertInto("wv2_dyn")
            assert rows(spark.table("wv2_dyn").orderBy("p")) == [(1, 1), (3, 2), (4, 3)]
        finally:
            spark.sql("DROP TABLE IF EXISTS wv2_dyn")
    finally:
        spark.conf.set("spark.sql.sources.partitionOverwriteMode", "static")
