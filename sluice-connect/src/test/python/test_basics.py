"""Sessions, config, errors and results through the stock PySpark client."""
import datetime
from decimal import Decimal

import pytest
from pyspark.errors import AnalysisException, ParseException
from pyspark.sql import Row
from pyspark.sql import functions as F


def test_range_count_and_version(spark):
    assert spark.version == "4.1.1"
    assert spark.range(10).count() == 10
    assert spark.range(0, 10, 3).collect() == [Row(id=0), Row(id=3), Row(id=6), Row(id=9)]


def test_types_round_trip(spark):
    df = spark.createDataFrame(
        [(1, 2, 1.5, "a", True, datetime.date(2024, 1, 2), Decimal("1.25"), [1, 2], {"k": 1}, Row(x=1))],
        "i INT, l BIGINT, d DOUBLE, s STRING, b BOOLEAN, dt DATE, dec DECIMAL(5,2), arr ARRAY<INT>, "
        "m MAP<STRING,INT>, st STRUCT<x: INT>")
    row = df.collect()[0]
    assert row == Row(i=1, l=2, d=1.5, s="a", b=True, dt=datetime.date(2024, 1, 2), dec=Decimal("1.25"),
                      arr=[1, 2], m={"k": 1}, st=Row(x=1))
    assert df.schema.simpleString() == ("struct<i:int,l:bigint,d:double,s:string,b:boolean,dt:date,dec:decimal(5,2),"
                                        "arr:array<int>,m:map<string,int>,st:struct<x:int>>")


def test_auto_generated_names(spark):
    df = spark.createDataFrame([(1, 2)], "a INT, b INT")
    assert df.select(df.a + df.b, F.upper(F.lit("x"))).columns == ["(a + b)", "upper(x)"]
    assert df.agg(F.count(F.lit(1)), F.sum("a")).columns == ["count(1)", "sum(a)"]
    assert df.groupBy().count().columns == ["count"]


def test_show_string(spark, capsys):
    spark.createDataFrame([(1, "x" * 30)], "a INT, b STRING").show()
    assert capsys.readouterr().out == (
        "+---+--------------------+\n"
        "|  a|                   b|\n"
        "+---+--------------------+\n"
        "|  1|xxxxxxxxxxxxxxxxx...|\n"
        "+---+--------------------+\n\n")


def test_errors_are_spark_exceptions(spark):
    df = spark.range(3)
    with pytest.raises(AnalysisException) as e:
        df.select("nope").collect()
    assert e.value.getCondition().startswith("UNRESOLVED_COLUMN")
    with pytest.raises(ParseException):
        spark.createDataFrame([(1,)], "a INTT").collect()


def test_unsupported_is_named(spark):
    from pyspark.errors.exceptions.connect import UnsupportedOperationException
    with pytest.raises(UnsupportedOperationException) as e:
        spark.range(3).withColumn("ts", F.current_timestamp()).withWatermark("ts", "1 minute").collect()
    assert "with_watermark" in str(e.value)


def test_config_and_sessions(spark):
    spark.conf.set("spark.sql.shuffle.partitions", "7")
    assert spark.conf.get("spark.sql.shuffle.partitions") == "7"
    other = spark.newSession() if hasattr(spark, "newSession") else None
    assert spark.conf.get("spark.sql.session.timeZone") == "UTC"


def test_join_with_dataframe_columns(spark):
    left = spark.createDataFrame([(1, "a"), (2, "b")], "id INT, v STRING")
    right = spark.createDataFrame([(1, "x"), (3, "y")], "id INT, w STRING")
    rows = left.join(right, left["id"] == right["id"], "left").select(left["id"], "v", "w").orderBy(left["id"]).collect()
    assert rows == [Row(id=1, v="a", w="x"), Row(id=2, v="b", w=None)]
    assert left.join(right, "id").collect() == [Row(id=1, v="a", w="x")]


def test_temp_view_and_table(spark):
    spark.createDataFrame([(1,)], "a INT").createOrReplaceTempView("t_view")
    assert spark.table("t_view").collect() == [Row(a=1)]


def test_na_functions(spark):
    df = spark.createDataFrame([(1, None), (None, "b")], "a INT, b STRING")
    assert df.na.fill(0).collect() == [Row(a=1, b=None), Row(a=0, b="b")]
    assert df.na.fill("z").collect() == [Row(a=1, b="z"), Row(a=None, b="b")]
    assert df.na.drop().count() == 0
    assert df.na.drop(how="all").count() == 2
    assert df.na.replace("b", "c").collect() == [Row(a=1, b=None), Row(a=None, b="c")]


def test_interrupt_cancels(spark):
    import threading
    import time
    errors = []

    def run():
        try:
            spark.range(0, 10**10).agg(F.sum("id")).collect()
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    t = threading.Thread(target=run)
    t.start()
    time.sleep(1.0)
    spark.interruptAll()
    t.join(60)
    assert not t.is_alive()
    assert errors, "the query was not interrupted"


def test_repartition_and_offset_below_the_top(spark):
    df = spark.range(0, 100, 1, 1).repartition(4)
    assert df.select(F.spark_partition_id().alias("p")).distinct().count() == 4
    assert sorted(r.id for r in df.collect()) == list(range(100))
    assert spark.range(10).offset(7).count() == 3
    assert spark.range(10).offset(3).limit(2).collect() == [Row(id=3), Row(id=4)]
