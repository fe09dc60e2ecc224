package dev.sluice.plan;

/**
 * A query the user cached ({@code df.cache()}, {@code CACHE TABLE}): the analyzed plan whose rows are kept once
 * computed, and how. Implemented by the session's cache (which also holds the stored batches); compared by identity.
 */
public interface CachedData {
    /** The analyzed plan whose rows are cached. */
    LogicalPlan plan();

    /** The storage level as Spark prints it: {@code StorageLevel(disk, memory, deserialized, 1 replicas)}. */
    String storageLevelText();

    /** The storage level's constant name ({@code MEMORY_AND_DISK}), as Spark's {@code StorageLevel.fromString} reads it. */
    String storageLevelName();

    /** The cached table's name ({@code CACHE TABLE t}), or null for a DataFrame cached by {@code cache()}. */
    String tableName();

    /** True once an action has computed and stored the rows. */
    boolean isMaterialized();
}
