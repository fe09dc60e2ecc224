package dev.sluice.exec;

import dev.sluice.memory.SpillFile;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/**
 * A broadcast build side that did not fit in its share of the memory budget, kept on disk instead: each input
 * partition's rows in {@link SpillPartitions#FANOUT} hash partitions of the build keys. Hash partition
 * {@code p} is the concatenation of every input partition's file {@code p}, in input partition order, so a
 * probe partition that splits its rows the same way joins each pair on its own (a grace hash join against a
 * shared, read-only build side) and the rows come out the same for any number of workers.
 */
final class SpilledBroadcast implements AutoCloseable {
    private final List<SpillPartitions> inputs;
    private final StructType schema;

    SpilledBroadcast(List<SpillPartitions> inputs, StructType schema) {
        this.inputs = List.copyOf(inputs);
        this.schema = schema;
    }

    /** The build rows of hash partition {@code p}; many readers may read at once. */
    BatchStream open(int p) {
        return new ConcatenatedStream(inputs.size(), i -> {
            SpillFile file = inputs.get(i).get(p);
            return file == null ? null : SpillPartitions.read(file, schema);
        });
    }

    @Override public void close() {
        for (SpillPartitions s : inputs) s.close();
    }
}
