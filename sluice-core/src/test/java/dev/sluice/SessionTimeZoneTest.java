package dev.sluice;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.date_format;
import static dev.sluice.functions.from_unixtime;
import static dev.sluice.functions.hour;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.unix_timestamp;
import static org.assertj.core.api.Assertions.assertThat;

/** The session time zone (Spark's spark.sql.session.timeZone) reaches casts, functions, show() and readers. */
class SessionTimeZoneTest {
    private static final StructType SCHEMA = StructType.fromDDL("ts TIMESTAMP");
    private static final Instant NOON_UTC = Instant.parse("2024-07-01T12:00:00Z");

    private static Sluice session(String zone) {
        return Sluice.builder().parallelism(2).timeZone(ZoneId.of(zone)).build();
    }

    @Test void castsAndFieldFunctionsUseTheSessionZone() {
        try (Sluice la = session("America/Los_Angeles"); Sluice utc = session("UTC")) {
            for (Sluice s : List.of(la, utc)) {
                DataFrame df = s.createDataFrame(List.of(Row.of(SCHEMA, NOON_UTC)), SCHEMA)
                        .select(col("ts").cast("string"), hour(col("ts")), date_format(col("ts"), "yyyy-MM-dd HH:mm z"),
                                lit("2024-07-01 00:00:00").cast("timestamp"), unix_timestamp(lit("2024-07-01 00:00:00")),
                                from_unixtime(lit(0L)));
                Row row = df.collect().get(0);
                if (s == la) {
                    assertThat(row.get(0)).isEqualTo("2024-07-01 05:00:00");
                    assertThat(row.get(1)).isEqualTo(5);
                    assertThat(row.get(2)).isEqualTo("2024-07-01 05:00 PDT");
                    assertThat(row.get(3)).isEqualTo(Instant.parse("2024-07-01T07:00:00Z"));
                    assertThat(row.get(4)).isEqualTo(1719817200L);
                    assertThat(row.get(5)).isEqualTo("1969-12-31 16:00:00");
                } else {
                    assertThat(row.get(0)).isEqualTo("2024-07-01 12:00:00");
                    assertThat(row.get(1)).isEqualTo(12);
                    assertThat(row.get(2)).isEqualTo("2024-07-01 12:00 UTC");
                    assertThat(row.get(3)).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
                    assertThat(row.get(4)).isEqualTo(1719792000L);
                    assertThat(row.get(5)).isEqualTo("1970-01-01 00:00:00");
                }
            }
        }
    }

    @Test void showPrintsTimestampsInTheSessionZone() {
        try (Sluice la = session("America/Los_Angeles")) {
            String shown = la.createDataFrame(List.of(Row.of(SCHEMA, NOON_UTC)), SCHEMA).showString(20, 20, false);
            assertThat(shown).contains("2024-07-01 05:00:00");
        }
    }

    @Test void readersTakeTimestampsWithoutAZoneInTheSessionZone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.csv"), "2024-07-01 05:00:00\n");
        Files.writeString(dir.resolve("t.json"), "{\"ts\":\"2024-07-01 05:00:00\"}\n");
        try (Sluice la = session("America/Los_Angeles")) {
            assertThat(la.read().schema("ts TIMESTAMP").csv(dir.resolve("t.csv").toString()).collect().get(0).get(0)).isEqualTo(NOON_UTC);
            assertThat(la.read().schema("ts TIMESTAMP").json(dir.resolve("t.json").toString()).collect().get(0).get(0)).isEqualTo(NOON_UTC);
        }
    }
}
