"""Python UDFs through the stock PySpark client: evaluated by the server's Python workers."""
import datetime

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from pyspark.errors import PythonException
from pyspark.sql import Row
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf, udf
from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType


def test_row_udf_with_nulls_and_names(spark):
    df = spark.createDataFrame([(1, "a"), (2, None), (3, "ccc")], "id INT, s STRING")
    plus_one = udf(lambda x: x + 1, IntegerType())

    @udf(returnType=IntegerType())
    def length(s):
        return None if s is None else len(s)

    out = df.select(plus_one("id"), length(df.s).alias("n"))
    assert out.columns == ["<lambda>(id)", "n"]
    assert out.collect() == [Row(**{"<lambda>(id)": 2, "n": 1}), Row(**{"<lambda>(id)": 3, "n": None}),
                             Row(**{"<lambda>(id)": 4, "n": 3})]


def test_row_udf_nested_types_and_mismatched_results(spark):
    df = spark.createDataFrame([([1, 2], {"k": 1}, Row(x=1, y="a"))], "a ARRAY<INT>, m MAP<STRING,INT>, st STRUCT<x: INT, y: STRING>")
    total = udf(lambda a: sum(a), "int")
    keys = udf(lambda m: sorted(m.keys()), ArrayType(StringType()))
    field = udf(lambda st: st.y + str(st.x), "string")
    pair = udf(lambda a: (a[0], str(a[1])), StructType([StructField("p", IntegerType()), StructField("q", StringType())]))
    wrong = udf(lambda a: "not an int", "int")
    row = df.select(total("a"), keys("m"), field("st"), pair("a").alias("pq"), wrong("a").alias("w")).first()
    assert list(row) == [3, ["k"], "a1", Row(p=1, q="2"), None]


def test_pandas_and_arrow_udfs(spark):
    @pandas_udf("long")
    def times_two(s: pd.Series) -> pd.Series:
        return s * 2

    @F.arrow_udf("string")
    def upper(a: pa.Array) -> pa.Array:
        return pc.utf8_upper(a)

    df = spark.range(5).withColumn("s", F.lit("x"))
    rows = df.select(times_two("id").alias("d"), upper("s").alias("u")).collect()
    assert [r.d for r in rows] == [0, 2, 4, 6, 8]
    assert {r.u for r in rows} == {"X"}


def test_registered_udf_in_sql_and_expr(spark):
    spark.udf.register("sluice_shout", lambda s: s.upper() + "!", "string")
    spark.createDataFrame([("a",), ("b",)], "s STRING").createOrReplaceTempView("udf_words")
    assert [r[0] for r in spark.sql("SELECT sluice_shout(s) FROM udf_words ORDER BY s").collect()] == ["A!", "B!"]
    assert spark.table("udf_words").selectExpr("sluice_shout(s) AS t").orderBy("t").first().t == "A!"
    assert spark.table("udf_words").select(F.call_function("sluice_shout", F.col("s"))).count() == 2


def test_udf_failure_raises_python_exception(spark):
    bad = udf(lambda x: 1 // 0, "int")
    with pytest.raises(PythonException) as e:
        spark.range(3).select(bad("id")).collect()
    assert "ZeroDivisionError" in str(e.value)


def test_nondeterministic_udf_and_timestamps(spark):
    counter = udf(lambda: 7, "int").asNondeterministic()
    assert spark.range(3).select(counter().alias("c")).collect() == [Row(c=7)] * 3
    ts = datetime.datetime(2024, 1, 2, 3, 4, 5)
    df = spark.createDataFrame([(ts,)], "t TIMESTAMP")
    shift = udf(lambda t: t + datetime.timedelta(hours=1), "timestamp")
    assert df.select(shift("t").alias("u")).first().u == ts + datetime.timedelta(hours=1)
