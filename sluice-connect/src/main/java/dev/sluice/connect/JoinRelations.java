package dev.sluice.connect;

import dev.sluice.DataFrame;
import org.apache.spark.connect.proto.Join;
import org.apache.spark.connect.proto.SetOperation;

/** Joins (on a condition, USING columns, or none), as-of joins and set operations (union, intersect, except; by name). */
final class JoinRelations {
    private final RelationTranslator relations;

    JoinRelations(RelationTranslator relations) { this.relations = relations; }

    DataFrame join(Join j) {
        if (j.hasJoinDataType()) throw ConnectErrors.unsupported("typed joins (joinWith)", "Sluice joins rows, not objects");
        DataFrame left = relations.translate(j.getLeft());
        DataFrame right = relations.translate(j.getRight());
        String type = switch (j.getJoinType()) {
            case JOIN_TYPE_INNER, JOIN_TYPE_UNSPECIFIED -> "inner";
            case JOIN_TYPE_FULL_OUTER -> "full_outer";
            case JOIN_TYPE_LEFT_OUTER -> "left_outer";
            case JOIN_TYPE_RIGHT_OUTER -> "right_outer";
            case JOIN_TYPE_LEFT_ANTI -> "left_anti";
            case JOIN_TYPE_LEFT_SEMI -> "left_semi";
            case JOIN_TYPE_CROSS -> "cross";
            default -> throw ConnectErrors.unsupported("the join type " + j.getJoinType(), "unknown join type");
        };
        if (j.getUsingColumnsCount() > 0) return left.join(right, j.getUsingColumnsList(), type);
        if (j.hasJoinCondition()) {
            // the condition sees both sides; plan-id references pick a side, plain names resolve over the join
            DataFrame both = left.crossJoin(right);
            return left.join(right, relations.expressions().translate(j.getJoinCondition(), both), type);
        }
        if (type.equals("inner") || type.equals("cross")) return left.crossJoin(right);
        return left.join(right, java.util.List.of(), type);
    }

    /** {@code _joinAsOf}: the as-of columns resolve against their own side, the condition over both. */
    DataFrame asOfJoin(org.apache.spark.connect.proto.AsOfJoin j) {
        DataFrame left = relations.translate(j.getLeft());
        DataFrame right = relations.translate(j.getRight());
        dev.sluice.Column leftAsOf = relations.expressions().translate(j.getLeftAsOf(), left);
        dev.sluice.Column rightAsOf = relations.expressions().translate(j.getRightAsOf(), right);
        dev.sluice.Column tolerance = j.hasTolerance() ? relations.expressions().translate(j.getTolerance(), left) : null;
        String type = j.getJoinType().isEmpty() ? "inner" : j.getJoinType();
        String direction = j.getDirection().isEmpty() ? "backward" : j.getDirection();
        if (j.getUsingColumnsCount() > 0) {
            return left.joinAsOf(right, leftAsOf, rightAsOf, j.getUsingColumnsList(), type, tolerance, j.getAllowExactMatches(), direction);
        }
        dev.sluice.Column condition = j.hasJoinExpr() ? relations.expressions().translate(j.getJoinExpr(), left.crossJoin(right)) : null;
        return left.joinAsOf(right, leftAsOf, rightAsOf, condition, type, tolerance, j.getAllowExactMatches(), direction);
    }

    DataFrame setOperation(SetOperation s) {
        DataFrame left = relations.translate(s.getLeftInput());
        DataFrame right = relations.translate(s.getRightInput());
        boolean all = s.hasIsAll() && s.getIsAll();
        switch (s.getSetOpType()) {
            case SET_OP_TYPE_UNION:
                if (s.getByName()) return left.unionByName(right, s.getAllowMissingColumns());
                return all ? left.union(right) : left.union(right).distinct();
            case SET_OP_TYPE_INTERSECT:
                return all ? left.intersectAll(right) : left.intersect(right);
            case SET_OP_TYPE_EXCEPT:
                return all ? left.exceptAll(right) : left.except(right);
            default:
                throw ConnectErrors.unsupported("the set operation " + s.getSetOpType(), "unknown set operation");
        }
    }
}
