package dev.sluice.io.csv;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static dev.sluice.io.csv.CsvReadTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed records in each mode, and schema inference; Spark 4.1.1's observed results unless marked as a difference. */
class CsvModesAndInferenceTest {
    @TempDir static Path dir;
    static Sluice sluice;
    static String modes;

    @BeforeAll static void setUp() throws IOException {
        sluice = Sluice.builder().parallelism(2).build();
        modes = write("modes.csv", "1,a\n2,b,extra\n3\nx,c\n4,d\n");
    }

    @AfterAll static void tearDown() { sluice.close(); }

    static String write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    private DataFrame read(String mode, String schema) {
        return sluice.read().option("mode", mode).schema(schema).csv(modes);
    }

    @Test void permissiveWithoutCorruptColumnPadsShortRecordsAndNullsBadValues() {
        assertThat(rows(read("PERMISSIVE", "a INT, b STRING"))).containsExactly(
                Arrays.asList(1, "a"), Arrays.asList(2, "b"), Arrays.asList(3, null), Arrays.asList(null, "c"), Arrays.asList(4, "d"));
    }

    @Test void permissiveFillsTheCorruptRecordColumnWhereverItIs() {
        assertThat(rows(read("PERMISSIVE", "a INT, b STRING, _corrupt_record STRING"))).containsExactly(
                Arrays.asList(1, "a", null), Arrays.asList(2, "b", "2,b,extra"), Arrays.asList(3, null, "3"),
                Arrays.asList(null, "c", "x,c"), Arrays.asList(4, "d", null));
        assertThat(rows(read("PERMISSIVE", "a INT, _corrupt_record STRING, b STRING")).get(1))
                .containsExactly(2, "2,b,extra", "b");
        assertThat(rows(sluice.read().option("columnNameOfCorruptRecord", "bad").schema("a INT, b STRING, bad STRING").csv(modes)).get(3))
                .containsExactly(null, "c", "x,c");
    }

    @Test void dropMalformedDropsRecordsWithTooManyOrTooFewFieldsOrBadValues() {
        assertThat(rows(read("DROPMALFORMED", "a INT, b STRING"))).containsExactly(Arrays.asList(1, "a"), Arrays.asList(4, "d"));
    }

    /** Sluice difference: Spark's count() (5) and select("b") (5 rows) skip the check; Sluice's agree with collect(). */
    @Test void dropMalformedCountsAgreeWithTheRows() {
        assertThat(read("DROPMALFORMED", "a INT, b STRING").count()).isEqualTo(2);
        assertThat(rows(read("DROPMALFORMED", "a INT, b STRING").select("b"))).containsExactly(List.of("a"), List.of("d"));
    }

    @Test void failFastNamesTheFileAndLine() {
        for (DataFrame df : List.of(read("FAILFAST", "a INT, b STRING"), read("FAILFAST", "a INT, b STRING").select("b"))) {
            assertThatThrownBy(df::collect).isInstanceOfSatisfying(SluiceException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
                assertThat(e.fact("location")).isEqualTo(modes + ":2");
            });
        }
        // Sluice difference: Spark's count() is 5 under FAILFAST; Sluice fails
        assertThatThrownBy(() -> read("FAILFAST", "a INT, b STRING").count())
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
        String typeError = "1,a\n2,b\nzz,c\n";
        assertThatThrownBy(() -> sluice.read().option("mode", "FAILFAST").schema("a INT, b STRING").csv(write("bad3.csv", typeError)).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.fact("location")).endsWith("bad3.csv:3"));
    }

    @Test void failFastLineNumbersCountFromTheFileStartInLaterSplits() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 400; i++) sb.append(i == 333 ? "bad" : String.valueOf(i)).append(",xxxxxxxxxx\n");
        String p = write("late.csv", sb.toString());
        try (Sluice s = Sluice.builder().maxSplitBytes(1024).parallelism(3).build()) {
            assertThatThrownBy(() -> s.read().option("mode", "FAILFAST").schema("a INT, b STRING").csv(p).collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.fact("location")).isEqualTo(p + ":333"));
        }
    }

    /** The tricky file of the Spark oracle; Spark 4.1.1 inferred exactly this schema and these values. */
    @Test void infersWhatSparkInfers() throws IOException {
        String p = write("infer.csv",
                "i,l,big,dbl,b,d,ts,dts,s,n,nan,neg,lead,dec,bool2,ints_dbl,dt_str\n"
                + "1,1,12345678901234567890123,1.5,true,2026-10-01,2026-10-01 12:00:00,2026-10-01,abc,,NaN,-5, 1,1.50,TRUE,1,2026-10-01\n"
                + "2,3000000000,1,2,false,2026-01-02,2026-10-01T12:00:00Z,2026-10-01 01:00:00,1,,Infinity,+6,2,2.25,False,2.5,x\n"
                + "3,4,5,1e3,true,2026-12-31,2026-10-01T12:00:00.123+02:00,2026-10-02,2026-10-01,,-Infinity,0,3,-1.0,true,3,2026-10-02\n");
        DataFrame df = sluice.read().option("header", "true").option("inferSchema", "true").csv(p);
        assertThat(df.schema().simpleString()).isEqualTo("struct<i:int,l:bigint,big:decimal(23,0),dbl:double,b:boolean,d:date,"
                + "ts:timestamp,dts:timestamp,s:string,n:string,nan:double,neg:int,lead:double,dec:double,bool2:boolean,"
                + "ints_dbl:double,dt_str:string>");
        List<Object> third = rows(df).get(2);
        assertThat(third).containsExactly(3, 4L, new BigDecimal("5"), 1000.0, true, LocalDate.of(2026, 12, 31),
                Instant.parse("2026-10-01T10:00:00.123Z"), Instant.parse("2026-10-02T00:00:00Z"), "2026-10-01", null,
                Double.NEGATIVE_INFINITY, 0, 3.0, -1.0, true, 3.0, "2026-10-02");
    }

    @Test void inferenceCornerCasesMatchSpark() throws IOException {
        String[][] cases = {
            {"1e3", "double"}, {"2026-1-2", "timestamp"}, {"1e400", "double"}, {"0x10", "string"}, {" true", "string"},
            {"2026-10", "timestamp"}, {"1.5\n2026-10-01", "string"}, {"1\n1.5", "double"}, {"true\nfalse\nTRUE", "boolean"},
            {"12345678901234567890123456789012345678901", "double"}, {"-0", "int"}, {"1d", "double"}, {"Inf", "double"},
            {"2026-10-01\n1", "string"}, {"12345678901234567890\n1.5", "double"}, {"2026-10-01 12:00:00\n2026-10-01", "timestamp"},
            {"+1", "int"}, {"1 ", "double"}, {"20261001", "int"}, {"1\n2147483648", "bigint"}, {"\"1\"\n\"\"", "int"},
            {"12345678901234567890\n1", "decimal(20,0)"},
        };
        int k = 0;
        for (String[] c : cases) {
            String p = write("inf" + (k++) + ".csv", c[0] + "\n");
            assertThat(sluice.read().option("inferSchema", "true").csv(p).schema().simpleString())
                    .as(c[0]).isEqualTo("struct<_c0:" + c[1] + ">");
        }
    }

    @Test void inferenceOptions() throws IOException {
        assertThat(sluice.read().option("inferSchema", "true").option("dateFormat", "dd/MM/yyyy")
                .csv(write("inf_df.csv", "01/10/2026,2026-10-01\n")).schema().simpleString())
                .isEqualTo("struct<_c0:date,_c1:timestamp>");
        assertThat(sluice.read().option("inferSchema", "true").option("timestampFormat", "dd/MM/yyyy HH:mm")
                .csv(write("inf_tf.csv", "01/10/2026 12:00,2026-10-01 12:00:00\n")).schema().simpleString())
                .isEqualTo("struct<_c0:timestamp,_c1:string>");
        // the first record fixes the number of columns
        assertThat(sluice.read().option("inferSchema", "true").csv(write("inf_rag.csv", "1,2\n1,2,3\n1\n")).schema().simpleString())
                .isEqualTo("struct<_c0:int,_c1:int>");
        assertThat(sluice.read().option("inferSchema", "true").option("nullValue", "1")
                .csv(write("inf_nv.csv", "1,a\n2.5,b\n")).schema().simpleString())
                .isEqualTo("struct<_c0:double,_c1:string>");
    }

    @Test void inferenceReadsOnlyTheSample() throws IOException {
        String p = write("inf_sample.csv", "1\n2\nx\n");
        assertThat(sluice.read().option("inferSchema", "true").option("inferenceSampleSize", "2").csv(p).schema().simpleString())
                .isEqualTo("struct<_c0:int>");
        assertThat(sluice.read().option("inferSchema", "true").option("inferenceSampleSize", "0").csv(p).schema().simpleString())
                .isEqualTo("struct<_c0:string>");
    }

    @Test void inferenceAcrossFilesSkipsEachHeader() throws IOException {
        String a = write("ha.csv", "n,s\n1,x\n");
        String b = write("hb.csv", "n,s\n2,y\n");
        DataFrame df = sluice.read().option("header", "true").option("inferSchema", "true").csv(a, b);
        assertThat(df.schema().simpleString()).isEqualTo("struct<n:int,s:string>");
        assertThat(rows(df)).containsExactly(List.of(1, "x"), List.of(2, "y"));
    }
}
