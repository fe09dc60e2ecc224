"""Local relations in: createDataFrame from pandas, from a pyarrow Table and from rows, every type with nulls, empty
frames and frames large enough to arrive as several Arrow batches; and df.tail(n)."""
import datetime
from decimal import Decimal

import pandas as pd
import pyarrow as pa
from pyspark.sql import Row

SCHEMA = ("b BOOLEAN, by TINYINT, sh SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, s STRING, bin BINARY, dt DATE, "
          "ts TIMESTAMP, ntz TIMESTAMP_NTZ, dec DECIMAL(12, 2), wide DECIMAL(30, 5), arr ARRAY<BIGINT>, "
          "sarr ARRAY<STRING>, m MAP<STRING, INT>, st STRUCT<x: BIGINT, y: STRING, a: ARRAY<STRUCT<q: INT>>>")
UTC = datetime.timezone.utc


def row(i):
    if i % 5 == 4:
        return tuple([None] * 18)
    return (i % 3 == 0, i % 100, i % 30000, i * 7 - 20, i * 1000000007, i / 4, i / 8, "é-%d%s" % (i, "x" * (i % 5)),
            bytearray(str(i).encode()), datetime.date(2024, 2, 28) + datetime.timedelta(days=i % 5000),
            datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC) + datetime.timedelta(microseconds=i * 1000001),
            datetime.datetime(2023, 11, 14, 22, 13, 20) + datetime.timedelta(microseconds=i),
            (Decimal(i) / 3).quantize(Decimal("0.01")), Decimal(i * 10**15).quantize(Decimal("0.00001")),
            list(range(i % 4)), [str(i), None], {"k": i, "z": None}, Row(x=i, y=str(i), a=[Row(q=i), None]))


def check(got, n):
    assert len(got) == n
    for i, r in enumerate(got):
        want = row(i)
        values = tuple(r)
        for k, (g, w) in enumerate(zip(values, want)):
            if k == 10 and w is not None:
                assert g.astimezone(UTC) == w, (i, k, g, w)
            elif k == 16 and w is not None:
                assert dict(g) == w, (i, k, g, w)
            else:
                assert g == w, (i, k, g, w)


def test_rows_of_every_type_with_nulls(spark):
    n = 300
    check(spark.createDataFrame([row(i) for i in range(n)], SCHEMA).collect(), n)


def test_pandas_of_every_type_across_arrow_batches(spark):
    n = 25000   # the client sends Arrow batches of at most 10000 rows; the server cuts its own batches of 4096
    pdf = pd.DataFrame({
        "i": pd.array([None if k % 7 == 3 else k for k in range(n)], dtype="Int32"),
        "l": [k * 1000000007 for k in range(n)],
        "d": [float("nan") if k % 11 == 0 else k / 8 for k in range(n)],
        "s": [None if k % 13 == 0 else "é-%d" % k for k in range(n)],
        "b": [k % 2 == 0 for k in range(n)],
        "dt": [datetime.date(2020, 1, 1) + datetime.timedelta(days=k % 3000) for k in range(n)],
        "ts": pd.to_datetime([1_700_000_000_000_000 + k * 1001 for k in range(n)], unit="us"),
    })
    df = spark.createDataFrame(pdf)
    assert df.count() == n
    got = df.collect()
    for k in (0, 3, 11, 13, 4095, 4096, 9999, 10000, 10001, n - 1):
        r = got[k]
        assert r.i == (None if k % 7 == 3 else k), k
        assert r.l == k * 1000000007
        assert (r.d is None or r.d != r.d) if k % 11 == 0 else r.d == k / 8, (k, r.d)
        assert r.s == (None if k % 13 == 0 else "é-%d" % k)
        assert r.b == (k % 2 == 0)
        assert r.dt == datetime.date(2020, 1, 1) + datetime.timedelta(days=k % 3000)
    assert [r.l for r in got] == [k * 1000000007 for k in range(n)]
    back = df.toPandas()
    assert list(back["l"]) == list(pdf["l"]) and list(back["s"].fillna("-")) == list(pdf["s"].fillna("-"))
    assert df.filter("i IS NULL").count() == len([k for k in range(n) if k % 7 == 3])


def test_pandas_with_a_schema_of_every_type(spark):
    n = 12000
    df = spark.createDataFrame([row(i) for i in range(n)], SCHEMA)   # 12000 rows: more than one Arrow batch
    check(df.collect(), n)
    assert df.select("st.y").collect()[7].y == "7"


def test_arrow_table(spark):
    n = 20000
    table = pa.table({
        "i": pa.array([None if k % 9 == 0 else k for k in range(n)], pa.int32()),
        "s": pa.array(["v%d" % k for k in range(n)], pa.large_string()),
        "bin": pa.array([bytes([k % 256]) for k in range(n)], pa.binary()),
        "ts": pa.array([k * 1_000_000_007 for k in range(n)], pa.timestamp("ns", tz="UTC")),
        "dec": pa.array([Decimal(k).scaleb(-2) for k in range(n)], pa.decimal128(10, 2)),
        "arr": pa.array([[k, None] if k % 4 else None for k in range(n)], pa.list_(pa.int64())),
        "st": pa.array([{"x": k, "y": str(k)} for k in range(n)], pa.struct([("x", pa.int64()), ("y", pa.string())])),
    }).combine_chunks()
    table = pa.Table.from_batches(table.to_batches(max_chunksize=3000))
    df = spark.createDataFrame(table)
    got = df.collect()
    assert len(got) == n
    for k in (0, 1, 2999, 3000, 4096, n - 1):
        r = got[k]
        assert r.i == (None if k % 9 == 0 else k)
        assert r.s == "v%d" % k and r.bin == bytearray([k % 256])
        assert r.ts.astimezone(UTC) == datetime.datetime(1970, 1, 1, tzinfo=UTC) + datetime.timedelta(microseconds=k * 1_000_000 + 7 * k // 1000)
        assert r.dec == Decimal(k).scaleb(-2)
        assert r.arr == ([k, None] if k % 4 else None)
        assert r.st == Row(x=k, y=str(k))


def test_empty_frames(spark):
    assert spark.createDataFrame([], SCHEMA).collect() == []
    empty = spark.createDataFrame(pd.DataFrame({"a": pd.Series([], dtype="int64"), "s": pd.Series([], dtype="object")}),
                                  "a BIGINT, s STRING")
    assert empty.count() == 0 and empty.collect() == [] and empty.columns == ["a", "s"]
    assert len(empty.toPandas()) == 0
    assert empty.isLocal() and spark.createDataFrame([(1,)], "a INT").isLocal()   # a local relation, as in Spark
    assert not spark.range(3).isLocal()


def test_tail(spark):
    df = spark.range(0, 30000, 1, 3)
    assert df.tail(0) == []
    assert df.tail(1) == [Row(id=29999)]
    assert [r.id for r in df.tail(10000)] == list(range(20000, 30000))
    assert [r.id for r in df.tail(50000)] == list(range(30000))
    ordered = spark.range(0, 30000, 1, 4).orderBy("id", ascending=False)
    assert [r.id for r in ordered.tail(3)] == [2, 1, 0]
    small = spark.createDataFrame([(k, "v%d" % k) for k in range(10)], "k INT, v STRING")
    assert small.tail(3) == [Row(k=7, v="v7"), Row(k=8, v="v8"), Row(k=9, v="v9")]


def test_a_frame_above_the_cache_threshold_arrives_as_artifacts(spark):
    # above spark.sql.session.localRelationCacheThreshold (64 MiB) PySpark uploads Arrow chunks of 10000 rows as
    # cache artifacts and sends a ChunkedCachedLocalRelation naming them
    n = 120000
    pdf = pd.DataFrame({"k": range(n), "s": ["%06d" % k + "x" * 600 for k in range(n)]})
    df = spark.createDataFrame(pdf)
    assert df.count() == n
    got = df.filter("k % 9999 = 0").collect()
    assert [(r.k, r.s) for r in got] == [(k, "%06d" % k + "x" * 600) for k in range(0, n, 9999)]
    assert [r.k for r in df.tail(3)] == [n - 3, n - 2, n - 1]
