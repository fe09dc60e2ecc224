package dev.sluice.io.csv;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading CSV end to end; expectations were observed on Spark 4.1.1 unless a test says it is a Sluice difference. */
class CsvReadTest {
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void setUp() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void tearDown() { sluice.close(); }

    static String file(String name, String content) throws IOException { return file(name, content, StandardCharsets.UTF_8); }

    static String file(String name, String content, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(cs));
        return p.toString();
    }

    static List<List<Object>> rows(DataFrame df) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : df.collect()) out.add(new ArrayList<>(r.values()));
        return out;
    }

    static ErrorCode code(Throwable e) { return ((SluiceException) e).code(); }

    @Test void readsQuotedEscapedAndEmptyFieldsAsSparkDoes() throws IOException {
        String p = file("quoting.csv", "plain,x\n\"a,b\",x\n\"a\\\"b\",x\n\"\",x\n,x\n sp ,x\n\n   \n\"unclosed,x\nlast,x");
        assertThat(rows(sluice.read().schema("a STRING, b STRING").csv(p))).containsExactly(
                List.of("plain", "x"), List.of("a,b", "x"), List.of("a\"b", "x"), Arrays.asList(null, "x"),
                Arrays.asList(null, "x"), List.of(" sp ", "x"), Arrays.asList("unclosed,x", null), List.of("last", "x"));
    }

    @Test void nullValueAndEmptyValue() throws IOException {
        String p = file("nulls.csv", "NA,\"\",\n");
        assertThat(rows(sluice.read().schema("a STRING, b STRING, c STRING").option("nullValue", "NA").option("emptyValue", "E").csv(p)))
                .containsExactly(Arrays.asList(null, "E", null));
        assertThat(rows(sluice.read().schema("a STRING, b STRING, c STRING").csv(p)))
                .containsExactly(Arrays.asList("NA", null, null));
    }

    @Test void headerNamesColumnsAndIsSkipped() throws IOException {
        String p = file("header.csv", "id,name,,id, sp ,ID\n1,a,b,2,c,3\n");
        DataFrame df = sluice.read().option("header", "true").csv(p);
        assertThat(df.columns()).containsExactly("id0", "name", "_c2", "id3", " sp ", "ID5");
        assertThat(rows(df)).containsExactly(List.of("1", "a", "b", "2", "c", "3"));
        assertThat(sluice.read().csv(p).columns()).containsExactly("_c0", "_c1", "_c2", "_c3", "_c4", "_c5");
        assertThat(sluice.read().csv(p).count()).isEqualTo(2);
    }

    @Test void headerAfterCommentAndBlankLinesAndWithBom() throws IOException {
        String p = file("hcomment.csv", "# c1\n\na,b\n#x,y\n1,2\n");
        DataFrame df = sluice.read().option("header", "true").option("comment", "#").csv(p);
        assertThat(df.columns()).containsExactly("a", "b");
        assertThat(rows(df)).containsExactly(List.of("1", "2"));
        String bom = file("bom.csv", "\uFEFFa,b\n1,2\n");
        assertThat(sluice.read().option("header", "true").csv(bom).columns()).containsExactly("a", "b");
    }

    @Test void headerOnlyOrEmptyFiles() throws IOException {
        String h = file("headeronly.csv", "a,b\n");
        assertThat(sluice.read().option("header", "true").csv(h).count()).isZero();
        assertThat(sluice.read().option("header", "true").csv(h).columns()).containsExactly("a", "b");
        assertThat(sluice.read().option("header", "true").csv(file("empty.csv", "")).columns()).isEmpty();
    }

    /** Only the split at offset 0 skips the header: the same rows for any split size and parallelism. */
    @ParameterizedTest
    @CsvSource({"1024,1", "1024,3", "2048,2", "1000000,2"})
    void headerWithManySplits(long maxSplitBytes, int parallelism) throws IOException {
        StringBuilder sb = new StringBuilder("id,text\n");
        for (int i = 0; i < 500; i++) sb.append(i).append(",\"row ").append(i).append(", quoted\"\n");
        String a = file("many_a.csv", sb.toString());
        String b = file("many_b.csv", sb.toString());
        try (Sluice s = Sluice.builder().maxSplitBytes(maxSplitBytes).parallelism(parallelism).build()) {
            DataFrame df = s.read().option("header", "true").schema("id INT, text STRING").csv(a, b);
            List<Row> all = df.collect();
            assertThat(all).hasSize(1000);
            assertThat(df.count()).isEqualTo(1000);
            long sum = 0;
            for (Row r : all) sum += r.getInt(0);
            assertThat(sum).isEqualTo(2 * (499L * 500 / 2));
            assertThat(all.get(7).values()).containsExactly(7, "row 7, quoted");
            assertThat(df.filter(col("id").isNull()).count()).isZero();
        }
    }

    @Test void multiLineQuotedValuesKeepTheirLineBreaks() throws IOException {
        String p = file("multiline.csv", "id,text\n1,\"line1\nline2\"\n2,\"a\r\nb\"\n3,plain\n");
        assertThat(rows(sluice.read().option("header", "true").option("multiLine", "true").csv(p))).containsExactly(
                List.of("1", "line1\nline2"), List.of("2", "a\r\nb"), List.of("3", "plain"));
        // without multiLine each line is a record, as in Spark
        assertThat(rows(sluice.read().option("header", "true").schema("id INT, text STRING, _corrupt_record STRING").csv(p)))
                .containsExactly(Arrays.asList(1, "line1", null), Arrays.asList(null, null, "line2\""),
                        Arrays.asList(2, "a", null), Arrays.asList(null, null, "b\""), Arrays.asList(3, "plain", null));
    }

    @Test void multiLineFailFastNamesTheRecordsFirstLine() throws IOException {
        String p = file("multiline_bad.csv", "1,\"a\nb\"\nx,\"c\nd\"\n");
        assertThatThrownBy(() -> sluice.read().schema("a INT, b STRING").option("multiLine", "true").option("mode", "FAILFAST").csv(p).collect())
                .satisfies(e -> {
                    assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_RECORD);
                    assertThat(((SluiceException) e).fact("location")).isEqualTo(p + ":3");
                });
    }

    @Test void typedValuesFollowSparksCsvRules() throws IOException {
        String p = file("typed.csv",
                "1,1,1.5,true,2026-10-01,2026-10-01 12:30:00,1.50\n"
                + " 2 ,2 ,2.5 , true,2026-1-2,2026-10-01T12:30:00Z,1.005\n"
                + "+3,3000000000,1e3,TRUE,2026-10-01 10:00,2026-10-01,1e2\n"
                + "1.0,-1,NaN,yes,2026-10-01T00:00:00Z,2026-10-01T12:30:00.123456789,\"1,000.5\"\n"
                + "x,9223372036854775808,Infinity,1,20261001,1700000000,abc\n"
                + ",,-Infinity,false,,,\n"
                + "0x10,1L,inf,t,2026/10/01,2026-10-01 12:30:00+02:00,-0.5\n");
        String[] types = {"INT", "BIGINT", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "DECIMAL(10,2)"};
        StringBuilder ddl = new StringBuilder();
        for (int c = 0; c < 7; c++) ddl.append(c > 0 ? ", " : "").append("c").append(c).append(' ').append(types[c]);
        List<List<Object>> got = rows(sluice.read().schema(ddl.toString()).csv(p));
        LocalDate oct1 = LocalDate.of(2026, 10, 1);
        assertThat(column(got, 0)).containsExactly(1, null, 3, null, null, null, null);
        assertThat(column(got, 1)).containsExactly(1L, null, 3000000000L, -1L, null, null, null);
        assertThat(column(got, 2)).containsExactly(1.5, 2.5, 1000.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null);
        assertThat(column(got, 3)).containsExactly(true, null, true, null, null, false, null);
        assertThat(column(got, 4)).containsExactly(oct1, LocalDate.of(2026, 1, 2), oct1, oct1, null, null, null);
        assertThat(column(got, 5)).containsExactly(Instant.parse("2026-10-01T12:30:00Z"), Instant.parse("2026-10-01T12:30:00Z"),
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-01T12:30:00.123456Z"), null, null,
                Instant.parse("2026-10-01T10:30:00Z"));
        assertThat(column(got, 6)).containsExactly(new BigDecimal("1.50"), new BigDecimal("1.01"), new BigDecimal("100.00"),
                new BigDecimal("1000.50"), null, null, new BigDecimal("-0.50"));
    }

    private static List<Object> column(List<List<Object>> rows, int c) {
        List<Object> out = new ArrayList<>();
        for (List<Object> r : rows) out.add(r.get(c));
        return out;
    }

    @Test void customDateAndTimestampFormatsHaveNoFallback() throws IOException {
        String d = file("datefmt.csv", "01/10/2026\n2026-10-01\n1/10/2026\n");
        assertThat(rows(sluice.read().schema("a DATE").option("dateFormat", "dd/MM/yyyy").csv(d)))
                .containsExactly(List.of(LocalDate.of(2026, 10, 1)), Arrays.asList((Object) null), Arrays.asList((Object) null));
        String t = file("tsfmt.csv", "01/10/2026 12:30\n2026-10-01 12:30:00\n");
        assertThat(rows(sluice.read().schema("a TIMESTAMP").option("timestampFormat", "dd/MM/yyyy HH:mm").csv(t)))
                .containsExactly(List.of(Instant.parse("2026-10-01T12:30:00Z")), Arrays.asList((Object) null));
    }

    @Test void nanAndInfinityOptions() throws IOException {
        String p = file("nan.csv", "nan\n+inf\n-inf\nNaN\n");
        assertThat(column(rows(sluice.read().schema("a DOUBLE").option("nanValue", "nan").option("positiveInf", "+inf")
                .option("negativeInf", "-inf").csv(p)), 0))
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
    }

    @Test void separatorsCommentsAndLineSeparators() throws IOException {
        assertThat(rows(sluice.read().schema("a STRING, b INT").option("sep", "|").csv(file("pipe.csv", "x|1\n\"y|z\"|2\n"))))
                .containsExactly(List.of("x", 1), List.of("y|z", 2));
        assertThat(rows(sluice.read().schema("a STRING, b INT").option("sep", "||").csv(file("mpipe.csv", "x||1\ny|y||2\n"))))
                .containsExactly(List.of("x", 1), List.of("y|y", 2));
        assertThat(rows(sluice.read().schema("a STRING, b STRING").option("comment", "#").csv(file("comment.csv", "#c\na,b\n #d,e\nf,#g\n"))))
                .containsExactly(List.of("a", "b"), List.of(" #d", "e"), List.of("f", "#g"));
        assertThat(rows(sluice.read().schema("a STRING, b STRING").csv(file("comment2.csv", "#c,d\na,b\n"))))
                .containsExactly(List.of("#c", "d"), List.of("a", "b"));
        assertThat(rows(sluice.read().schema("a STRING, b STRING").option("lineSep", ";").csv(file("linesep.csv", "a,b;c,d;e,f\ng,h"))))
                .containsExactly(List.<Object>of("a", "b"), List.<Object>of("c", "d"), List.<Object>of("e", "f\ng"));
        assertThat(rows(sluice.read().schema("a STRING, b STRING").csv(file("crlf.csv", "a,b\r\nc,d\r\n"))))
                .containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test void encodingsAreTranscoded() throws IOException {
        String latin = file("latin1.csv", "caf\u00e9,\u00fc\n", StandardCharsets.ISO_8859_1);
        assertThat(rows(sluice.read().schema("a STRING, b STRING").option("encoding", "ISO-8859-1").csv(latin)))
                .containsExactly(List.of("caf\u00e9", "\u00fc"));
        // Spark 4.1 garbles UTF-16 files read line by line; Sluice reads them whole and decodes them correctly
        String utf16 = file("utf16.csv", "caf\u00e9,\u00fc\nx,y\n", StandardCharsets.UTF_16);
        assertThat(rows(sluice.read().schema("a STRING, b STRING").option("encoding", "UTF-16").csv(utf16)))
                .containsExactly(List.of("caf\u00e9", "\u00fc"), List.of("x", "y"));
        String cp = file("cp1252.csv", "\"caf\u00e9\n\u20ac\",x\n", Charset.forName("windows-1252"));
        assertThat(rows(sluice.read().schema("a STRING, b STRING").option("charset", "windows-1252").option("multiLine", "true").csv(cp)))
                .containsExactly(List.of("caf\u00e9\n\u20ac", "x"));
        assertThatThrownBy(() -> sluice.read().schema("a STRING").option("encoding", "no-such-charset").csv(latin))
                .extracting(CsvReadTest::code).isEqualTo(ErrorCode.INVALID_OPTION);
    }

    @Test void ignoreLeadingAndTrailingWhiteSpace() throws IOException {
        String p = file("ws.csv", " sp ,\" q \"\n");
        assertThat(rows(sluice.read().schema("a STRING, b STRING").option("ignoreLeadingWhiteSpace", "true")
                .option("ignoreTrailingWhiteSpace", "true").csv(p))).containsExactly(List.of("sp", " q "));
        assertThat(rows(sluice.read().schema("a STRING, b STRING").option("ignoreTrailingWhiteSpace", "true").csv(p)))
                .containsExactly(List.of(" sp", " q "));
    }

    @Test void gzipAndZstdInput() throws IOException {
        byte[] text = "a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8);
        Path gz = dir.resolve("in.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text);
        }
        Path zst = dir.resolve("in.csv.zst");
        try (OutputStream out = dev.sluice.io.Compression.ZSTD.compress(Files.newOutputStream(zst))) {
            out.write(text);
        }
        Path zstd = dir.resolve("tool.csv.zstd");   // two frames written by the zstd command-line tool
        Files.write(zstd, java.util.Base64.getDecoder().decode("KLUv/SQIQQAAYSxiCjEseApmAzAfKLUv/SQEIQAAMix5CvpY7Lk="));
        for (Path p : List.of(gz, zst, zstd)) {
            try (Sluice s = Sluice.builder().maxSplitBytes(1024).parallelism(2).build()) {
                assertThat(rows(s.read().option("header", "true").option("inferSchema", "true").csv(p.toString())))
                        .as(p.getFileName().toString()).containsExactly(List.of(1, "x"), List.of(2, "y"));
            }
        }
    }

    @Test void unsupportedColumnTypesAndBadOptionsFailWhenTheFrameIsBuilt() throws IOException {
        String p = file("any.csv", "1\n");
        assertThatThrownBy(() -> sluice.read().schema("a ARRAY<INT>").csv(p))
                .extracting(CsvReadTest::code).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
        assertThatThrownBy(() -> sluice.read().schema("a INT").option("mode", "LENIENT").csv(p))
                .extracting(CsvReadTest::code).isEqualTo(ErrorCode.INVALID_OPTION);
        assertThatThrownBy(() -> sluice.read().schema("a INT").option("quote", "ab").csv(p))
                .extracting(CsvReadTest::code).isEqualTo(ErrorCode.INVALID_OPTION);
        assertThatThrownBy(() -> sluice.read().schema("a INT, _corrupt_record INT").csv(p))
                .extracting(CsvReadTest::code).isEqualTo(ErrorCode.INVALID_OPTION);
    }
}
