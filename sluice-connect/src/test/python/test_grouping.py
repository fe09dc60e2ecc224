"""rollup, cube, grouping sets and pivot without values through the stock PySpark client."""
from pyspark.sql import Row
from pyspark.sql import functions as F


def df(spark):
    return spark.createDataFrame([("A", 2023, 1), ("A", 2024, 2), ("B", 2024, 4)], "city STRING, year INT, amount INT")


def test_rollup_and_cube(spark):
    rows = df(spark).rollup("city", "year").agg(F.sum("amount").alias("t"), F.grouping("city").alias("g")) \
        .orderBy("city", "year").collect()
    assert rows[0] == Row(city=None, year=None, t=7, g=1)
    assert len(rows) == 6
    assert df(spark).cube("city", "year").count().count() == 8


def test_grouping_sets_and_pivot_without_values(spark):
    rows = df(spark).groupingSets([["city"], []], "city").agg(F.sum("amount").alias("t")).orderBy("city").collect()
    assert rows == [Row(city=None, t=7), Row(city="A", t=3), Row(city="B", t=4)]
    p = df(spark).groupBy("city").pivot("year").sum("amount").orderBy("city")
    assert p.columns == ["city", "2023", "2024"]
    assert p.collect() == [Row(city="A", **{"2023": 1, "2024": 2}), Row(city="B", **{"2023": None, "2024": 4})]
