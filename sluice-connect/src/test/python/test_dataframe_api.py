"""DataFrame API pieces through Spark Connect: lateral joins, as-of joins, local checkpoints, repartitionById,
sameSemantics and explain's layout."""
import pytest
from pyspark.errors import PySparkException
from pyspark.sql import Row
from pyspark.sql import functions as sf


@pytest.fixture
def people(spark):
    return spark.createDataFrame([(1, "a"), (2, "b"), (3, "c")], ["id", "name"])


@pytest.fixture
def events(spark):
    return spark.createDataFrame([(1, 10, "x"), (1, 30, "y"), (1, 20, "z"), (2, 5, "w")], ["id", "t", "what"])


def test_lateral_join_top_n_per_row_inner_and_left(people, events):
    top = events.alias("e").where(sf.col("e.id") == sf.col("p.id").outer()).select("t", "what").orderBy(sf.col("t").desc()).limit(2)
    inner = people.alias("p").lateralJoin(top).orderBy("id", "t").collect()
    assert [(r.id, r.t, r.what) for r in inner] == [(1, 20, "z"), (1, 30, "y"), (2, 5, "w")]
    left = people.alias("p").lateralJoin(top, how="left").orderBy("id", "t").collect()
    assert [(r.id, r.t) for r in left] == [(1, 20), (1, 30), (2, 5), (3, None)]


def test_lateral_join_projection_is_null_for_a_left_row_without_match(people, events):
    right = events.alias("e").where(sf.col("e.id") == sf.col("p.id").outer()).select(sf.lit(1).alias("one"), (sf.col("t") + sf.col("p.id").outer()).alias("s"))
    rows = people.alias("p").lateralJoin(right, how="left").orderBy("id", "s").collect()
    assert [(r.id, r.one, r.s) for r in rows] == [(1, 1, 11), (1, 1, 21), (1, 1, 31), (2, 1, 7), (3, None, None)]


def test_lateral_join_of_a_table_function_of_outer_columns(spark):
    df = spark.createDataFrame([(1, [1, 2]), (2, [])], "k int, xs array<int>")
    inner = df.lateralJoin(spark.tvf.explode(sf.col("xs").outer())).select("k", "col").orderBy("k", "col").collect()
    assert [(r.k, r.col) for r in inner] == [(1, 1), (1, 2)]
    left = df.lateralJoin(spark.tvf.explode(sf.col("xs").outer()), how="left").select("k", "col").orderBy("k", "col").collect()
    assert [(r.k, r.col) for r in left] == [(1, 1), (1, 2), (2, None)]


def test_uncorrelated_lateral_join_is_a_join(people, events):
    assert people.lateralJoin(events.select("t")).count() == 12


def test_as_of_join_with_keys(spark):
    trades = spark.createDataFrame([(1, "a", 5), (2, "a", 9), (3, "b", 4)], ["tid", "k", "t"])
    quotes = spark.createDataFrame([("a", 4, 1.0), ("a", 8, 2.0), ("b", 5, 3.0)], ["k", "t", "price"])
    rows = trades._joinAsOf(quotes, leftAsOfColumn="t", rightAsOfColumn="t", on="k", how="left").select("tid", "price").orderBy("tid").collect()
    assert [(r.tid, r.price) for r in rows] == [(1, 1.0), (2, 2.0), (3, None)]
    nearest = trades._joinAsOf(quotes, leftAsOfColumn="t", rightAsOfColumn="t", on="k", direction="nearest").select("tid", "price").orderBy("tid").collect()
    assert [(r.tid, r.price) for r in nearest] == [(1, 1.0), (2, 2.0), (3, 3.0)]


def test_local_checkpoint_keeps_its_rows(spark):
    df = spark.range(10).withColumn("r", sf.rand(7))
    cp = df.localCheckpoint()
    first = cp.orderBy("id").collect()
    assert cp.orderBy("id").collect() == first
    assert cp.where("id < 3").count() == 3
    lazy = df.localCheckpoint(eager=False)
    assert lazy.count() == 10


def test_checkpoint_to_a_directory_is_refused(spark):
    with pytest.raises(PySparkException):
        spark.range(3).checkpoint()


def test_repartition_by_id(spark):
    df = spark.range(20).withColumn("p", (sf.col("id") % 4).cast("int"))
    out = df.repartitionById(4, "p").where(sf.col("p") != sf.spark_partition_id()).count()
    assert out == 0


def test_same_semantics_ignores_names(spark):
    a, b = spark.range(5), spark.range(5)
    assert a.withColumn("x", a.id + 1).sameSemantics(b.withColumn("y", b.id + 1))
    assert not a.withColumn("x", a.id + 1).sameSemantics(b.withColumn("x", b.id + 2))
    assert a.withColumn("x", a.id + 1).semanticHash() == b.withColumn("y", b.id + 1).semanticHash()


def test_explain_draws_sparks_tree(spark, capsys):
    left = spark.createDataFrame([(1, "a")], ["k", "v"])
    right = spark.createDataFrame([(1, "b")], ["k", "w"])
    left.join(right.hint("broadcast"), "k").explain()
    text = capsys.readouterr().out
    assert text.startswith("== Physical Plan ==\n")
    assert "+- BroadcastHashJoin " in text
    left.explain(extended=True)
    text = capsys.readouterr().out
    assert text.index("== Parsed Logical Plan ==") < text.index("== Analyzed Logical Plan ==") < text.index("== Physical Plan ==")


def test_observe_batch(spark):
    from pyspark.sql import Observation
    df = spark.createDataFrame([(2, "Alice"), (5, "Bob")], schema=["age", "name"])
    observation = Observation("my metrics")
    observed = df.observe(observation, sf.count(sf.lit(1)).alias("count"), sf.max(sf.col("age")))
    assert observed.count() == 2
    assert observation.get == {"count": 2, "max(age)": 5}


def test_column_metadata(spark):
    df = spark.createDataFrame([(2, "Alice")], ["age", "name"])
    meta = df.withMetadata("age", {"foo": "bar"})
    assert meta.schema["age"].metadata == {"foo": "bar"}
    assert meta.select("age").schema["age"].metadata == {"foo": "bar"}
    assert df.select(df.age.alias("a", metadata={"max": 99})).schema["a"].metadata == {"max": 99}
    assert meta.schema["name"].metadata == {}


def test_python_udf_keyword_arguments(spark):
    from pyspark.sql.functions import udf, pandas_udf
    from pyspark.sql.types import IntegerType

    @udf(returnType=IntegerType())
    def calc(a, b):
        return a + 10 * b

    rows = spark.range(2).select(calc(b=sf.col("id") * 10, a=sf.col("id")).alias("r"), calc(sf.col("id"), b=sf.lit(1)).alias("s")).collect()
    assert [(r.r, r.s) for r in rows] == [(0, 10), (101, 11)]

    @pandas_udf("long")
    def minus(x, y):
        return x - y

    assert [r.d for r in spark.range(3).select(minus(y=sf.col("id"), x=sf.lit(10)).alias("d")).collect()] == [10, 9, 8]


def test_grouped_aggregate_pandas_udf(spark):
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    @pandas_udf("double")
    def mean_udf(v: pd.Series) -> float:
        return v.mean()

    @pandas_udf("long")
    def nulls(v: pd.Series) -> int:
        return int(v.isna().sum())

    df = spark.createDataFrame([("a", 1.0), ("a", None), ("a", 3.0), ("b", 5.0)], "k string, v double")
    rows = df.groupBy("k").agg(mean_udf(df.v), nulls(df.v)).orderBy("k").collect()
    assert [tuple(r) for r in rows] == [("a", 2.0, 1), ("b", 5.0, 0)]
    assert df.groupBy("k").agg(mean_udf(df.v)).columns == ["k", "mean_udf(v)"]
    assert df.agg(mean_udf(df.v)).collect()[0][0] == 3.0
