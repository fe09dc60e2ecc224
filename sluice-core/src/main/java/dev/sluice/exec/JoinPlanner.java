package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.Expression;
import dev.sluice.plan.Join;
import dev.sluice.plan.JoinType;
import dev.sluice.plan.SetOperation;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses how a join runs.
 * <ul>
 *   <li>Broadcast hash join when a side that may be the build side is hinted ({@code broadcast(df)}) or
 *       estimated under the broadcast threshold (the smaller one if both are). The build side must not be a
 *       side whose unmatched rows come out: left for inner/right outer, right for inner/left outer/semi/anti;
 *       a full outer join is never broadcast.</li>
 *   <li>Without equi-join keys: a broadcast nested loop join over the smaller allowed side; a full outer join
 *       without keys runs in one partition.</li>
 *   <li>Otherwise a shuffled hash join: both sides hash-partitioned by their keys into the session's shuffle
 *       partitions, the smaller side (by estimate; right when unknown) built where the join type allows.</li>
 * </ul>
 */
final class JoinPlanner {
    private JoinPlanner() {}

    /**
     * A shuffled join whose sides read the same rows ({@code shared}, null when they do not) exchanges them
     * once. Every choice (broadcast, build side) is made on the unshared sides, so the plan means the same.
     */
    static ExecNode plan(Join join, ExecNode left, ExecNode right, PlannerContext ctx, SharedExchangeInput shared) {
        JoinType type = join.joinType() == JoinType.CROSS ? JoinType.INNER : join.joinType();
        StructType ls = left.schema();
        StructType rs = right.schema();
        JoinKeys keys = JoinKeys.extract(join.condition(), ls, rs);
        List<Expression> leftKeys = Binder.bindAll(keys.left(), ls);
        List<Expression> rightKeys = Binder.bindAll(keys.right(), rs);
        Expression residual = keys.residual() == null ? null : Binder.bind(keys.residual(), concat(ls, rs));
        boolean mayBuildLeft = type == JoinType.INNER || type == JoinType.RIGHT_OUTER;
        boolean mayBuildRight = type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER;
        long leftSize = SizeEstimates.of(left);
        long rightSize = SizeEstimates.of(right);

        Side broadcast = broadcastSide(join, mayBuildLeft, mayBuildRight, leftSize, rightSize, ctx.broadcastThreshold());
        if (broadcast == null && leftKeys.isEmpty() && (mayBuildLeft || mayBuildRight)) {
            broadcast = mayBuildLeft && mayBuildRight ? smaller(leftSize, rightSize) : (mayBuildRight ? Side.RIGHT : Side.LEFT);
        }
        if (broadcast != null) {
            boolean probeIsLeft = broadcast == Side.RIGHT;
            JoinSpec spec = new JoinSpec(type, leftKeys, rightKeys, keys.nullSafe(), residual, probeIsLeft, join.schema(), ls, rs,
                    ctx.batchSize());
            ExecNode build = probeIsLeft ? right : left;
            BroadcastExchangeExec exchange = new BroadcastExchangeExec(build, spec.buildKeys(), keys.nullSafe(), ctx.memoryPool());
            return new BroadcastHashJoinExec(probeIsLeft ? left : right, exchange, spec, ctx.memoryPool());
        }
        Partitioning lp = leftKeys.isEmpty() ? new Partitioning.Single() : new Partitioning.Hash(leftKeys, ctx.shufflePartitions());
        Partitioning rp = leftKeys.isEmpty() ? new Partitioning.Single() : new Partitioning.Hash(rightKeys, ctx.shufflePartitions());
        ExecNode[] once = shared == null ? null : shared.exchanges(leftKeys, rightKeys, ls, rs, ctx.shufflePartitions(), ctx);
        ExecNode le = once != null ? once[0] : Metered.wrap(new ExchangeExec(left, lp, ctx.memoryPool(), ctx.batchSize()));
        ExecNode re = once != null ? once[1] : Metered.wrap(new ExchangeExec(right, rp, ctx.memoryPool(), ctx.batchSize()));
        boolean probeIsLeft = !mayBuildLeft || (mayBuildRight && smaller(leftSize, rightSize) == Side.RIGHT);
        JoinSpec spec = new JoinSpec(type, leftKeys, rightKeys, keys.nullSafe(), residual, probeIsLeft, join.schema(), ls, rs,
                ctx.batchSize());
        return new ShuffledHashJoinExec(le, re, spec, ctx.memoryPool());
    }

    /**
     * {@code input} (a planned node), told which of its output columns {@code projections} (bound to its schema)
     * read, when it is a hash join and they are plain columns: a join under a projection then leaves the columns
     * nobody reads unbuilt ({@link JoinSpec#reading}), e.g. every column under {@code count()}. Anything else as is.
     */
    static ExecNode readBy(ExecNode input, List<Expression> projections) {
        ExecNode inner = Metered.unwrap(input);
        if (!(inner instanceof ShuffledHashJoinExec) && !(inner instanceof BroadcastHashJoinExec)) return input;
        boolean[] read = new boolean[inner.schema().size()];
        for (Expression p : projections) {
            if (!(p instanceof BoundColumn b) || b.index() >= read.length) return input;
            read[b.index()] = true;
        }
        ExecNode narrowed = inner instanceof ShuffledHashJoinExec s ? s.reading(read) : ((BroadcastHashJoinExec) inner).reading(read);
        if (narrowed == inner) return input;
        return input instanceof Metered.MeteredNode ? Metered.wrap(narrowed) : narrowed;
    }

    /** Both inputs exchanged by all their columns, then counted and compared per partition. */
    static ExecNode planSetOperation(SetOperation op, ExecNode left, ExecNode right, PlannerContext ctx) {
        ExecNode le = Metered.wrap(new ExchangeExec(left, new Partitioning.Hash(allColumns(left.schema()), ctx.shufflePartitions()),
                ctx.memoryPool(), ctx.batchSize()));
        ExecNode re = Metered.wrap(new ExchangeExec(right, new Partitioning.Hash(allColumns(right.schema()), ctx.shufflePartitions()),
                ctx.memoryPool(), ctx.batchSize()));
        return new SetOperationExec(le, re, op, op.schema(), ctx.memoryPool());
    }

    private enum Side { LEFT, RIGHT }

    private static Side broadcastSide(Join join, boolean mayBuildLeft, boolean mayBuildRight, long leftSize, long rightSize,
                                      long threshold) {
        boolean hintLeft = join.hint().broadcastLeft() && mayBuildLeft;
        boolean hintRight = join.hint().broadcastRight() && mayBuildRight;
        if (hintLeft && hintRight) return smaller(leftSize, rightSize);
        if (hintRight) return Side.RIGHT;
        if (hintLeft) return Side.LEFT;
        boolean smallLeft = mayBuildLeft && fits(leftSize, threshold);
        boolean smallRight = mayBuildRight && fits(rightSize, threshold);
        if (smallLeft && smallRight) return smaller(leftSize, rightSize);
        if (smallRight) return Side.RIGHT;
        if (smallLeft) return Side.LEFT;
        return null;
    }

    private static boolean fits(long size, long threshold) { return threshold > 0 && size >= 0 && size <= threshold; }

    /** The side with the smaller known estimate; right when unknown or equal (Spark builds right by default). */
    private static Side smaller(long leftSize, long rightSize) {
        if (leftSize >= 0 && (rightSize < 0 || leftSize < rightSize)) return Side.LEFT;
        return Side.RIGHT;
    }

    private static StructType concat(StructType a, StructType b) {
        List<StructField> fields = new ArrayList<>(a.fields());
        fields.addAll(b.fields());
        return new StructType(fields);
    }

    private static List<Expression> allColumns(StructType schema) {
        List<Expression> out = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            StructField f = schema.field(i);
            out.add(new BoundColumn(i, f.name(), f.dataType(), f.nullable()));
        }
        return out;
    }
}
