package dev.sluice.commit;

import dev.sluice.Sluice;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM writing a dataset ({@code kill -9}, Process.destroyForcibly) at random points, including
 * during its final renames: after each kill the target holds exactly the old data or exactly the new data,
 * and the next write recovers. {@code -Dsluice.crash.runs=200} runs longer (default 6 runs in the normal suite).
 */
class CrashInjectionTest {
    static final int ROWS = 20_000;
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    /** Rows per tag in the target as a reader sees it. */
    static Map<String, Long> state(Path target) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : sluice.read().schema("tag STRING, n INT").json(target.toString()).groupBy(col("tag")).count().collect()) {
            counts.put((String) r.get(0), (Long) r.get(1));
        }
        return counts;
    }

    /**
     * The state while writers run; empty when the read raced an overwrite deleting the files it had listed
     * (PATH_NOT_FOUND, as in Spark: a reader may fail, but never sees mixed data).
     */
    static java.util.Optional<Map<String, Long>> polled(Path target) {
        try {
            return java.util.Optional.of(new HashMap<>(state(target)));
        } catch (dev.sluice.error.SluiceException e) {
            if (e.code() != dev.sluice.error.ErrorCode.PATH_NOT_FOUND) throw e;
            return java.util.Optional.empty();
        }
    }

    static long measure(Path target, String mode, String tag) throws Exception {
        long start = System.nanoTime();
        Process p = WriterProcess.start(target, mode, tag, ROWS);
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("DONE");
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test void aWriterKilledAtAnyPointLeavesExactlyTheOldOrTheNewDataAndTheNextWriteRecovers() throws Exception {
        Path target = dir.resolve("crash target");
        long fullMillis = measure(target, "errorifexists", "v0");
        Map<String, Long> expected = new TreeMap<>(Map.of("v0", (long) ROWS));
        assertThat(state(target)).isEqualTo(expected);
        int runs = Integer.getInteger("sluice.crash.runs", 6);
        SplittableRandom random = new SplittableRandom(Long.getLong("sluice.crash.seed", 42));
        int sawOld = 0;
        int sawNew = 0;
        for (int run = 1; run <= runs; run++) {
            String tag = "v" + run;
            boolean overwrite = run % 2 == 1;
            // half the kills fall in the last part of the run (the commit), the others anywhere
            long delay = random.nextBoolean() ? (long) (fullMillis * (0.6 + 0.5 * random.nextDouble()))
                    : (long) (fullMillis * 1.1 * random.nextDouble());
            Process p = WriterProcess.start(target, overwrite ? "overwrite" : "append", tag, ROWS);
            boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, Long> after = new TreeMap<>(expected);
            if (overwrite) {
                after.clear();
            }
            after.put(tag, (long) ROWS);
            Map<String, Long> seen = state(target);
            assertThat(seen).as("run %d (%s, killed after %d ms)", run, overwrite ? "overwrite" : "append", delay)
                    .isIn(expected, after);
            if (seen.equals(after)) sawNew++;
            else sawOld++;
            expected = seen;
        }
        // a later write recovers cleanly: markers, lock and dead staging directories are gone
        sluice.read().schema("tag STRING, n INT").json(target.toString()).limit(10).write().mode("append").json(target.toString());
        Map<String, Long> finalState = state(target);
        assertThat(finalState.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum() + 10);
        try (Stream<Path> siblings = Files.list(dir)) {
            // a writer killed between creating its staging directory and finishing its _owner file leaves an empty,
            // ownerless directory; it is removed once older than a minute. Anything else must be gone.
            for (Path leftover : siblings.filter(p -> p.getFileName().toString().contains("sluice-")).toList()) {
                assertThat(leftover.getFileName().toString()).contains(".sluice-staging-");
                try (Stream<Path> inside = Files.walk(leftover)) {
                    assertThat(inside.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("_owner")))
                            .as("files in the leftover %s", leftover).isEmpty();
                }
                assertThat(dev.sluice.io.WriterOwner.readFrom(dev.sluice.io.LocalStorage.INSTANCE, leftover.resolve("_owner").toString()))
                        .as("owner of the leftover %s", leftover).isEmpty();
            }
        }
        try (Stream<Path> inside = Files.list(target)) {
            assertThat(inside.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("_sluice_"))).isEmpty();
        }
        System.out.println("crash injection: " + runs + " kills, old data kept " + sawOld + ", new data complete " + sawNew);
    }

    @Test void concurrentAppendsFromTwoProcessesLoseNothingAndReadersNeverSeeHalf() throws Exception {
        Path target = dir.resolve("shared");
        measure(target, "errorifexists", "base");
        Process a = WriterProcess.start(target, "append", "a", ROWS);
        Process b = WriterProcess.start(target, "append", "b", ROWS);
        List<Map<String, Long>> valid = List.of(Map.of("base", (long) ROWS), Map.of("base", (long) ROWS, "a", (long) ROWS),
                Map.of("base", (long) ROWS, "b", (long) ROWS), Map.of("base", (long) ROWS, "a", (long) ROWS, "b", (long) ROWS));
        while (a.isAlive() || b.isAlive()) {
            polled(target).ifPresent(seen -> assertThat(seen).isIn(valid));
            Thread.sleep(20);
        }
        assertThat(new String(a.getInputStream().readAllBytes())).contains("DONE");
        assertThat(new String(b.getInputStream().readAllBytes())).contains("DONE");
        assertThat(state(target)).isEqualTo(Map.of("base", (long) ROWS, "a", (long) ROWS, "b", (long) ROWS));
    }

    @Test void anOverwriteRacingAnAppendGivesOneOfTheTwoOrders() throws Exception {
        Path target = dir.resolve("raced");
        measure(target, "errorifexists", "base");
        Process over = WriterProcess.start(target, "overwrite", "o", ROWS);
        Process app = WriterProcess.start(target, "append", "a", ROWS);
        List<Map<String, Long>> valid = List.of(Map.of("base", (long) ROWS), Map.of("base", (long) ROWS, "a", (long) ROWS),
                Map.of("o", (long) ROWS), Map.of("o", (long) ROWS, "a", (long) ROWS));
        while (over.isAlive() || app.isAlive()) {
            polled(target).ifPresent(seen -> assertThat(seen).isIn(valid));
            Thread.sleep(20);
        }
        assertThat(new String(over.getInputStream().readAllBytes())).contains("DONE");
        assertThat(new String(app.getInputStream().readAllBytes())).contains("DONE");
        assertThat(new HashMap<>(state(target))).isIn(Map.of("o", (long) ROWS), Map.of("o", (long) ROWS, "a", (long) ROWS));
    }
}
