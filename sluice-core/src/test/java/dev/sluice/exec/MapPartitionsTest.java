package dev.sluice.exec;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** mapPartitions: a function over each whole partition, streamed, with the partition's index. */
class MapPartitionsTest {
    private static DataFrame ids(Sluice sluice, int n) {
        StructType schema = StructType.of(StructField.of("id", DataTypes.LONG));
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < n; i++) rows.add(Row.of(schema, i));
        return sluice.createDataFrame(rows, schema);
    }

    @Test void seesEachPartitionWholeWithItsIndex() {
        StructType out = StructType.of(StructField.of("partition", DataTypes.INT), StructField.of("rows", DataTypes.LONG),
                StructField.of("sum", DataTypes.LONG));
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame counted = ids(sluice, 10_000).repartition(3).mapPartitions((partition, rows) -> {
                long n = 0, sum = 0;
                while (rows.hasNext()) {
                    n++;
                    sum += (Long) rows.next().get(0);
                }
                return List.of(Row.of(out, partition, n, sum)).iterator();
            }, out);
            List<Row> result = counted.orderBy("partition").collectAsList();
            assertThat(result).extracting(r -> r.get(0)).containsExactly(0, 1, 2);
            assertThat(result).extracting(r -> (Long) r.get(1)).allSatisfy(n -> assertThat(n).isBetween(3333L, 3334L));
            assertThat(result.stream().mapToLong(r -> (Long) r.get(2)).sum()).isEqualTo(10_000L * 9_999 / 2);
            assertThat(counted.explainString("extended")).contains("MapPartitions");
        }
    }

    @Test void streamsAndPrunesNothingItNeeds() {
        StructType out = StructType.of(StructField.of("twice", DataTypes.LONG));
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame df = ids(sluice, 20_000).withColumn("other", col("id").plus(1)).mapPartitions((p, rows) -> new Iterator<>() {
                @Override public boolean hasNext() { return rows.hasNext(); }

                @Override public Row next() {
                    Row r = rows.next();
                    return Row.of(out, (Long) r.get(0) + (Long) r.get(1));
                }
            }, out).filter(col("twice").gt(39_990));
            assertThat(df.count()).isEqualTo(5);   // 2 * id + 1 > 39990 for ids 19995..19999
        }
    }

    /** An output iterator holding a resource (the connect server's Python worker) is closed when the consumer stops early. */
    @Test void closesAnAutoCloseableOutputWhenTheConsumerStopsEarly() {
        StructType out = StructType.of(StructField.of("id", DataTypes.LONG));
        java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
        final class Closing implements Iterator<Row>, AutoCloseable {
            private final Iterator<Row> rows;
            Closing(Iterator<Row> rows) { this.rows = rows; }
            @Override public boolean hasNext() { return rows.hasNext(); }
            @Override public Row next() { return Row.of(out, rows.next().get(0)); }
            @Override public void close() { closed.incrementAndGet(); }
        }
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            DataFrame df = ids(sluice, 50_000).coalesce(1).mapPartitions((p, rows) -> new Closing(rows), out);
            assertThat(df.limit(3).collectAsList()).hasSize(3);
            assertThat(closed.get()).isEqualTo(1);
        }
    }
}
