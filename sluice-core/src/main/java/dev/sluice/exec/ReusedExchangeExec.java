package dev.sluice.exec;

import dev.sluice.types.StructType;

import java.util.List;

/**
 * A second reader of an exchange that appears elsewhere in the plan (Spark's ReusedExchange): it has no children, so
 * the scheduler runs the exchange's input stage once, where the exchange itself appears, and explain prints that
 * stage once. The exchange keeps each output partition until its last reader has read it
 * ({@link ExchangeExec#addReader}); the exchange must come first in the scheduler's bottom-up walk (the planner puts
 * it under the join's left side and this reader under the right side).
 */
final class ReusedExchangeExec implements ExecNode {
    private final ExchangeExec exchange;

    ReusedExchangeExec(ExchangeExec exchange) {
        this.exchange = exchange;
        exchange.addReader();
    }

    ExchangeExec exchange() { return exchange; }

    @Override public StructType schema() { return exchange.schema(); }

    @Override public int partitionCount() { return exchange.partitionCount(); }

    @Override public BatchStream execute(int partition, TaskContext ctx) { return exchange.execute(partition, ctx); }

    @Override public List<ExecNode> children() { return List.of(); }

    @Override public String describe() { return "ReusedExchangeExec: " + exchange.describePartitioning(); }
}
