package dev.sluice.io.orc;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** ORC written and read back by Sluice: every Spark type ORC holds, projection, compression codecs, options. */
class OrcFormatTest {
    static final StructType SCHEMA = DdlParser.parseSchema("id BIGINT, b BOOLEAN, t TINYINT, s SMALLINT, i INT, f FLOAT, d DOUBLE, "
            + "name STRING, bin BINARY, day DATE, at TIMESTAMP, ntz TIMESTAMP_NTZ, amount DECIMAL(20,3), tags ARRAY<STRING>, "
            + "attrs MAP<STRING, BIGINT>, user STRUCT<id: BIGINT, country: STRING, scores: ARRAY<DOUBLE>>");
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static List<Row> rows(int n) {
        StructType user = (StructType) SCHEMA.field(15).dataType();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Long> attrs = new LinkedHashMap<>();
            attrs.put("k" + i, i * 1_000_000_007L);
            if (i % 3 == 0) attrs.put("none", null);
            rows.add(new Row(SCHEMA, new Object[] {(long) i, i % 2 == 0, (byte) (i - 128), (short) (i * 7), i * 1000, i / 4f, i / 3.0,
                    i % 5 == 0 ? null : "name " + i + " é😀", new byte[] {(byte) i, 0, -1}, LocalDate.of(1969, 12, 25).plusDays(i),
                    Instant.parse("1969-12-31T23:59:58.999999Z").plusSeconds(i * 3601L), LocalDateTime.of(2026, 1, 1, 0, 0).plusNanos(i * 1000L),
                    new BigDecimal(i + ".125").negate(), i % 4 == 0 ? List.of() : java.util.Arrays.asList("a" + i, null),
                    i % 6 == 0 ? null : attrs, i % 8 == 0 ? null : new Row(user, new Object[] {(long) i, null, List.of(1.5, (double) i)})}));
        }
        return rows;
    }

    static List<Row> sorted(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(r -> (Long) r.get(0)));
        return out;
    }

    static void assertSameRows(List<Row> got, List<Row> expected) {
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
            for (int c = 0; c < SCHEMA.size(); c++) {
                Object a = got.get(i).get(c), b = expected.get(i).get(c);
                if (a instanceof byte[] x) assertThat(x).isEqualTo((byte[]) b);
                else assertThat(a).as("row %d column %s", i, SCHEMA.field(c).name()).isEqualTo(b);
            }
        }
    }

    @Test void roundTripsEveryTypeWithEachCodec() {
        for (String codec : List.of("none", "zlib", "snappy", "zstd", "lz4")) {
            String out = dir.resolve("all-" + codec).toString();
            sluice.createDataFrame(rows(5000), SCHEMA).repartition(3).write().option("compression", codec).format("orc").save(out);
            DataFrame back = sluice.read().format("orc").load(out);
            assertThat(back.schema()).isEqualTo(SCHEMA);
            assertSameRows(sorted(back.collect()), rows(5000));
        }
    }

    @Test void readsOnlyTheProjectedColumnsAndNestedFields() {
        String out = dir.resolve("proj").toString();
        sluice.createDataFrame(rows(100), SCHEMA).write().format("orc").save(out);
        List<Row> got = sluice.read().format("orc").load(out).filter(dev.sluice.functions.col("id").lt(3))
                .select(dev.sluice.functions.col("user.scores"), dev.sluice.functions.col("name")).collect();
        assertThat(got).extracting(Row::toString).containsExactly("[null,null]", "[[1.5, 1.0],name 1 é😀]", "[[1.5, 2.0],name 2 é😀]");
        // a column the files lack reads as NULL (as Spark by name)
        List<Row> extra = sluice.read().schema("id BIGINT, missing STRING").format("orc").load(out).limit(1).collect();
        assertThat(extra.get(0).get(1)).isNull();
    }

    @Test void codecsNameTheFilesAsSpark() throws IOException {
        String out = dir.resolve("names").toString();
        sluice.createDataFrame(rows(10), SCHEMA).repartition(1).write().option("compression", "snappy").format("orc").save(out);
        try (Stream<Path> files = Files.list(Path.of(out))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".snappy.orc")).count()).isEqualTo(1);
        }
    }

    @Test void refusesAnUnknownCodecAndOption() {
        DataFrame df = sluice.createDataFrame(rows(1), SCHEMA);
        assertThat(code(() -> df.write().option("compression", "brotli").format("orc").save(dir.resolve("bad").toString())))
                .isEqualTo(ErrorCode.INVALID_OPTION);
        assertThat(code(() -> df.write().option("orc.bloom", "x").format("orc").save(dir.resolve("bad2").toString())))
                .isEqualTo(ErrorCode.INVALID_OPTION);
    }

    static ErrorCode code(Runnable r) {
        try {
            r.run();
        } catch (SluiceException e) {
            return e.code();
        }
        throw new AssertionError("no error");
    }
}
