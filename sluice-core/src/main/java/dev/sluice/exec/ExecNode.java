package dev.sluice.exec;

import dev.sluice.types.StructType;

import java.util.List;

/**
 * A physical operator: produces the batches of one partition at a time. Built by the
 * {@link PhysicalPlanner} inside an action, so it may hold the splits the action listed.
 */
public interface ExecNode {
    StructType schema();

    /** How many partitions this operator's output has. */
    int partitionCount();

    BatchStream execute(int partition, TaskContext ctx);

    List<ExecNode> children();

    /** One line for explain: the operator's name and arguments, no children. */
    String describe();

    /** Hands a spilling operator its metrics (the planner's wrapper calls it), so spills are counted per operator. */
    default void attachMetrics(OperatorMetrics metrics) { }
}
