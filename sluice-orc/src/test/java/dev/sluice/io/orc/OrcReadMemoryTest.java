package dev.sluice.io.orc;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.BatchReader;
import dev.sluice.io.BufferBudget;
import dev.sluice.io.BufferBudgetScope;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.LocalStorage;
import dev.sluice.io.Split;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ORC's reader holds a stripe's included columns outside Sluice's vectors: a split charges them to the scan's memory
 * budget before its first batch (projected columns only) and gives them back when it closes; a stripe larger than the
 * budget fails with LIMIT_EXCEEDED naming the file instead of being read outside the budget.
 */
class OrcReadMemoryTest {
    static final StructType SCHEMA = DdlParser.parseSchema("id BIGINT, name STRING");
    @TempDir static Path dir;
    static String out;

    @BeforeAll static void write() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            List<Row> rows = new ArrayList<>();
            for (long i = 0; i < 100_000; i++) {
                rows.add(Row.of(SCHEMA, i, Long.toHexString(i * 0x9E3779B97F4A7C15L) + Long.toHexString(i * 0xBF58476D1CE4E5B9L)));
            }
            out = dir.resolve("one-stripe").toString();
            sluice.createDataFrame(rows, SCHEMA).repartition(1).write().format("orc").save(out);
        }
    }

    /** A budget of {@code limit} bytes recording the most charged at once and what is still charged. */
    static final class Recording implements BufferBudget {
        final long limit;
        long held;
        long peak;

        Recording(long limit) { this.limit = limit; }

        @Override public Charge open(String owner) {
            return new Charge() {
                long bytes;

                @Override public boolean tryGrow(long more) {
                    if (held + more > limit) return false;
                    bytes += more;
                    held += more;
                    peak = Math.max(peak, held);
                    return true;
                }

                @Override public long bytes() { return bytes; }

                @Override public void close() {
                    held -= bytes;
                    bytes = 0;
                }
            };
        }

        @Override public String describe() { return "a test budget of " + limit + " bytes"; }
    }

    /** Reads every split of the file with {@code projection} under {@code budget}: the rows read. */
    private static long read(StructType projection, BufferBudget budget) {
        var source = new OrcFileFormat().source(new FileSourceContext(new LocalStorage(), Map.of(), 1L << 30, 1000), List.of(out), SCHEMA);
        long n = 0;
        try (BufferBudgetScope scope = BufferBudgetScope.enter(budget)) {
            for (Split s : source.splits()) {
                try (BatchReader r = source.open(s, projection, List.of())) {
                    for (Batch b; (b = r.next()) != null; ) n += b.rowCount();
                }
            }
        }
        return n;
    }

    @Test void aSplitChargesItsStripesIncludedColumnsUntilItCloses() {
        Recording both = new Recording(1L << 30);
        assertThat(read(SCHEMA, both)).isEqualTo(100_000);
        assertThat(both.held).isZero();
        Recording idOnly = new Recording(1L << 30);
        assertThat(read(DdlParser.parseSchema("id BIGINT"), idOnly)).isEqualTo(100_000);
        assertThat(idOnly.held).isZero();
        // the names (about 30 random hex characters each) are most of the stripe: reading ids alone charges less
        assertThat(idOnly.peak).isPositive();
        assertThat(both.peak).isGreaterThan(idOnly.peak + 1_000_000);
    }

    @Test void aStripeLargerThanTheBudgetIsLimitExceededNamingTheFile() {
        assertThatThrownBy(() -> read(SCHEMA, new Recording(256 << 10)))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                    assertThat(e.fact("what")).contains("one-stripe");
                    assertThat(e.fact("remedy")).contains("orc.stripe.size");
                });
        try (Sluice small = Sluice.builder().parallelism(2).memoryBudget(256 << 10).build()) {
            assertThatThrownBy(() -> small.read().format("orc").load(out).select(col("name")).collectAsList())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED));
            // with the budget, the same file reads
            try (Sluice enough = Sluice.builder().parallelism(2).memoryBudget(64L << 20).build()) {
                assertThat(enough.read().format("orc").load(out).select(col("name")).count()).isEqualTo(100_000);
            }
        }
    }
}
