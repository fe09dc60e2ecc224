package dev.sluice.exec;

import dev.sluice.types.StructType;

import java.util.List;

/** The partitions of every input, one after another in input order; batches pass through untouched. */
public final class UnionExec implements ExecNode {
    private final List<ExecNode> inputs;
    private final StructType schema;

    public UnionExec(List<ExecNode> inputs, StructType schema) {
        this.inputs = List.copyOf(inputs);
        this.schema = schema;
    }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() {
        int n = 0;
        for (ExecNode input : inputs) n += input.partitionCount();
        return n;
    }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        int p = partition;
        for (ExecNode input : inputs) {
            if (p < input.partitionCount()) return input.execute(p, ctx);
            p -= input.partitionCount();
        }
        throw new IndexOutOfBoundsException("partition " + partition + " of " + partitionCount());
    }

    @Override public List<ExecNode> children() { return inputs; }

    @Override public String describe() { return "UnionExec"; }
}
