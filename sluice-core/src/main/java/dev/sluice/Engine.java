package dev.sluice;

import dev.sluice.exec.CloseableIterator;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.types.Row;

import java.util.List;

/**
 * What runs a DataFrame's actions on an analyzed plan: the embedded engine by default, or another engine
 * (Apache Spark, in module sluice-spark) that runs the same plan. Every engine gives the same rows.
 */
public interface Engine extends AutoCloseable {
    /** Short name for reports and errors: {@code embedded}, {@code spark}. */
    String name();

    long count(LogicalPlan plan);

    /** Every row, in partition order. */
    List<Row> collect(LogicalPlan plan);

    /** The rows streamed with bounded memory; close to stop early. */
    CloseableIterator<Row> toLocalIterator(LogicalPlan plan);

    /**
     * The result as batches (read-only), streamed with bounded memory in the order of {@link #toLocalIterator}; close
     * to stop early. For consumers that write columns (Spark Connect's Arrow results). This default builds batches
     * from {@link #toLocalIterator}'s rows; the embedded engine hands over its own batches.
     */
    default CloseableIterator<dev.sluice.vector.Batch> toLocalBatches(LogicalPlan plan) {
        return new RowBatches(plan.schema(), toLocalIterator(plan), dev.sluice.vector.Batch.DEFAULT_SIZE);
    }

    WriteResult write(LogicalPlan plan, WriteRequest request);

    /** Explain text: the physical plan, or with {@code extended} the analyzed and optimized plans too. */
    String explain(LogicalPlan plan, boolean extended);

    /**
     * Explain text in one of Spark's modes ({@code simple}, {@code extended}, {@code codegen}, {@code cost},
     * {@code formatted}) or Sluice's {@code analyze} (runs the query, then shows what each operator did). This default
     * knows simple and extended only; engines that can do more override it.
     */
    default String explain(LogicalPlan plan, String mode) {
        return switch (ExplainModes.parse(mode)) {
            case "simple" -> explain(plan, false);
            case "extended" -> explain(plan, true);
            default -> throw ExplainModes.unsupported(mode, name());
        };
    }

    /**
     * Calls {@code function} once per partition with its rows. This default streams the rows to the calling thread
     * (one partition after another); the embedded engine calls it on its workers, one task per partition.
     */
    default void foreachPartition(LogicalPlan plan, ForeachPartitionFunction function) {
        try (CloseableIterator<Row> rows = toLocalIterator(plan)) {
            function.call(rows);
        } catch (dev.sluice.error.SluiceException e) {
            throw e;
        } catch (Exception e) {
            throw UserFunctions.failed("foreachPartition", e);
        }
    }

    /**
     * This engine for another session sharing it ({@link Sluice#newSession}): the same workers, with that
     * session's runtime settings. Engines whose settings are read from the session itself return themselves.
     */
    default Engine forSession(RuntimeConfig sessionConf) { return this; }

    /** Cancels every running job. */
    void cancelAll();

    @Override void close();
}
