package dev.sluice.plan;

import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Rows of a cached query (Spark's {@code InMemoryRelation}): put in place of a sub-plan equal to a cached one when an
 * action runs, so the action reads the stored batches instead of recomputing them. A leaf: its output is the cached
 * plan's schema.
 */
public record CachedRelation(CachedData data) implements LogicalPlan {
    public CachedRelation {
        requireNonNull(data, "data");
    }

    @Override public StructType schema() { return data.plan().schema(); }

    @Override public List<LogicalPlan> children() { return List.of(); }

    @Override public CachedRelation withChildren(List<LogicalPlan> children) { return this; }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitCachedRelation(this); }

    /** Identity of the cache entry: two relations are equal only when they read the same stored rows. */
    @Override public boolean equals(Object o) { return o instanceof CachedRelation c && c.data == data; }

    @Override public int hashCode() { return System.identityHashCode(data); }
}
