"""Plan elements beyond the basics: tail anywhere, subqueries, Python functions over partitions and groups."""
import pandas as pd
import pyarrow as pa
import pytest
from pyspark.errors import PySparkException
from pyspark.sql import Row
from pyspark.sql import functions as sf


def test_tail_below_the_top_of_a_plan(spark):
    df = spark.range(0, 100, 1, 4).toDF("id")
    last = df.tail(3)
    assert [r.id for r in last] == [97, 98, 99]
    # Tail as an inner relation: the plan continues after it
    from pyspark.sql.connect.dataframe import DataFrame
    from pyspark.sql.connect import plan as connect_plan

    class Tail(connect_plan.LogicalPlan):
        def __init__(self, child, limit):
            super().__init__(child)
            self._limit = limit

        def plan(self, session):
            p = self._create_proto_relation()
            p.tail.input.CopyFrom(self._child.plan(session))
            p.tail.limit = self._limit
            return p

    tailed = DataFrame(Tail(df.orderBy("id")._plan, 5), session=spark)
    assert [r.d for r in tailed.select((sf.col("id") * 2).alias("d")).collect()] == [190, 192, 194, 196, 198]
    assert tailed.count() == 5


def test_scalar_subqueries_uncorrelated_and_correlated(spark):
    emp = spark.createDataFrame([(1, "a", 10, 100), (2, "b", 10, 300), (3, "c", 20, 50), (4, "d", 30, 70)],
                                "id INT, name STRING, dept INT, salary INT")
    above = emp.where(sf.col("salary") > emp.select(sf.avg("salary")).scalar()).orderBy("id")
    assert [r.id for r in above.collect()] == [2]
    with_avg = emp.select("id", emp.select(sf.max("salary")).scalar().alias("top")).orderBy("id").collect()
    assert [r.top for r in with_avg] == [300] * 4
    e1, e2 = emp.alias("e1"), emp.alias("e2")
    per_dept = e1.where(sf.col("salary") >= e2.where(sf.col("e2.dept") == sf.col("e1.dept").outer())
                        .select(sf.avg("salary")).scalar()).orderBy("id")
    assert [r.id for r in per_dept.collect()] == [2, 3, 4]
    counted = e1.select("id", e2.where(sf.col("e2.dept") == sf.col("e1.dept").outer())
                        .select(sf.count("*")).scalar().alias("n")).orderBy("id")
    assert [r.n for r in counted.collect()] == [2, 2, 1, 1]


def test_scalar_subquery_with_several_rows_fails_as_spark(spark):
    emp = spark.range(3)
    with pytest.raises(PySparkException, match="SCALAR_SUBQUERY_TOO_MANY_ROWS"):
        emp.select(spark.range(2).select("id").scalar().alias("x")).collect()


def test_exists_and_in_subqueries(spark):
    customers = spark.createDataFrame([(1, "x"), (2, "y"), (3, "z")], "customer_id INT, name STRING").alias("c")
    orders = spark.createDataFrame([(10, 1), (11, 1), (12, 3)], "order_id INT, customer_id INT").alias("o")
    with_orders = customers.where(orders.where(sf.col("o.customer_id") == sf.col("c.customer_id").outer()).exists())
    assert sorted(r.customer_id for r in with_orders.collect()) == [1, 3]
    without = customers.where(~orders.where(sf.col("o.customer_id") == sf.col("c.customer_id").outer()).exists())
    assert [r.customer_id for r in without.collect()] == [2]
    ids = spark.createDataFrame([(1,), (3,)], "v INT")
    assert sorted(r.customer_id for r in customers.where(sf.col("customer_id").isin(ids)).collect()) == [1, 3]
    assert [r.customer_id for r in customers.where(~sf.col("customer_id").isin(ids)).collect()] == [2]
    with_null = spark.createDataFrame([(1,), (None,)], "v INT")
    assert customers.where(~sf.col("customer_id").isin(with_null)).count() == 0   # NOT IN with a NULL: no row


def test_exists_outside_a_filter_is_refused_by_name(spark):
    df = spark.range(3)
    with pytest.raises(PySparkException, match="EXISTS subquery outside a filter"):
        df.select(spark.range(1).exists().alias("e")).collect()


def test_map_in_pandas_and_arrow(spark):
    df = spark.range(0, 20000, 1, 3)

    def evens(batches):
        for pdf in batches:
            yield pdf[pdf.id % 2 == 0].assign(half=lambda p: p.id // 2)

    out = df.mapInPandas(evens, "id long, half long")
    assert out.count() == 10000
    assert out.agg(sf.sum("half")).first()[0] == sum(range(10000))

    def per_partition(batches):
        yield pd.DataFrame({"rows": [sum(len(b) for b in batches)]})

    assert sorted(r.rows for r in df.mapInPandas(per_partition, "rows long").collect()) != []
    assert sum(r.rows for r in df.mapInPandas(per_partition, "rows long").collect()) == 20000

    def doubled(batches):
        for b in batches:
            yield pa.RecordBatch.from_arrays([pa.compute.multiply(b.column(0), 2)], names=["d"])

    assert df.mapInArrow(doubled, "d long").orderBy(sf.desc("d")).first().d == 39998
    assert df.mapInPandas(evens, "id long, half long").limit(2).count() == 2


def test_map_in_pandas_error_is_a_python_exception(spark):
    def broken(batches):
        for _ in batches:
            raise ValueError("no thanks")
        yield pd.DataFrame({"id": []})

    with pytest.raises(PySparkException, match="no thanks"):
        spark.range(5).mapInPandas(broken, "id long").collect()
    assert spark.range(5).mapInPandas(lambda it: it, "id long").count() == 5   # the worker is usable afterwards


def test_apply_in_pandas_and_arrow_per_group(spark):
    df = spark.createDataFrame([(1, 1.0), (1, 2.0), (2, 3.0), (2, 5.0), (2, 10.0), (None, 7.0)], ("id", "v"))

    def normalize(pdf):
        v = pdf.v
        return pdf.assign(v=(v - v.mean()))

    rows = df.groupby("id").applyInPandas(normalize, schema="id long, v double").orderBy("id", "v").collect()
    assert [(r.id, r.v) for r in rows] == [(None, 0.0), (1, -0.5), (1, 0.5), (2, -3.0), (2, -1.0), (2, 4.0)]

    def mean_with_key(key, pdf):
        return pd.DataFrame([key + (pdf.v.mean(), len(pdf))])

    keyed = df.groupby(df.id).applyInPandas(mean_with_key, schema="id long, v double, n long").orderBy("id").collect()
    assert [tuple(r) for r in keyed] == [(None, 7.0, 1), (1, 1.5, 2), (2, 6.0, 3)]

    def arrow_sum(table):
        return pa.table({"id": table.column("id").slice(0, 1), "total": [pa.compute.sum(table.column("v")).as_py()]})

    sums = df.groupby("id").applyInArrow(arrow_sum, "id long, total double").orderBy("id").collect()
    assert [tuple(r) for r in sums] == [(None, 7.0), (1, 3.0), (2, 18.0)]


def test_cogroup_apply_in_pandas(spark):
    left = spark.createDataFrame([(1, "a"), (1, "b"), (2, "c")], "k INT, l STRING")
    right = spark.createDataFrame([(1, 10.0), (3, 30.0)], "k INT, r DOUBLE")

    def pair(key, lp, rp):
        return pd.DataFrame({"k": [key[0]], "nl": [len(lp)], "nr": [len(rp)]})

    out = left.groupby("k").cogroup(right.groupby("k")).applyInPandas(pair, "k int, nl long, nr long").orderBy("k")
    assert [tuple(r) for r in out.collect()] == [(1, 2, 1), (2, 1, 0), (3, 0, 1)]


def test_apply_in_pandas_wrong_result_columns(spark):
    def wrong(pdf):
        return pd.DataFrame({"other": [1]})

    with pytest.raises(PySparkException):
        spark.range(3).groupby("id").applyInPandas(wrong, "id long").collect()


def test_unsupported_elements_are_refused_by_name(spark):
    df = spark.range(3)
    # column metadata is served now (test_dataframe_api.test_column_metadata); a reliable checkpoint is not
    with pytest.raises(PySparkException, match="checkpoint"):
        df.checkpoint()


def test_python_table_functions(spark):
    from pyspark.sql.functions import lit, udtf
    from pyspark.sql.types import StructType
    from pyspark.sql.udtf import AnalyzeArgument, AnalyzeResult

    @udtf(returnType="c1: int, c2: int")
    class PlusOne:
        def eval(self, x: int):
            yield x, x + 1

    assert [tuple(r) for r in PlusOne(lit(1)).collect()] == [(1, 2)]

    @udtf(returnType="n: int")
    class Counter:
        def __init__(self):
            self.seen = 0

        def eval(self, a, b):
            for i in range(a, b):
                self.seen += 1
                yield (i,)

        def terminate(self):
            yield (-self.seen,)

    assert [r.n for r in Counter(lit(2), lit(5)).collect()] == [2, 3, 4, -3]
    assert Counter(lit(0), lit(10)).where("n > 7").count() == 2

    @udtf
    class Analyzed:
        @staticmethod
        def analyze(a: AnalyzeArgument, **kwargs: AnalyzeArgument) -> AnalyzeResult:
            return AnalyzeResult(StructType().add("a", a.dataType).add("x", kwargs["x"].dataType))

        def eval(self, a, **kwargs):
            yield a, kwargs["x"]

    out = Analyzed(lit(1), x=lit("x"))
    assert out.columns == ["a", "x"]
    assert [tuple(r) for r in out.collect()] == [(1, "x")]

    @udtf(returnType="c1: int, c2: int", useArrow=True)
    class ArrowPlusOne:
        def eval(self, x: int):
            yield x, x + 1

    assert [tuple(r) for r in ArrowPlusOne(lit(1)).collect()] == [(1, 2)]


def test_python_table_function_with_a_table_argument(spark):
    from pyspark.sql.functions import lit, udtf
    from pyspark.sql.types import StructType
    from pyspark.sql.udtf import AnalyzeArgument, AnalyzeResult

    @udtf(returnType="id long, doubled long")
    class Double:
        def eval(self, row):
            yield row["id"], row.id * 2

    assert sorted(tuple(r) for r in Double(spark.range(3).asTable()).collect()) == [(0, 0), (1, 2), (2, 4)]

    # one handler per PARTITION BY value, terminate() at the end of each, rows in the ORDER BY order within it
    @udtf(returnType="k long, seen string")
    class PerKey:
        def __init__(self):
            self.key, self.values = None, []

        def eval(self, row, sep):
            self.key = row.k
            self.values.append(row.v)

        def terminate(self):
            yield self.key, "/".join(self.values)

    df = spark.createDataFrame([(1, "b"), (2, "c"), (1, "a"), (2, "d"), (1, "c")], ["k", "v"])
    rows = PerKey(df.asTable().partitionBy("k").orderBy("v"), lit("/")).collect()
    assert sorted(tuple(r) for r in rows) == [(1, "a/b/c"), (2, "c/d")]
    # more partitions than keys: a partition without rows makes no handler (no terminate), as in Spark
    before = spark.conf.get("spark.sql.shuffle.partitions")
    spark.conf.set("spark.sql.shuffle.partitions", "7")
    try:
        rows = PerKey(df.asTable().partitionBy("k").orderBy("v"), lit("/")).collect()
        assert [tuple(r) for r in rows] == [(1, "a/b/c"), (2, "c/d")]
    finally:
        spark.conf.set("spark.sql.shuffle.partitions", before)
    rows = PerKey(df.asTable().partitionBy(df.k).orderBy(df.v.desc()), sep=lit("/")).collect()
    assert sorted(tuple(r) for r in rows) == [(1, "c/b/a"), (2, "d/c")]

    @udtf(returnType="n int, all string")
    class Single:
        def __init__(self):
            self.values = []

        def eval(self, row):
            self.values.append(row.v)

        def terminate(self):
            yield len(self.values), ",".join(self.values)

    assert [tuple(r) for r in Single(df.asTable().withSinglePartition().orderBy("v", "k")).collect()] == [(5, "a,b,c,c,d")]

    # analyze() sees the table argument as a struct of its columns
    @udtf
    class Columns:
        @staticmethod
        def analyze(table: AnalyzeArgument) -> AnalyzeResult:
            assert table.isTable
            return AnalyzeResult(StructType().add("names", "string"))

        def eval(self, row):
            yield (",".join(row.asDict().keys()),)

    assert Columns(df.asTable()).distinct().collect()[0].names == "k,v"


def test_python_table_function_with_two_table_arguments_is_refused(spark):
    from pyspark.sql.functions import udtf

    @udtf(returnType="id long")
    class Echo:
        def eval(self, a, b):
            yield (a.id,)

    with pytest.raises(PySparkException, match="one table argument"):
        Echo(spark.range(3).asTable(), spark.range(2).asTable()).collect()


def test_registered_python_table_function_in_sql(spark):
    from pyspark.sql.functions import udtf

    @udtf(returnType="word string, n int")
    class Repeat:
        def eval(self, word, times=2):
            for i in range(times):
                yield word, i

    spark.udtf.register("sluice_repeat", Repeat)
    rows = spark.sql("SELECT * FROM sluice_repeat('a', times => 3)").collect()
    assert [tuple(r) for r in rows] == [("a", 0), ("a", 1), ("a", 2)]
    assert spark.sql("SELECT n FROM sluice_repeat('b') AS t").count() == 2


def test_registered_python_table_function_with_a_table_argument_in_sql(spark):
    from pyspark.sql.functions import udtf

    @udtf(returnType="k long, seen string")
    class PerKey:
        def __init__(self):
            self.key, self.values = None, []

        def eval(self, row, sep="/"):
            self.key = row.k
            self.values.append(row.v)

        def terminate(self):
            yield self.key, sep_join(self.values)

    def sep_join(values):
        return "/".join(values)

    spark.udtf.register("sluice_per_key", PerKey)
    spark.createDataFrame([(1, "b"), (2, "c"), (1, "a"), (2, "d"), (1, "c")], ["k", "v"]).createOrReplaceTempView("sluice_kv")
    rows = spark.sql("SELECT * FROM sluice_per_key(TABLE(sluice_kv) PARTITION BY k ORDER BY v DESC)").collect()
    assert [tuple(r) for r in rows] == [(1, "c/b/a"), (2, "d/c")]
    rows = spark.sql("SELECT * FROM sluice_per_key(TABLE(SELECT * FROM sluice_kv WHERE v < 'd') WITH SINGLE PARTITION ORDER BY (v, k))").collect()
    assert [tuple(r) for r in rows] == [(2, "a/b/c/c")]


def test_col_regex_transpose_and_struct_star(spark):
    df = spark.createDataFrame([("a", 1, 2), ("b", 3, 4)], ["Col1", "Col2", "Col3"])
    assert df.select(df.colRegex("`(Col1)?+.+`")).columns == ["Col2", "Col3"]
    assert df.select(df.colRegex("`col[23]`")).columns == ["Col2", "Col3"]   # case-insensitive, as Spark
    t = df.transpose()
    assert t.columns == ["key", "a", "b"]
    assert [tuple(r) for r in t.collect()] == [("Col2", 1, 3), ("Col3", 2, 4)]
    s = spark.sql("SELECT named_struct('a', 1, 'b', 'x') AS s")
    assert [tuple(r) for r in s.select("s.*").collect()] == [(1, "x")]


def test_spark_column_names_of_renamed_functions(spark):
    df = spark.createDataFrame([(1, None), (2, 5)], "a INT, b INT")
    assert df.select(sf.pow("a", 2)).columns == ["POWER(a, 2)"]
    assert df.select(sf.acos(sf.lit(1.0))).columns == ["ACOS(1.0)"]
    first = df.select(sf.first_value("b"), sf.last_value("a"))
    assert first.columns == ["first_value(b)", "last_value(a)"]
    assert first.count() == 1
    from pyspark.sql import Window
    w = Window.orderBy("a")
    assert [r[0] for r in df.select(sf.first_value("a").over(w)).collect()] == [1, 1]


def test_literal_functions_current_user_and_one_clock_reading(spark):
    row = spark.range(1).select(sf.current_user(), sf.user(), sf.session_user()).first()
    assert row[0] and row[0] == row[1] == row[2]   # the server's user, as Spark's Connect server
    df = spark.range(1).select(sf.col("current_date"), sf.expr("user"), sf.expr("current_timestamp = current_timestamp()"))
    assert df.columns == ["current_date()", "current_user()", "(current_timestamp() = current_timestamp())"]
    assert df.first()[2] is True
    # sf.mean sends avg; a call by the name mean is named after it, as Spark's alias
    assert spark.range(1).select(sf.mean("id"), sf.expr("mean(id)")).columns == ["avg(id)", "mean(id)"]
    assert spark.range(1).groupBy().agg({"id": "mean"}).columns == ["mean(id)"]


def test_read_options_that_would_be_ignored_are_refused(spark):
    spark.range(2).createOrReplaceTempView("sluice_opts_view")
    with pytest.raises(PySparkException, match="options of spark.read.table"):
        spark.read.option("mergeSchema", "true").table("sluice_opts_view").collect()
    with pytest.raises(PySparkException, match="path"):
        spark.read.format("json").option("path", "/tmp/a").load("/tmp/b").collect()


def test_variant_values_come_back_in_sparks_arrow_form(spark):
    from pyspark.sql.types import VariantType, VariantVal

    df = spark.sql("""SELECT parse_json('{"b": [1, 2.5, "x", null, true], "a": {"c": 12345678901}}') AS v,
                             parse_json(NULL) AS n""")
    assert df.schema["v"].dataType == VariantType()
    row = df.collect()[0]
    assert isinstance(row.v, VariantVal)
    assert row.v.toJson() == '{"a":{"c":12345678901},"b":[1,2.5,"x",null,true]}'
    assert row.v.toPython() == {"a": {"c": 12345678901}, "b": [1, __import__("decimal").Decimal("2.5"), "x", None, True]}
    assert row.n is None
    long_text = "y" * 100
    assert spark.sql(f"SELECT parse_json('\"{long_text}\"') AS v").collect()[0].v.toPython() == long_text
