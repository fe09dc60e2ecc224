package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's DDL: databases, external and partitioned tables, persistent views, SQL functions, ALTER TABLE. */
class SqlCatalogTest {
    @TempDir Path dir;
    private Sluice sluice;

    @BeforeEach void open() {
        sluice = Sluice.builder().parallelism(2).shufflePartitions(2).config("spark.sql.warehouse.dir", dir.resolve("wh").toString()).build();
    }

    @AfterEach void close() { sluice.close(); }

    private List<String> rows(String sql) { return rows(sluice.sql(sql)); }

    private static List<String> rows(DataFrame df) { return SqlTestRows.lines(df); }

    private ErrorCode code(String sql) { return SqlTestRows.errorOf(sluice, sql); }

    @Test void databasesAreCreatedUsedListedAndDropped() {
        assertThat(rows("SHOW DATABASES")).containsExactly("default");
        sluice.sql("CREATE DATABASE sales COMMENT 'the sales' WITH DBPROPERTIES ('owner' = 'ops')");
        assertThat(Files.isDirectory(dir.resolve("wh/sales.db"))).isTrue();
        assertThat(code("CREATE SCHEMA sales")).isEqualTo(ErrorCode.SCHEMA_ALREADY_EXISTS);
        sluice.sql("CREATE SCHEMA IF NOT EXISTS sales");
        assertThat(rows("SHOW SCHEMAS LIKE 's*'")).containsExactly("sales");
        assertThat(rows("SELECT current_database()")).containsExactly("default");
        sluice.sql("USE sales");
        assertThat(sluice.catalog().currentDatabase()).isEqualTo("sales");
        assertThat(rows("SELECT current_database()")).containsExactly("sales");
        sluice.sql("CREATE TABLE orders (id INT, amount DOUBLE) USING json");
        sluice.sql("INSERT INTO orders VALUES (1, 2.5), (2, 4.0)");
        assertThat(Files.isDirectory(dir.resolve("wh/sales.db/orders"))).isTrue();
        sluice.sql("USE default");
        assertThat(rows("SELECT sum(amount) FROM sales.orders")).containsExactly("6.5");
        assertThat(rows("SELECT count(*) FROM spark_catalog.sales.orders")).containsExactly("2");
        assertThat(rows("SHOW TABLES IN sales")).containsExactly("sales,orders,false");
        assertThat(rows("DESCRIBE DATABASE sales")).contains("Namespace Name,sales", "Comment,the sales");
        assertThat(code("DROP DATABASE sales")).isEqualTo(ErrorCode.SCHEMA_NOT_EMPTY);
        assertThat(code("USE nosuch")).isEqualTo(ErrorCode.SCHEMA_NOT_FOUND);
        assertThat(code("CREATE TABLE nosuch.t (a INT) USING json")).isEqualTo(ErrorCode.SCHEMA_NOT_FOUND);
        sluice.sql("DROP DATABASE sales CASCADE");
        assertThat(Files.exists(dir.resolve("wh/sales.db"))).isFalse();
        assertThat(code("SELECT * FROM sales.orders")).isEqualTo(ErrorCode.TABLE_OR_VIEW_NOT_FOUND);
        assertThat(code("DROP DATABASE sales")).isEqualTo(ErrorCode.SCHEMA_NOT_FOUND);
        sluice.sql("DROP DATABASE IF EXISTS sales");
    }

    @Test void newSessionsShareDatabasesButNotTheCurrentOne() {
        sluice.sql("CREATE DATABASE d1");
        sluice.sql("USE d1");
        try (Sluice other = sluice.newSession()) {
            assertThat(other.catalog().databaseExists("d1")).isTrue();
            assertThat(other.catalog().currentDatabase()).isEqualTo("default");
        }
    }

    @Test void externalTablesReadWhatIsThereAndKeepTheirFilesWhenDropped() {
        Path data = dir.resolve("ext");
        sluice.range(3).selectExpr("id", "id * 10 AS v").write().json(data.toString());
        sluice.sql("CREATE TABLE ext USING json LOCATION '" + data + "'");   // schema inferred from the files
        assertThat(rows("SELECT id, v FROM ext ORDER BY id")).containsExactly("0,0", "1,10", "2,20");
        assertThat(rows("DESCRIBE TABLE EXTENDED ext")).contains("Type,EXTERNAL,");
        sluice.sql("INSERT INTO ext VALUES (3, 30)");
        assertThat(rows("SELECT count(*) FROM ext")).containsExactly("4");
        assertThat(code("TRUNCATE TABLE ext")).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
        sluice.sql("DROP TABLE ext");
        assertThat(Files.isDirectory(data)).isTrue();   // external: the files stay
        sluice.sql("CREATE TABLE ext2 (id BIGINT) USING json OPTIONS (path '" + data + "')");
        assertThat(rows("SELECT count(*) FROM ext2")).containsExactly("4");
        assertThat(sluice.catalog().tableExists("default.ext2")).isTrue();
        assertThat(sluice.catalog().tableExists("ext2", "default")).isTrue();
        assertThat(sluice.catalog().createTable("ext3", data.toString(), "json").count()).isEqualTo(4);   // Spark's createTable(name, path, source)
        assertThat(sluice.catalog().createTable("ext4", "json", null, java.util.Map.of("path", data.toString())).columns()).containsExactly("id", "v");
        assertThat(sluice.catalog().catalogTable(List.of("ext3")).orElseThrow().type()).isEqualTo(dev.sluice.CatalogTable.Type.EXTERNAL);
    }

    @Test void partitionedTablesSeeTheirPartitionsOnceRecovered() {
        Path data = dir.resolve("parts");
        sluice.range(2).selectExpr("id AS key", "id * 7 AS value").write().partitionBy("key").json(data.toString());
        sluice.sql("CREATE TABLE p (key BIGINT, value BIGINT) USING json OPTIONS (path '" + data + "') PARTITIONED BY (key)");
        assertThat(sluice.sql("SELECT * FROM p").columns()).containsExactly("value", "key");   // partition columns last, as Spark
        assertThat(rows("SELECT * FROM p")).isEmpty();   // no partition registered yet, as Spark's catalog
        sluice.catalog().recoverPartitions("p");
        assertThat(rows("SELECT * FROM p ORDER BY key")).containsExactly("0,0", "7,1");
        assertThat(rows("SHOW PARTITIONS p")).containsExactly("key=0", "key=1");
        sluice.sql("INSERT INTO p VALUES (14, 2)");
        assertThat(rows("SHOW PARTITIONS p")).containsExactly("key=0", "key=1", "key=2");
        sluice.sql("CREATE TABLE flat (a INT) USING json");
        assertThat(code("MSCK REPAIR TABLE flat")).isEqualTo(ErrorCode.NOT_A_PARTITIONED_TABLE);
        assertThat(code("SHOW PARTITIONS flat")).isEqualTo(ErrorCode.NOT_A_PARTITIONED_TABLE);
    }

    @Test void refreshTableDropsTheCachedRowsOfATableWhoseFilesWentAway() throws Exception {
        Path data = dir.resolve("refresh");
        sluice.sql("CREATE TABLE r (col STRING) USING text LOCATION '" + data + "'");
        sluice.sql("INSERT INTO r SELECT 'abc'");
        sluice.catalog().cacheTable("r");
        assertThat(rows("SELECT * FROM r")).containsExactly("abc");
        deleteRecursively(data);
        assertThat(sluice.table("r").count()).isEqualTo(1);   // from the cache
        sluice.catalog().refreshTable("spark_catalog.default.r");
        assertThat(sluice.table("r").count()).isZero();
        sluice.sql("INSERT INTO r SELECT 'x'");
        sluice.catalog().refreshByPath(data.toString());
        assertThat(sluice.table("r").count()).isEqualTo(1);
    }

    @Test void persistentViewsKeepTheirTextAndAreResolvedWhenUsed() {
        sluice.sql("CREATE TABLE base (a INT) USING json");
        sluice.sql("INSERT INTO base VALUES (1), (2)");
        sluice.sql("CREATE VIEW big (x) COMMENT 'over one' AS SELECT a FROM base WHERE a > 1");
        assertThat(rows("SELECT x FROM big")).containsExactly("2");
        sluice.sql("INSERT INTO base VALUES (3)");
        assertThat(rows("SELECT x FROM default.big ORDER BY x")).containsExactly("2", "3");   // read again at use
        assertThat(sluice.catalog().listTables()).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("big");
            assertThat(t.tableType()).isEqualTo("VIEW");
        });
        assertThat(code("CREATE VIEW big AS SELECT 1")).isEqualTo(ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS);
        sluice.sql("CREATE VIEW IF NOT EXISTS big AS SELECT 1");
        sluice.sql("CREATE OR REPLACE VIEW big AS SELECT a * 10 AS y FROM base");
        assertThat(rows("SELECT max(y) FROM big")).containsExactly("30");
        assertThat(code("CREATE VIEW gen (g) AS SELECT a + 1 FROM base")).isEqualTo(ErrorCode.INVALID_ARGUMENT);   // Spark: CREATE_PERMANENT_VIEW_WITHOUT_ALIAS
        sluice.sql("CREATE VIEW lit AS SELECT 1, 'x'");   // literals keep their names, as Spark allows
        sluice.sql("CREATE TEMP VIEW tv AS SELECT 1 AS one");
        assertThat(code("CREATE VIEW bad AS SELECT * FROM tv")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code("DROP TABLE big")).isEqualTo(ErrorCode.EXPECT_TABLE_NOT_VIEW);
        assertThat(code("DROP VIEW base")).isEqualTo(ErrorCode.EXPECT_TABLE_NOT_VIEW);
        sluice.sql("DROP VIEW big");
        assertThat(sluice.catalog().tableExists("big")).isFalse();
    }

    @Test void sqlFunctionsExpandTheirBodyWithCastArguments() {
        sluice.sql("CREATE FUNCTION plus_one(x INT) RETURNS INT RETURN x + 1");
        DataFrame df = sluice.sql("SELECT plus_one(41)");
        assertThat(df.columns()).containsExactly("plus_one(41)");
        assertThat(rows(df)).containsExactly("42");
        sluice.sql("CREATE TEMPORARY FUNCTION area(w DOUBLE, h DOUBLE) RETURNS DOUBLE RETURN w * h");
        assertThat(rows("SELECT area(2, 3.5)")).containsExactly("7.0");
        assertThat(rows("SELECT default.plus_one(1), spark_catalog.default.plus_one(2)")).containsExactly("2,3");
        assertThat(sluice.sql("SELECT plus_one(id) AS p FROM range(2)").schema().field(0).dataType().simpleString()).isEqualTo("int");
        assertThat(code("CREATE FUNCTION plus_one(x INT) RETURNS INT RETURN x")).isEqualTo(ErrorCode.ROUTINE_ALREADY_EXISTS);
        sluice.sql("CREATE OR REPLACE FUNCTION plus_one(x INT) RETURNS INT RETURN x + 2");
        assertThat(rows("SELECT plus_one(1)")).containsExactly("3");
        assertThat(code("CREATE FUNCTION bad(x INT) RETURNS INT RETURN y + 1")).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(rows("SHOW USER FUNCTIONS")).containsExactly("area", "spark_catalog.default.plus_one");
        sluice.sql("CREATE FUNCTION hive_udf AS 'com.example.MyUdf'");   // recorded, as Spark, not loaded
        assertThat(code("SELECT hive_udf(1)")).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
        assertThat(sluice.catalog().functionExists("plus_one")).isTrue();
        assertThat(sluice.catalog().functionExists("upper")).isTrue();
        assertThat(sluice.catalog().functionExists("no_such_function")).isFalse();
        sluice.sql("DROP FUNCTION plus_one");
        sluice.sql("DROP TEMPORARY FUNCTION area");
        assertThat(code("SELECT plus_one(1)")).isEqualTo(ErrorCode.UNKNOWN_FUNCTION);
        assertThat(code("DROP FUNCTION plus_one")).isEqualTo(ErrorCode.UNKNOWN_FUNCTION);   // Spark: UNRESOLVED_ROUTINE
        sluice.sql("DROP FUNCTION IF EXISTS plus_one");
    }

    @Test void alterTableRenamesAddsColumnsAndSetsProperties() {
        sluice.sql("CREATE TABLE t1 (a INT) USING json");
        sluice.sql("INSERT INTO t1 VALUES (1)");
        sluice.sql("ALTER TABLE t1 RENAME TO t2");
        assertThat(Files.isDirectory(dir.resolve("wh/t2"))).isTrue();
        assertThat(rows("SELECT a FROM t2")).containsExactly("1");
        assertThat(code("SELECT a FROM t1")).isEqualTo(ErrorCode.TABLE_OR_VIEW_NOT_FOUND);
        sluice.sql("ALTER TABLE t2 ADD COLUMNS (b STRING)");
        assertThat(rows("SELECT a, b FROM t2")).containsExactly("1,null");
        assertThat(code("ALTER TABLE t2 ADD COLUMNS (a INT)")).isEqualTo(ErrorCode.COLUMN_ALREADY_EXISTS);
        sluice.sql("ALTER TABLE t2 SET TBLPROPERTIES ('k' = 'v')");
        assertThat(rows("SHOW TBLPROPERTIES t2")).containsExactly("k,v");
        sluice.sql("ALTER TABLE t2 UNSET TBLPROPERTIES ('k')");
        assertThat(rows("SHOW TBLPROPERTIES t2")).isEmpty();
        assertThat(rows("SHOW CREATE TABLE t2").get(0)).startsWith("CREATE TABLE spark_catalog.default.t2 (\n  a INT,\n  b STRING)\nUSING json");
        sluice.sql("TRUNCATE TABLE t2");
        assertThat(rows("SELECT count(*) FROM t2")).containsExactly("0");
    }

    @Test void bucketedTablesPutEachRowInSparksBucket() {
        sluice.sql("CREATE TABLE b (k INT, v STRING) USING json CLUSTERED BY (k) SORTED BY (v) INTO 3 BUCKETS");
        sluice.sql("INSERT INTO b VALUES (1, 'a'), (2, 'b'), (3, 'c'), (1, 'd')");
        // each file holds one bucket: the rows of a file share pmod(hash(k), 3), Spark's bucket id
        assertThat(rows("SELECT count(DISTINCT input_file_name()) >= 1, count(*) FROM b")).containsExactly("true,4");
        assertThat(rows("SELECT count(DISTINCT pmod(hash(k), 3)) FROM b GROUP BY input_file_name()")).allMatch(r -> r.equals("1"));
        assertThat(rows("DESCRIBE TABLE EXTENDED b")).contains("Num Buckets,3,", "Bucket Columns,[`k`],");
        // each file's name ends in its bucket id as Spark's BucketingUtils reads it: part-...-<job>_0000b.c000.json
        for (String r : rows("SELECT DISTINCT input_file_name(), pmod(hash(k), 3) FROM b")) {
            String file = r.substring(r.lastIndexOf('/') + 1, r.lastIndexOf(','));
            int bucket = Integer.parseInt(r.substring(r.lastIndexOf(',') + 1));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*_(\\d+)(?:\\..*)?$").matcher(file);
            assertThat(m.matches()).as(file).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as(file).isEqualTo(bucket);
        }
    }

    private static void deleteRecursively(Path p) throws Exception {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
