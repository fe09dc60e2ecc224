package dev.sluice;

import dev.sluice.io.CountingStorage;
import dev.sluice.plan.CachedRelation;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** localCheckpoint: rows computed once (now, or at the first action) and read from the session's store after. */
class LocalCheckpointTest {
    @TempDir Path dir;

    private Path numbers(int n) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) lines.add("{\"id\":" + i + "}");
        Path f = dir.resolve("n.jsonl");
        Files.write(f, lines);
        return f;
    }

    @Test void anEagerCheckpointReadsItsInputOnceAndNeverAgain() throws IOException {
        Path file = numbers(100);
        CountingStorage storage = CountingStorage.local();
        try (Sluice sluice = Sluice.builder().parallelism(2).storage(storage).build()) {
            DataFrame even = sluice.read().schema("id INT").json(file.toString()).filter(col("id").mod(2).equalTo(0));
            storage.reset();
            DataFrame checkpointed = even.localCheckpoint();
            assertThat(storage.totalOpens()).isPositive();            // eager: computed now
            assertThat(checkpointed.logicalPlan()).isInstanceOf(CachedRelation.class);
            assertThat(checkpointed.isCached()).isFalse();             // not a cache entry of the plan
            assertThat(even.isCached()).isFalse();

            Files.write(file, List.of("{\"id\":1000}"));              // the input changes: the checkpoint does not
            storage.reset();
            assertThat(checkpointed.count()).isEqualTo(50);
            assertThat(checkpointed.filter(col("id").lt(6)).collect()).extracting(r -> r.get(0)).containsExactlyInAnyOrder(0, 2, 4);
            assertThat(storage.totalOpens()).isZero();
            assertThat(even.count()).isEqualTo(1);                      // the original plan reads the file again

            checkpointed.unpersist();                                   // frees the rows; an action computes them again
            EmbeddedEngine engine = (EmbeddedEngine) sluice.engine();
            assertThat(engine.memoryPool().used()).isZero();
            assertThat(checkpointed.count()).isEqualTo(1);
        }
    }

    @Test void aLazyCheckpointComputesAtItsFirstAction() throws IOException {
        Path file = numbers(10);
        CountingStorage storage = CountingStorage.local();
        try (Sluice sluice = Sluice.builder().parallelism(2).storage(storage).build()) {
            DataFrame df = sluice.read().schema("id INT").json(file.toString());
            storage.reset();
            DataFrame checkpointed = df.localCheckpoint(false, StorageLevel.DISK_ONLY);
            assertThat(storage.totalOpens()).isZero();
            List<Row> rows = checkpointed.orderBy(col("id")).collect();
            assertThat(rows).hasSize(10);
            long opens = storage.totalOpens();
            assertThat(opens).isPositive();
            assertThat(checkpointed.orderBy(col("id")).collect()).isEqualTo(rows);
            assertThat(storage.totalOpens()).isEqualTo(opens);
        }
    }
}
