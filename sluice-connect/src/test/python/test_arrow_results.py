"""Results of every type through collect() and toPandas(), computed by the engine (not echoed from a local relation),
with nulls, and results large enough to cross the server's Arrow batches (8192 rows)."""
import datetime
import math
from decimal import Decimal

from pyspark.sql import Row
from pyspark.sql import functions as F

COLUMNS = [
    ("b", "id % 3 = 0"),
    ("i", "CAST(id * 7 - 20 AS INT)"),
    ("l", "id * 1000000007"),
    ("f", "CAST(id AS FLOAT) / 4"),
    ("d", "id / 8.0D"),
    ("s", "concat('é-', CAST(id AS STRING), repeat('x', CAST(id % 5 AS INT)))"),
    ("bin", "CAST(CAST(id AS STRING) AS BINARY)"),
    ("dt", "date_add(DATE'2024-02-28', CAST(id AS INT))"),
    ("ts", "timestamp_micros(1700000000000000 + id * 1000001)"),
    ("ntz", "CAST(timestamp_micros(1700000000000000 + id) AS TIMESTAMP_NTZ)"),
    ("dec", "CAST(id / 3 AS DECIMAL(12, 2))"),
    ("wide", "CAST(id AS DECIMAL(30, 5)) * 1000000000000000"),
    ("by", "CAST(id % 100 AS TINYINT)"),
    ("sh", "CAST(id AS SMALLINT)"),
    ("arr", "sequence(0L, id % 4)"),
    ("sarr", "array(CAST(id AS STRING), NULL)"),
    ("m", "map('k', CAST(id AS INT), 'z', NULL)"),
    ("st", "named_struct('x', id, 'y', CAST(id AS STRING), 'a', array(named_struct('q', id)))"),
]


def typed(spark, n):
    # every value is NULL on every fifth row, so nulls sit between values of each type
    exprs = [F.expr(f"CASE WHEN id % 5 = 4 THEN NULL ELSE {e} END").alias(name) for name, e in COLUMNS]
    return spark.range(n).select(F.col("id"), *exprs, F.lit(None).alias("n"))


def expected(i):
    if i % 5 == 4:
        return dict(id=i, **{name: None for name, _ in COLUMNS}, n=None)
    return dict(
        id=i, b=i % 3 == 0, i=i * 7 - 20, l=i * 1000000007, f=i / 4, d=i / 8,
        s="é-%d%s" % (i, "x" * (i % 5)), bin=bytearray(str(i).encode()),
        dt=datetime.date(2024, 2, 28) + datetime.timedelta(days=i),
        ts=datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone.utc) + datetime.timedelta(microseconds=i * 1000001),
        ntz=datetime.datetime(2023, 11, 14, 22, 13, 20) + datetime.timedelta(microseconds=i),
        dec=(Decimal(i) / 3).quantize(Decimal("0.01")), wide=Decimal(i * 10**15).quantize(Decimal("0.00001")),
        by=i % 100, sh=i, arr=list(range(i % 4 + 1)), sarr=[str(i), None], m={"k": i, "z": None},
        st=Row(x=i, y=str(i), a=[Row(q=i)]), n=None)


def test_collect_of_every_type_across_batches(spark):
    n = 20000
    rows = typed(spark, n).collect()
    assert len(rows) == n
    for i in (0, 1, 4, 8191, 8192, 8193, 16384, n - 1):
        got = rows[i].asDict()
        want = expected(i)
        for k, v in want.items():
            if k == "ts" and v is not None:
                assert got[k].astimezone(datetime.timezone.utc) == v, (i, k)
            else:
                assert got[k] == v, (i, k, got[k], v)
    assert [r.id for r in rows] == list(range(n))


def missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def test_to_pandas_of_every_type(spark):
    pdf = typed(spark, 10000).toPandas()
    assert list(pdf.columns) == ["id"] + [name for name, _ in COLUMNS] + ["n"]
    assert len(pdf) == 10000 and list(pdf["id"]) == list(range(10000))
    assert pdf["i"][9000] == 9000 * 7 - 20 and pdf["i"].isna().sum() == 2000
    assert pdf["s"][8193] == "é-8193xxx" and missing(pdf["s"][9])
    assert pdf["d"][8] == 1.0 and pdf["f"][8] == 2.0
    assert bool(pdf["b"][3]) and missing(pdf["b"][4])
    assert pdf["dec"][10] == Decimal("3.33") and pdf["wide"][1] == Decimal(10**15)
    assert pdf["dt"][1] == datetime.date(2024, 2, 29)
    assert str(pdf["ntz"][1]) == "2023-11-14 22:13:20.000001"
    assert list(pdf["arr"][3]) == [0, 1, 2, 3] and missing(pdf["arr"][4])
    assert pdf["m"][0] == {"k": 0, "z": None} or dict(pdf["m"][0]) == {"k": 0, "z": None}
    assert pdf["st"][2]["y"] == "2"
    assert pdf["n"].isna().all()


def test_empty_and_filtered_results(spark):
    df = typed(spark, 1000)
    assert df.filter("id < 0").collect() == []
    assert len(df.filter("id < 0").toPandas()) == 0
    kept = df.filter("id % 7 = 3").collect()   # a filter's selection over the batches
    assert [r.id for r in kept] == [i for i in range(1000) if i % 7 == 3]
    assert kept[1].s == expected(10)["s"] and kept[1].st == expected(10)["st"]
    assert [r.id for r in df.offset(995).collect()] == [995, 996, 997, 998, 999]
