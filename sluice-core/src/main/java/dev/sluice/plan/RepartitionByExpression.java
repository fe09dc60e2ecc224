package dev.sluice.plan;

import dev.sluice.expr.Expression;
import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code repartition(n, cols)}, {@code repartitionByRange(n, cols)}, SQL's {@code DISTRIBUTE BY} and the
 * {@code REPARTITION} hints: the same rows in {@code partitions} partitions (0: {@code spark.sql.shuffle.partitions}
 * when the query runs), by a shuffle. {@link Kind#HASH} sends a row to {@code pmod(hash(keys), n)} as Spark does, so
 * equal keys meet and partition contents match Spark's; {@link Kind#RANGE} cuts the rows at bounds sampled from the
 * keys (ascending unless the key is a sort order), so each partition holds one range; {@link Kind#DIRECT}
 * ({@code repartitionById}) has one integral key whose value, {@code pmod(key, n)}, is the partition (Spark's
 * {@code direct_shuffle_partition_id}).
 */
public record RepartitionByExpression(LogicalPlan input, List<Expression> keys, int partitions, Kind kind) implements LogicalPlan {
    public enum Kind { HASH, RANGE, DIRECT }

    public RepartitionByExpression {
        requireNonNull(input, "input");
        requireNonNull(kind, "kind");
        keys = List.copyOf(keys);
        if (partitions < 0) throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
        if (kind == Kind.DIRECT && (keys.size() != 1 || partitions == 0)) throw new IllegalArgumentException("DIRECT takes one key and a number of partitions");
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public RepartitionByExpression withChildren(List<LogicalPlan> children) {
        return new RepartitionByExpression(LogicalPlan.only(children), keys, partitions, kind);
    }

    public RepartitionByExpression withKeys(List<Expression> newKeys) { return new RepartitionByExpression(input, newKeys, partitions, kind); }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitRepartitionByExpression(this); }
}
