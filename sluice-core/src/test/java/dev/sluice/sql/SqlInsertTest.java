package dev.sluice.sql;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * INSERT beyond the logic file sql/insert_dml.qt (which runs on both engines): the files a static partition
 * overwrite leaves, the query's column names that are not names ({@code SELECT 1, 2.5}), and Spark's dynamic
 * overwrite mode (more in DynamicPartitionOverwriteTest).
 */
class SqlInsertTest {
    @TempDir Path dir;
    private Sluice sluice;

    @BeforeEach void open() {
        sluice = Sluice.builder().parallelism(2).shufflePartitions(2).config("spark.sql.warehouse.dir", dir.resolve("wh").toString()).build();
    }

    @AfterEach void close() { sluice.close(); }

    private List<String> rows(String sql) { return SqlTestRows.lines(sluice.sql(sql)); }

    @Test void positionalInsertTakesColumnsWhateverTheirNames() {
        sluice.sql("CREATE TABLE t (a INT, b DOUBLE, c STRING) USING json");
        sluice.sql("INSERT INTO t SELECT 1, 2.5, 'x'");
        sluice.sql("INSERT INTO t (c, b, a) SELECT 'y', 3.5, 2");
        assertThat(rows("SELECT * FROM t ORDER BY a")).containsExactly("1,2.5,x", "2,3.5,y");
    }

    @Test void staticOverwriteReplacesOnlyThePartitionsUnderItsValues() throws Exception {
        sluice.sql("CREATE TABLE p (v INT, d STRING, h INT) USING json PARTITIONED BY (d, h)");
        sluice.sql("INSERT INTO p PARTITION (d, h) VALUES (1, 'a', 1), (2, 'a', 2), (3, 'b', 1)");
        sluice.sql("INSERT OVERWRITE p PARTITION (d = 'a', h = 2) VALUES (20)");
        assertThat(rows("SELECT v, d, h FROM p ORDER BY v")).containsExactly("1,a,1", "3,b,1", "20,a,2");
        sluice.sql("INSERT OVERWRITE p PARTITION (d = 'a', h) VALUES (10, 1)");
        assertThat(rows("SELECT v, d, h FROM p ORDER BY v")).containsExactly("3,b,1", "10,a,1");
        assertThat(Files.exists(dir.resolve("wh/p/d=a/h=2"))).as("a replaced partition's directory goes").isFalse();
        assertThat(rows("SHOW PARTITIONS p")).containsExactly("d=a/h=1", "d=b/h=1");
        // without a PARTITION clause a static overwrite replaces the whole table, as Spark's
        sluice.sql("INSERT OVERWRITE p SELECT 7, 'c', 1");
        assertThat(rows("SELECT v, d, h FROM p")).containsExactly("7,c,1");
    }

    @Test void dynamicOverwriteModeReplacesOnlyThePartitionsWritten() {
        sluice.sql("CREATE TABLE p (v INT, d STRING) USING json PARTITIONED BY (d)");
        sluice.sql("INSERT INTO p VALUES (1, 'a'), (2, 'b')");
        sluice.sql("SET spark.sql.sources.partitionOverwriteMode=dynamic");
        assertThat(rows("SET spark.sql.sources.partitionOverwriteMode")).containsExactly("spark.sql.sources.partitionOverwriteMode,DYNAMIC");
        sluice.sql("INSERT OVERWRITE p VALUES (3, 'a')");
        assertThat(rows("SELECT v, d FROM p ORDER BY v")).containsExactly("2,b", "3,a");
        // a fully static partition is the same in both modes
        sluice.sql("INSERT OVERWRITE p PARTITION (d = 'a') VALUES (4)");
        assertThat(rows("SELECT v, d FROM p ORDER BY v")).containsExactly("2,b", "4,a");
        assertThatThrownBy(() -> sluice.sql("SET spark.sql.sources.partitionOverwriteMode=sometimes"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
    }
}
