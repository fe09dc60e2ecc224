package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.plan.Explain;
import dev.sluice.plan.JoinType;
import dev.sluice.types.StructType;

import java.util.List;

/** What both join operators need to know; keys bound to their side, the residual to left ++ right. */
record JoinSpec(JoinType joinType, List<Expression> leftKeys, List<Expression> rightKeys, boolean[] nullSafe,
                Expression residual, boolean probeIsLeft, StructType schema, StructType leftSchema, StructType rightSchema,
                int batchSize) {
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
        return new JoinStream(probe, table, probeKeys(), nullSafe, residual, mode(), probeIsLeft, probeOuter(), buildOuter(),
                probeSchema, buildSchema(), batchSize, ctx, onClose);
    }

    String describe() {
        StringBuilder sb = new StringBuilder(joinType.displayName());
        if (!leftKeys.isEmpty()) sb.append(", keys=").append(Explain.expressions(leftKeys)).append(" = ").append(Explain.expressions(rightKeys));
        if (residual != null) sb.append(", condition=").append(Explain.expression(residual));
        return sb.append(", build=").append(probeIsLeft ? "right" : "left").toString();
    }
}
