package dev.sluice.expr;

/**
 * What a {@link PlanColumn} belongs to (a DataFrame's plan, one side of a join). Implemented by the plan
 * layer, which alone knows plans; expressions only carry it to the analyzer.
 */
public interface ColumnOwner {
    /** For messages: which input the column was asked of. */
    String describe();
}
