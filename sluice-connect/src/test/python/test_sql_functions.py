"""SQL functions (CREATE FUNCTION ... RETURN) through spark.sql over Spark Connect: scalar query bodies, table
functions in FROM and LATERAL, defaults and named arguments, and Spark's error conditions."""
import pytest
from pyspark.errors import AnalysisException


def test_scalar_function_with_a_query_body(spark):
    spark.sql("CREATE OR REPLACE TEMPORARY VIEW py_f2(c1, c2) AS VALUES (0, 2), (0, 3)")
    spark.sql("CREATE OR REPLACE TEMPORARY FUNCTION py_total(x INT) RETURNS INT RETURN SELECT sum(c2) FROM py_f2 WHERE c1 = x")
    rows = spark.sql("SELECT id, py_total(id) AS t FROM range(2) ORDER BY id").collect()
    assert [(r.id, r.t) for r in rows] == [(0, 5), (1, None)]


def test_table_function_in_from_and_lateral(spark):
    spark.sql("CREATE OR REPLACE TEMPORARY VIEW py_f2(c1, c2) AS VALUES (0, 2), (0, 3)")
    spark.sql("CREATE OR REPLACE TEMPORARY FUNCTION py_rows(x INT, d INT DEFAULT 0) RETURNS TABLE (a INT) "
              "RETURN SELECT c2 + d FROM py_f2 WHERE c1 = x")
    assert sorted(r.a for r in spark.sql("SELECT * FROM py_rows(0)").collect()) == [2, 3]
    assert sorted(r.a for r in spark.sql("SELECT * FROM py_rows(d => 10, x => 0)").collect()) == [12, 13]
    lateral = spark.sql("SELECT id, a FROM range(2), LATERAL py_rows(id)").collect()
    assert sorted((r.id, r.a) for r in lateral) == [(0, 2), (0, 3)]


def test_errors_are_spark_conditions(spark):
    spark.sql("CREATE OR REPLACE TEMPORARY FUNCTION py_one() RETURNS INT RETURN 1")
    with pytest.raises(AnalysisException, match="NOT_A_TABLE_FUNCTION"):
        spark.sql("SELECT * FROM py_one()").collect()
    with pytest.raises(AnalysisException, match="WRONG_NUM_ARGS"):
        spark.sql("SELECT py_one(1)").collect()
