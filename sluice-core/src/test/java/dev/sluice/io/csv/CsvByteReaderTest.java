package dev.sluice.io.csv;

import dev.sluice.io.BatchReader;
import dev.sluice.io.LocalStorage;
import dev.sluice.io.Split;
import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte reader against the String reader on the same files: generated records full of quotes, escapes,
 * separators, whitespace, numbers at their limits, dates, multi-byte and invalid UTF-8, read under many option
 * sets, projections and split sizes (splits cut records at arbitrary bytes). Rows, dropped counts and errors must
 * be the same.
 */
class CsvByteReaderTest {
    @TempDir Path dir;

    static final String SCHEMA = "s STRING, i INT, d DOUBLE, m DECIMAL(10,2), b BOOLEAN, dt DATE, ts TIMESTAMP, l BIGINT, "
            + "sh SMALLINT, f FLOAT, bin BINARY";

    static final String[] VALUES = {
        "0", "-12", "+7", "2147483647", "2147483648", "-2147483648", "-2147483649", "32767", "32768", "1e5", "1.5E-3",
        "-0", "-0.0", ".5", "5.", ".", "-", "+", "1e400", "1e-400", "123456789012345678", "1234567890123456789",
        "9223372036854775807", "9223372036854775808", "00012", "1,000.50", "12.345", "12.355", "-12.355", "1_0", " 12",
        "12 ", "\u0663", "\uff11", "NaN", "Inf", "-Inf", "Infinity", "0x1p3", "1d", "2.5f", "1e", "1e+", "1E22", "1e23",
        "123456789012345", "1234567890123456", "0.1", "0.30000000000000004", "4.9e-324", "1.7976931348623157E308",
        "99999999.99", "99999999.995", "100000000", "true", "TRUE", "False", "fal\u017fe", "yes", "2024-02-29",
        "2023-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2024-1-5", "2024-01-05T10:00", " 2024-01-05",
        "2024-13-01", "2024-04-31", "+2024-01-01", "2023-11-14T22:13:20Z", "2023-11-14T22:13:20.123Z",
        "2023-11-14 22:13:20", "2023-11-14T22:13:20", "2023-11-14T22:13:20.1234567Z", "2023-11-14T24:00:00Z",
        "2023-11-14T22:13:60Z", "2023-11-14T22:13:20+01:00", "2023-11-14T22:13:20.123456Z", "2023-11-14T22:13:20.Z",
        "2023-11-14T22:13:20GMT", "1969-12-31T23:59:59.999999Z", "\u00e9t\u00e9", "\ud83d\ude00", "NA", "E", "nan",
        "+inf", "a b", "x", "",
    };
    static final String[] PIECES = {",", "\"", "\\", " ", "\t", "||", "#", "a", "1", "\u00e9", "\ud83d\ude00", "\r"};
    static final byte[][] INVALID = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    static List<Map<String, String>> optionSets() {
        List<Map<String, String>> sets = new ArrayList<>();
        sets.add(Map.of());
        sets.add(Map.of("escape", "\""));
        sets.add(Map.of("ignoreLeadingWhiteSpace", "true", "ignoreTrailingWhiteSpace", "true"));
        sets.add(Map.of("ignoreTrailingWhiteSpace", "true", "escape", ""));
        sets.add(Map.of("sep", "||", "nullValue", "NA", "emptyValue", "E"));
        sets.add(Map.of("sep", "\t", "quote", "", "comment", "#"));
        sets.add(Map.of("mode", "DROPMALFORMED"));
        sets.add(Map.of("mode", "FAILFAST"));
        sets.add(Map.of("header", "true", "nanValue", "nan", "positiveInf", "+inf", "timeZone", "America/New_York"));
        sets.add(Map.of("header", "true", "enforceSchema", "false", "timeZone", "+02:00"));
        sets.add(Map.of("dateFormat", "yyyy-MM-dd", "timestampFormat", "yyyy-MM-dd'T'HH:mm:ss[.SSS]X", "comment", "a"));
        sets.add(Map.of("emptyValue", "", "nullValue", "x", "quote", "'"));
        return sets;
    }

    @Test void readsGeneratedFilesAsTheStringReaderUnderEveryOptionSet() throws IOException {
        int rowsCompared = 0, errorsCompared = 0;
        for (int seed = 0; seed < 12; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Path file = dir.resolve("gen" + seed + ".csv");
            Files.write(file, generate(random, 60));
            for (Map<String, String> options : optionSets()) {
                for (String projection : new String[] {null, "d DOUBLE, s STRING, i INT", "_corrupt_record STRING, m DECIMAL(10,2)"}) {
                    String schema = projection != null && projection.startsWith("_corrupt") ? SCHEMA + ", _corrupt_record STRING" : SCHEMA;
                    for (long splitBytes : new long[] {Long.MAX_VALUE, 1 + random.nextInt(200)}) {
                        Object result = assertSameAsStringReader(file, options, schema, projection, splitBytes);
                        if (result instanceof List<?> rows) rowsCompared += rows.size() - 1;
                        else errorsCompared++;
                    }
                }
            }
        }
        assertThat(rowsCompared).isGreaterThan(20_000);   // the comparison is not all errors
        assertThat(errorsCompared).isGreaterThan(10);
    }

    @Test void aCorruptRecordColumnAndEveryModeSeeTheSameMalformedRows() throws IOException {
        Path file = dir.resolve("modes.csv");
        Files.writeString(file, "a,1,2.5\nb,x,2.5\nc,3\nd,4,5,6\n\"e,f\",5,1e5\n\"g\"\"h\",6,-0\n");
        for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"}) {
            for (String escape : new String[] {"\\", "\""}) {
                assertSameAsStringReader(file, Map.of("mode", mode, "escape", escape),
                        "s STRING, i INT, d DOUBLE, _corrupt_record STRING", null, Long.MAX_VALUE);
            }
        }
        assertThat(read(file, Map.of("escape", "\""), "s STRING, i INT, d DOUBLE, _corrupt_record STRING", null, Long.MAX_VALUE, true))
                .isEqualTo(List.of(
                        List.of("a", 1, 2.5, "<null>"), List.of("b", "<null>", 2.5, "b,x,2.5"), List.of("c", 3, "<null>", "c,3"),
                        List.of("d", 4, 5.0, "d,4,5,6"), List.of("e,f", 5, 100000.0, "<null>"), List.of("g\"h", 6, -0.0, "<null>"),
                        "dropped=0"));
    }

    @Test void aRecordAcrossTheReadBufferAndSplitsReadsTheSame() throws IOException {
        StringBuilder sb = new StringBuilder();
        SplittableRandom random = new SplittableRandom(7);
        while (sb.length() < 2_300_000) {   // past the line reader's 1 MiB buffer twice
            sb.append('"').append("\u00e9\\\"x,".repeat(1 + random.nextInt(40))).append("\",")
                    .append(random.nextInt()).append(',').append(random.nextInt(100_000) / 100.0).append('\n');
        }
        Path file = dir.resolve("big.csv");
        Files.writeString(file, sb);
        for (long splitBytes : new long[] {Long.MAX_VALUE, 1 << 20, 333_333}) {
            assertSameAsStringReader(file, Map.of(), "s STRING, i INT, d DOUBLE", null, splitBytes);
        }
    }

    @Test void aByteOrderMarkStartsOnlyTheFirstLine() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "#c,1\n\ufeffa,2\n".getBytes(StandardCharsets.UTF_8)));
        assertSameAsStringReader(file, Map.of("comment", "#"), "s STRING, i INT", null, Long.MAX_VALUE);
        assertThat(read(file, Map.of("comment", "#"), "s STRING, i INT", null, Long.MAX_VALUE, true))
                .isEqualTo(List.of(List.of("\ufeffa", 2), "dropped=0"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] generate(SplittableRandom random, int lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int l = 0; l < lines; l++) {
            int fields = random.nextInt(14);
            for (int f = 0; f < fields; f++) {
                if (f > 0) write(out, random.nextInt(10) == 0 ? "||" : random.nextInt(10) == 0 ? "\t" : ",");
                int shape = random.nextInt(10);
                String v = VALUES[random.nextInt(VALUES.length)];
                if (shape < 5) {
                    write(out, v);
                } else if (shape < 7) {
                    String q = random.nextBoolean() ? "\"" : "'";
                    write(out, (random.nextInt(4) == 0 ? " " : "") + q + v.replace("\"", random.nextBoolean() ? "\\\"" : "\"\"")
                            + (random.nextInt(8) == 0 ? "" : q) + (random.nextInt(6) == 0 ? " " : ""));
                } else if (shape < 9) {
                    for (int k = random.nextInt(6); k >= 0; k--) write(out, PIECES[random.nextInt(PIECES.length)]);
                } else {
                    out.writeBytes(INVALID[random.nextInt(INVALID.length)]);
                }
            }
            write(out, random.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) { out.writeBytes(s.getBytes(StandardCharsets.UTF_8)); }

    private static Object assertSameAsStringReader(Path file, Map<String, String> options, String schema, String projection, long splitBytes) {
        Object expected = read(file, options, schema, projection, splitBytes, false);
        Object actual = read(file, options, schema, projection, splitBytes, true);
        assertThat(actual).as("options %s, projection %s, splits of %d bytes", options, projection, splitBytes).isEqualTo(expected);
        return actual;
    }

    /** Every split's rows (values as Java objects, nulls as "<null>") and the dropped count, or the error's message. */
    private static Object read(Path file, Map<String, String> options, String schema, String projection, long splitBytes, boolean bytes) {
        List<Object> rows = new ArrayList<>();
        try {
            StructType full = DdlParser.parseSchema(schema);
            CsvOptions parsed = CsvOptions.forReading(new HashMap<>(options));
            CsvSource source = new CsvSource(LocalStorage.INSTANCE, List.of(file.toString()), full, parsed, splitBytes);
            StructType columns = projection == null ? full : DdlParser.parseSchema(projection);
            long dropped = 0;
            for (Split split : source.splits()) {
                try (BatchReader reader = bytes ? source.open(split, columns, List.of()) : source.openStringReader(split, columns)) {
                    if (bytes) assertThat(reader).isInstanceOf(CsvByteReader.class);
                    for (Batch b = reader.next(); b != null; b = reader.next()) {
                        for (int r = 0; r < b.rowCount(); r++) {
                            List<Object> row = new ArrayList<>();
                            for (int c = 0; c < b.columnCount(); c++) {
                                Object v = b.column(c).isNull(r) ? "<null>" : b.column(c).getObject(r);
                                row.add(v instanceof byte[] a ? "bytes:" + java.util.Arrays.toString(a) : v);
                            }
                            rows.add(row);
                        }
                    }
                    dropped += reader.droppedRecords();
                }
            }
            rows.add("dropped=" + dropped);
            return rows;
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }
}
