package dev.sluice.glue;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record-at-a-time throughput (map and filter over a 1M-row frame): rows per second and process CPU time.
 * A measurement, not a check: run with {@code -Dglue.bench=true}; the machine is shared, so compare ratios
 * within one run.
 */
@EnabledIfSystemProperty(named = "glue.bench", matches = "true")
class RecordThroughputBench {
    @TempDir Path dir;

    @Test void mapAndFilterOverAMillionRows() throws IOException {
        int n = Integer.getInteger("glue.bench.rows", 1_000_000);
        Path file = dir.resolve("rows.json");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"id\":" + i + ",\"name\":\"name-" + (i % 1000) + "\",\"score\":" + (i % 97) * 1.5
                        + ",\"address\":{\"city\":\"c" + (i % 50) + "\",\"zip\":" + (10000 + i % 900) + "}}\n");
            }
        }
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            GlueContext glue = new GlueContext(sluice);
            DataFrame df = sluice.read().schema("id BIGINT, name STRING, score DOUBLE, address STRUCT<city: STRING, zip: INT>").json(file.toString());
            DynamicFrame frame = DynamicFrame.fromDF(df, glue, "rows");
            long base = time("toDF().count() (no record work)", n, () -> frame.toDF().count());
            DynamicFrame mapped = frame.map(r -> {
                r.put("doubled", ((Double) r.get("score")) * 2);
                return r;
            });
            DynamicFrame withSchema = mapped.withFrameSchema(mapped.schema());
            long m = time("map + count", n, withSchema::count);
            long f = time("filter + count", n, () -> frame.filter(r -> ((Long) r.get("id")) % 3 == 0).count());
            // the Glue JSON source (columnar path, rows tagged for error lines) against Sluice's own JSON read
            long plain = time("read().json().count() (Sluice)", n, () -> sluice.read().json(file.toString()).count());
            DynamicFrame source = glue.createDynamicFrame().fromOptions("file", java.util.Map.of("paths", java.util.List.of(file.toString())), "json");
            source.schema();   // the schema pass, once
            long glueRead = time("Glue json source count()", n, source::count);
            assertThat(plain).isEqualTo(n);
            assertThat(glueRead).isEqualTo(n);
            assertThat(base).isEqualTo(n);
            assertThat(m).isEqualTo(n);
            assertThat(f).isEqualTo((n + 2) / 3);
        }
    }

    private static long time(String what, int n, java.util.function.LongSupplier action) {
        action.getAsLong();   // warm up
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        long result = action.getAsLong();
        long wall = System.nanoTime() - t0, cpu = os.getProcessCpuTime() - cpu0;
        System.out.printf("BENCH %-36s %,12.0f rows/s  wall %6d ms  cpu %6d ms%n", what, n / (wall / 1e9), wall / 1_000_000, cpu / 1_000_000);
        return result;
    }
}
