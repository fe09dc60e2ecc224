package dev.sluice.io;

import dev.sluice.Sluice;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** tinyint, smallint, timestamp_ntz and ANSI intervals written and read back as JSON and CSV, in Spark's text forms. */
class NewTypesTextFormatsTest {
    static final StructType SCHEMA = DdlParser.parseSchema(
            "id INT, b TINYINT, s SMALLINT, ntz TIMESTAMP_NTZ, ym INTERVAL YEAR TO MONTH, dt INTERVAL DAY TO SECOND");
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(2).build();
        sluice.conf().set("spark.sql.session.timeZone", "Asia/Tokyo");   // none of these types may depend on it
    }

    @AfterAll static void stop() { sluice.close(); }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(SCHEMA, 1, (byte) -128, (short) 32767, LocalDateTime.of(2021, 12, 6, 1, 2, 3, 456_000_000),
                Period.of(-1, -2, 0), Duration.ofHours(-34).minusMillis(5)));
        rows.add(Row.of(SCHEMA, 2, (byte) 127, (short) -32768, LocalDateTime.of(1969, 12, 31, 23, 59, 59), Period.of(1, 2, 0),
                Duration.ofSeconds(90)));
        rows.add(Row.of(SCHEMA, 3, null, null, null, null, null));
        return rows;
    }

    static List<Row> sorted(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(r -> (Integer) r.get(0)));
        return out;
    }

    static String text(Path out) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }

    @Test void jsonRoundTripsInSparksForms() throws IOException {
        Path out = dir.resolve("json");
        sluice.createDataFrame(rows(), SCHEMA).write().json(out.toString());
        assertThat(text(out)).contains("\"b\":-128", "\"s\":32767", "\"ntz\":\"2021-12-06T01:02:03.456\"",
                "\"ym\":\"INTERVAL '-1-2' YEAR TO MONTH\"", "\"dt\":\"INTERVAL '-1 10:00:00.005' DAY TO SECOND\"");
        List<Row> back = sorted(sluice.read().schema(SCHEMA).json(out.toString()).collect());
        assertThat(back).isEqualTo(rows());
    }

    @Test void csvRoundTripsInSparksForms() throws IOException {
        Path out = dir.resolve("csv");
        sluice.createDataFrame(rows(), SCHEMA).write().csv(out.toString());
        assertThat(text(out)).contains("1,-128,32767,2021-12-06T01:02:03.456,INTERVAL '-1-2' YEAR TO MONTH,INTERVAL '-1 10:00:00.005' DAY TO SECOND");
        List<Row> back = sorted(sluice.read().schema(SCHEMA).csv(out.toString()).collect());
        assertThat(back).isEqualTo(rows());
    }

    @Test void aTinyintOutOfRangeIsAMalformedRecord() throws IOException {
        Path in = dir.resolve("wide.json");
        Files.writeString(in, "{\"b\":1}\n{\"b\":300}\n");
        List<Row> rows = sluice.read().schema("b TINYINT, _corrupt_record STRING").json(in.toString()).collect();
        assertThat(rows).extracting(r -> r.get(0)).containsExactly((byte) 1, null);
        assertThat(rows.get(1).get(1)).isEqualTo("{\"b\":300}");
    }
}
