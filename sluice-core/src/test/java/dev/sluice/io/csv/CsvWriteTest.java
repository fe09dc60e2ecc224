package dev.sluice.io.csv;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.sluice.io.csv.CsvReadTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing CSV: the expected text is what Spark 4.1.1 wrote for the same rows and options. */
class CsvWriteTest {
    static final StructType SCHEMA = StructType.fromDDL(
            "id INT, s STRING, dbl DOUBLE, dec DECIMAL(10,2), d DATE, ts TIMESTAMP, b BOOLEAN, flt FLOAT");

    @TempDir Path dir;
    static Sluice sluice;

    @BeforeAll static void setUp() { sluice = Sluice.builder().parallelism(1).build(); }

    @AfterAll static void tearDown() { sluice.close(); }

    static DataFrame frame() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(SCHEMA, 1, "plain", 1.5, new BigDecimal("1.50"), LocalDate.of(2026, 10, 1),
                Instant.parse("2026-10-01T12:30:00.123456Z"), true, 2.5f));
        rows.add(Row.of(SCHEMA, 2, "a,b", null, null, null, null, null, 1e10f));
        rows.add(Row.of(SCHEMA, 3, "a\"b", Double.NaN, new BigDecimal("-0.01"), LocalDate.of(1, 1, 1),
                Instant.parse("2026-10-01T00:00:00Z"), false, null));
        rows.add(Row.of(SCHEMA, 4, "", 1e10, null, null, null, null, null));
        rows.add(Row.of(SCHEMA, 5, " lead", null, null, null, null, null, null));
        rows.add(Row.of(SCHEMA, 6, "line\nbreak", null, null, null, null, null, null));
        rows.add(Row.of(SCHEMA, 7, "back\\slash", null, null, null, null, null, null));
        rows.add(Row.of(SCHEMA, 8, null, null, null, null, null, null, null));
        rows.add(Row.of(SCHEMA, 9, "\\\"", null, null, null, null, null, null));
        rows.add(Row.of(SCHEMA, 10, "semi;colon", null, null, null, null, null, null));
        return sluice.createDataFrame(rows, SCHEMA);
    }

    private String written(String name, String... options) throws IOException {
        Path out = dir.resolve(name);
        var writer = frame().write().mode("overwrite");
        for (int i = 0; i < options.length; i += 2) writer = writer.option(options[i], options[i + 1]);
        writer.csv(out.toString());
        StringBuilder sb = new StringBuilder();
        for (Path p : parts(out)) {
            try (InputStream in = dev.sluice.io.Compression.forPath(p.toString()).decompress(Files.newInputStream(p))) {
                sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    static List<Path> parts(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    @Test void writesValuesAsSparksCsvWriter() throws IOException {
        assertThat(written("default")).isEqualTo(""
                + "1,plain,1.5,1.50,2026-10-01,2026-10-01T12:30:00.123Z,true,2.5\n"
                + "2,\"a,b\",,,,,,1.0E10\n"
                + "3,\"a\\\"b\",NaN,-0.01,0001-01-01,2026-10-01T00:00:00.000Z,false,\n"
                + "4,\"\",1.0E10,,,,,\n"
                + "5,lead,,,,,,\n"
                + "6,\"line\nbreak\",,,,,,\n"
                + "7,back\\slash,,,,,,\n"
                + "8,,,,,,,\n"
                + "9,\"\\\\\\\"\",,,,,,\n"
                + "10,semi;colon,,,,,,\n");
    }

    @Test void headerQuoteAllAndEscape() throws IOException {
        assertThat(written("header", "header", "true")).startsWith("id,s,dbl,dec,d,ts,b,flt\n1,plain,");
        String quoteAll = written("quoteAll", "quoteAll", "true");
        assertThat(quoteAll).contains("\"2\",\"a,b\",\"\",\"\",\"\",\"\",\"\",\"1.0E10\"\n")
                .contains("\"7\",\"back\\\\slash\",").contains("\"4\",\"\",\"1.0E10\"");
        String escape = written("escape", "escape", "\"");
        assertThat(escape).contains("3,\"a\"\"b\",").contains("9,\"\\\"\"\",");
    }

    @Test void nullValueEmptyValueSeparatorAndQuote() throws IOException {
        assertThat(written("nv", "nullValue", "NA", "emptyValue", "EMPTY"))
                .contains("2,\"a,b\",NA,NA,NA,NA,NA,1.0E10\n").contains("4,EMPTY,1.0E10,NA,NA,NA,NA,NA\n");
        assertThat(written("sep", "sep", ";")).contains("2;a,b;;;").contains("10;\"semi;colon\";");
        assertThat(written("quote", "quote", "'")).contains("2,'a,b',").contains("3,a\"b,").contains("4,\"\",");
        assertThat(written("ws", "ignoreLeadingWhiteSpace", "false", "ignoreTrailingWhiteSpace", "false")).contains("5, lead,");
        assertThat(written("eq", "escapeQuotes", "false")).contains("3,a\"b,");
        assertThat(written("crlf", "lineSep", "\r\n")).startsWith("1,plain,1.5,1.50,2026-10-01,2026-10-01T12:30:00.123Z,true,2.5\r\n2,");
    }

    @Test void dateAndTimestampFormats() throws IOException {
        assertThat(written("fmt", "dateFormat", "dd/MM/yyyy", "timestampFormat", "yyyy-MM-dd HH:mm:ss"))
                .startsWith("1,plain,1.5,1.50,01/10/2026,2026-10-01 12:30:00,true,2.5\n");
    }

    @Test void roundTripsEveryValue() throws IOException {
        for (String[] options : List.of(new String[] {"header", "true"}, new String[] {"escape", "\"", "quoteAll", "true"},
                new String[] {"sep", "\t", "nullValue", "\\N"})) {
            Path out = dir.resolve("rt" + options.length + options[1].hashCode());
            var w = frame().write().mode("overwrite");
            var r = sluice.read().schema(SCHEMA).option("multiLine", "true");
            for (int i = 0; i < options.length; i += 2) {
                w = w.option(options[i], options[i + 1]);
                r = r.option(options[i], options[i + 1]);
            }
            w.option("ignoreLeadingWhiteSpace", "false").csv(out.toString());
            List<List<Object>> back = rows(r.csv(out.toString()));
            List<List<Object>> expected = rows(frame());
            expected.get(3).set(1, null);   // "" reads back as NULL, as in Spark (emptyValue equals nullValue)
            expected.get(0).set(5, Instant.parse("2026-10-01T12:30:00.123Z"));   // written with milliseconds
            if (options[1].equals("\t")) expected.get(3).set(1, "");  // with nullValue \N the empty string survives
            assertThat(back).as(String.join(" ", options)).isEqualTo(expected);
        }
    }

    @Test void compressionOptionWritesGzipAndZstd() throws IOException {
        for (String codec : List.of("gzip", "zstd", "none")) {
            Path out = dir.resolve("c_" + codec);
            frame().write().option("compression", codec).csv(out.toString());
            String ext = codec.equals("gzip") ? ".csv.gz" : codec.equals("zstd") ? ".csv.zst" : ".csv";
            assertThat(parts(out)).allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(ext)).isNotEmpty();
            assertThat(sluice.read().schema(SCHEMA).option("multiLine", "true").csv(out.toString()).count()).isEqualTo(10);
        }
        for (String format : List.of("json", "text")) {
            Path out = dir.resolve("z_" + format);
            frame().select("s").write().format(format).option("compression", "zstd").save(out.toString());
            assertThat(parts(out)).allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".zst")).isNotEmpty();
            assertThat(sluice.read().format(format).schema("s STRING").load(out.toString()).count()).isGreaterThanOrEqualTo(10);
        }
    }

    @Test void nestedColumnsCannotBeWritten() {
        StructType schema = StructType.fromDDL("a ARRAY<INT>");
        DataFrame df = sluice.createDataFrame(List.of(Row.of(schema, List.of(1, 2))), schema);
        assertThatThrownBy(() -> df.write().csv(dir.resolve("arr").toString()))
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        assertThat(dir.resolve("arr")).doesNotExist();
    }
}
