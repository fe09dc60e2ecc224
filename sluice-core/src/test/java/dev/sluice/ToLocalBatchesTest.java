package dev.sluice;

import dev.sluice.exec.CloseableIterator;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code toLocalBatches} gives the rows {@code toLocalIterator} gives, as batches; engines without batches get rows gathered. */
class ToLocalBatchesTest {
    private static final StructType SCHEMA = StructType.of(new StructField("id", DataTypes.LONG, false),
            new StructField("s", DataTypes.STRING, true));

    @Test void theEmbeddedEnginesBatchesHoldTheRowsOfToLocalIterator() {
        try (Sluice s = Sluice.builder().parallelism(2).build()) {
            DataFrame df = s.range(0, 10_000, 1, 3).withColumn("s", col("id").cast(DataTypes.STRING));
            List<Row> expected = new ArrayList<>();
            try (CloseableIterator<Row> it = df.toLocalIterator()) {
                it.forEachRemaining(expected::add);
            }
            assertThat(rowsOf(df.toLocalBatches(), df.schema())).isEqualTo(expected).hasSize(10_000);
        }
    }

    @Test void rowsAreGatheredIntoBatchesOfTheGivenSize() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) rows.add(Row.of(SCHEMA, (long) i, i % 3 == 0 ? null : "r" + i));
        RowBatches batches = new RowBatches(SCHEMA, closeable(rows.iterator()), 4);
        List<Integer> sizes = new ArrayList<>();
        List<Row> out = new ArrayList<>();
        while (batches.hasNext()) {
            Batch b = batches.next();
            sizes.add(b.rowCount());
            Rows.appendTo(out, SCHEMA, b);
        }
        assertThat(sizes).containsExactly(4, 4, 2);
        assertThat(out).isEqualTo(rows);
    }

    private static List<Row> rowsOf(CloseableIterator<Batch> batches, StructType schema) {
        List<Row> out = new ArrayList<>();
        try (batches) {
            while (batches.hasNext()) Rows.appendTo(out, schema, batches.next());
        }
        return out;
    }

    private static <T> CloseableIterator<T> closeable(Iterator<T> it) {
        return new CloseableIterator<>() {
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public T next() { return it.next(); }
            @Override public void close() { }
        };
    }
}
