package dev.sluice;

import dev.sluice.types.Row;

import java.util.ArrayList;
import java.util.List;

/** Sessions and row helpers shared by the aggregation tests. */
final class AggregateTestSupport {
    private AggregateTestSupport() {}

    /** Small batches and several partitions, so partial states really are merged across partitions. */
    static Sluice session(int parallelism) {
        return Sluice.builder().parallelism(parallelism).batchSize(parallelism == 1 ? 3 : 2).shufflePartitions(3).build();
    }

    /** The rows as text, sorted (row order is only defined after orderBy). */
    static List<String> sorted(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collect()) out.add(r.toString());
        out.sort(null);
        return out;
    }

    /** Column name: type, with NOT NULL where the column cannot be null. */
    static List<String> schema(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (var f : df.schema().fields()) out.add(f.name() + ":" + f.dataType().simpleString() + (f.nullable() ? "" : " NOT NULL"));
        return out;
    }
}
