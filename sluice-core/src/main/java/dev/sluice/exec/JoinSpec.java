package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.plan.Explain;
import dev.sluice.plan.JoinType;
import dev.sluice.types.StructType;

import java.util.List;

/**
 * What both join operators need to know; keys bound to their side, the residual to left ++ right. {@code read}: the
 * output columns the join's consumer reads (null: all of them); see {@link #reading}.
 */
record JoinSpec(JoinType joinType, List<Expression> leftKeys, List<Expression> rightKeys, boolean[] nullSafe,
                Expression residual, boolean probeIsLeft, StructType schema, StructType leftSchema, StructType rightSchema,
                int batchSize, boolean[] read) {
    JoinSpec(JoinType joinType, List<Expression> leftKeys, List<Expression> rightKeys, boolean[] nullSafe, Expression residual,
             boolean probeIsLeft, StructType schema, StructType leftSchema, StructType rightSchema, int batchSize) {
        this(joinType, leftKeys, rightKeys, nullSafe, residual, probeIsLeft, schema, leftSchema, rightSchema, batchSize, null);
    }

    /**
     * This join with output columns its consumer never reads ({@code read[c]} false) left unbuilt: matched pairs
     * carry a NULL constant there instead of the rows' values (a projection above the join, e.g. the empty one of
     * {@code count()}, would drop them; a grace pair's build values were copied out for every pair). Only for joins
     * whose output is both sides' columns and without a residual condition (which reads the pairs); otherwise this.
     */
    JoinSpec reading(boolean[] read) {
        if (residual != null || mode() != JoinStream.Mode.PAIRS || read.length != leftSchema.size() + rightSchema.size()) return this;
        boolean all = true;
        for (boolean r : read) all &= r;
        if (all) return this;
        return new JoinSpec(joinType, leftKeys, rightKeys, nullSafe, residual, probeIsLeft, schema, leftSchema, rightSchema, batchSize,
                read.clone());
    }

    /** Whether the consumer reads probe column {@code c} (build column when {@code !probe}). */
    boolean reads(boolean probe, int c) {
        if (read == null) return true;
        boolean left = probe == probeIsLeft;
        return read[left ? c : leftSchema.size() + c];
    }

    List<Expression> probeKeys() { return probeIsLeft ? leftKeys : rightKeys; }

    List<Expression> buildKeys() { return probeIsLeft ? rightKeys : leftKeys; }

    StructType buildSchema() { return probeIsLeft ? rightSchema : leftSchema; }

    boolean probeOuter() { return probeIsLeft ? joinType.keepsUnmatchedLeft() : joinType.keepsUnmatchedRight(); }

    boolean buildOuter() { return probeIsLeft ? joinType.keepsUnmatchedRight() : joinType.keepsUnmatchedLeft(); }

    JoinStream.Mode mode() {
        if (joinType == JoinType.LEFT_SEMI) return JoinStream.Mode.SEMI;
        if (joinType == JoinType.LEFT_ANTI) return JoinStream.Mode.ANTI;
        return JoinStream.Mode.PAIRS;
    }

    JoinStream stream(BatchStream probe, JoinHashTable table, boolean trackedBuild, TaskContext ctx, Runnable onClose) {
        if (buildOuter() && !trackedBuild) throw dev.sluice.error.SluiceException.internal("a broadcast build side cannot be outer");
        StructType probeSchema = probeIsLeft ? leftSchema : rightSchema;
        return new JoinStream(probe, table, this, probeSchema, ctx, onClose);
    }

    String describe() {
        StringBuilder sb = new StringBuilder(joinType.displayName());
        if (!leftKeys.isEmpty()) sb.append(", keys=").append(Explain.expressions(leftKeys)).append(" = ").append(Explain.expressions(rightKeys));
        if (residual != null) sb.append(", condition=").append(Explain.expression(residual));
        return sb.append(", build=").append(probeIsLeft ? "right" : "left").toString();
    }
}
