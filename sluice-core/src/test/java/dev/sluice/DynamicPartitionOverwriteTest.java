package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spark's dynamic partition overwrite ({@code spark.sql.sources.partitionOverwriteMode=dynamic} or the write option
 * {@code partitionOverwriteMode}, which wins): an overwrite replaces only the partitions its rows fall in, through
 * {@code save}, {@code insertInto} and {@code INSERT OVERWRITE}; a failed or cancelled job leaves every old partition
 * as it was. The same writes against real Spark: sluice-spark's DynamicOverwriteDifferentialTest.
 */
class DynamicPartitionOverwriteTest {
    @TempDir Path dir;
    private Sluice sluice;
    private String out;

    @BeforeEach void open() {
        sluice = Sluice.builder().parallelism(2).shufflePartitions(2).config("spark.sql.warehouse.dir", dir.resolve("wh").toString()).build();
        out = dir.resolve("out").toString();
        sluice.sql("SELECT * FROM VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 10) AS t(x, s, p)").write().partitionBy("p").json(out);
    }

    @AfterEach void close() { sluice.close(); }

    private List<String> rows(DataFrame df) {
        List<String> result = new ArrayList<>();
        for (Row r : df.collect()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) cells.add(String.valueOf(r.get(i)));
            result.add(String.join(",", cells));
        }
        return result;
    }

    private List<String> read() { return rows(sluice.read().json(out).select("x", "s", "p").orderBy("p", "x")); }

    /** The data files under {@code root} by partition directory, and their contents (to see what a failure touched). */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) result.put(root.relativize(p).toString(), Files.readString(p));
        }
        return result;
    }

    @Test void theSessionModeReplacesOnlyThePartitionsWritten() {
        sluice.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        sluice.sql("SELECT 9 AS x, 'z' AS s, 30 AS p").write().mode("overwrite").partitionBy("p").json(out);
        assertThat(read()).containsExactly("1,a,10", "3,c,10", "2,b,20", "9,z,30");
        sluice.sql("SELECT 8 AS x, 'y' AS s, 10 AS p").write().mode("overwrite").partitionBy("p").json(out);
        assertThat(read()).containsExactly("8,y,10", "2,b,20", "9,z,30");
    }

    @Test void theWriteOptionWinsOverTheSessionMode() {
        sluice.sql("SELECT 9 AS x, 'z' AS s, 30 AS p").write().mode("overwrite").option("partitionOverwriteMode", "DYNAMIC")
                .partitionBy("p").json(out);
        assertThat(read()).containsExactly("1,a,10", "3,c,10", "2,b,20", "9,z,30");
        sluice.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        sluice.sql("SELECT 8 AS x, 'y' AS s, 10 AS p").write().mode("overwrite").option("partitionOverwriteMode", "static")
                .partitionBy("p").json(out);
        assertThat(read()).containsExactly("8,y,10");
        assertThatThrownBy(() -> sluice.sql("SELECT 1 AS x, 2 AS p").write().mode("overwrite").option("partitionOverwriteMode", "bogus")
                .partitionBy("p").json(out))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        assertThat(read()).containsExactly("8,y,10");
    }

    @Test void anEmptyResultReplacesNothingAndNoPartitionColumnsReplaceEverything() {
        sluice.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        sluice.sql("SELECT 9 AS x, 'z' AS s, 30 AS p WHERE false").write().mode("overwrite").partitionBy("p").json(out);
        assertThat(read()).containsExactly("1,a,10", "3,c,10", "2,b,20");
        String flat = dir.resolve("flat").toString();
        sluice.sql("SELECT 1 AS x").write().json(flat);
        sluice.sql("SELECT 2 AS x").write().mode("overwrite").json(flat);
        assertThat(rows(sluice.read().json(flat))).containsExactly("2");
    }

    @Test void insertOverwriteReplacesTheWrittenPartitionsUnderTheStaticValues() {
        sluice.sql("CREATE TABLE t (x INT, a INT, b INT) USING json PARTITIONED BY (a, b)");
        sluice.sql("INSERT INTO t VALUES (1, 1, 1), (2, 1, 2), (3, 2, 1)");
        sluice.sql("SET spark.sql.sources.partitionOverwriteMode=dynamic");
        sluice.sql("INSERT OVERWRITE t PARTITION (a = 1, b) SELECT 10, 3");
        assertThat(rows(sluice.sql("SELECT * FROM t ORDER BY a, b"))).containsExactly("1,1,1", "2,1,2", "10,1,3", "3,2,1");
        sluice.sql("INSERT OVERWRITE t SELECT 20, 2, 1");
        assertThat(rows(sluice.sql("SELECT * FROM t ORDER BY a, b"))).containsExactly("1,1,1", "2,1,2", "10,1,3", "20,2,1");
        sluice.sql("INSERT OVERWRITE t PARTITION (a = 1, b = 1) SELECT 30");
        assertThat(rows(sluice.sql("SELECT * FROM t ORDER BY a, b"))).containsExactly("30,1,1", "2,1,2", "10,1,3", "20,2,1");
        sluice.sql("SELECT 77 AS x, 1 AS a, 2 AS b").write().mode("overwrite").insertInto("t");
        assertThat(rows(sluice.sql("SELECT * FROM t ORDER BY a, b"))).containsExactly("30,1,1", "77,1,2", "10,1,3", "20,2,1");
        assertThat(rows(sluice.sql("SHOW PARTITIONS t"))).containsExactly("a=1/b=1", "a=1/b=2", "a=1/b=3", "a=2/b=1");
        assertThatThrownBy(() -> sluice.sql("INSERT OVERWRITE t PARTITION (a, b = 1) SELECT 40, 5"))
                .as("as Spark: a static partition value after a dynamic one is refused")
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test void aTableOptionChoosesTheModeForItsInserts() {
        sluice.sql("CREATE TABLE t (x INT, p INT) USING json PARTITIONED BY (p) OPTIONS (partitionOverwriteMode 'dynamic')");
        sluice.sql("INSERT INTO t VALUES (1, 1), (2, 2)");
        sluice.sql("INSERT OVERWRITE t VALUES (3, 2)");
        assertThat(rows(sluice.sql("SELECT * FROM t ORDER BY p"))).containsExactly("1,1", "3,2");
    }

    @Test void aFailingJobLeavesEveryOldPartitionAsItWas() throws IOException {
        sluice.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        Map<String, String> before = files(Path.of(out));
        DataFrame failing = sluice.sql("SELECT id AS x, CASE WHEN id = 999 THEN raise_error('boom') ELSE 's' END AS s, "
                + "CAST(id % 3 * 10 AS INT) AS p FROM range(1000)");
        assertThatThrownBy(() -> failing.write().mode("overwrite").partitionBy("p").json(out)).isInstanceOf(SluiceException.class);
        assertThat(files(Path.of(out))).isEqualTo(before);
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).sorted().toList()).as("no staging left").containsExactly("out");
        }
    }

    @Test void aCancelledJobLeavesEveryOldPartitionAsItWas() throws IOException {
        Map<String, String> before = files(Path.of(out));
        java.util.concurrent.atomic.AtomicReference<Sluice> session = new java.util.concurrent.atomic.AtomicReference<>();
        try (Sluice cancelling = Sluice.builder().parallelism(2).batchSize(128).listener(new dev.sluice.exec.JobListener() {
                    @Override public void onProgress(long jobId, long bytes, long rows) { session.get().cancelAllJobs(); }
                }).build()) {
            session.set(cancelling);
            cancelling.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
            DataFrame big = cancelling.range(0, 200_000, 1, 8).selectExpr("id AS x", "'s' AS s", "CAST(id % 3 * 10 AS INT) AS p");
            assertThatThrownBy(() -> big.write().mode("overwrite").partitionBy("p").json(out))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.JOB_CANCELLED));
        }
        assertThat(files(Path.of(out))).isEqualTo(before);
    }
}
