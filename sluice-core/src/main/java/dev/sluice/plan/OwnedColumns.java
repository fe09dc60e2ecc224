package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.PlanColumn;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Resolves the columns that name their input: {@link PlanColumn}s ({@code df.col("x")}, USING join sides) and
 * alias-qualified names ({@code col("a.x")} under {@code df.alias("a")}). The owner is searched for in the
 * inputs ("roots") of the node being resolved; the column found there is followed up to the root through
 * the nodes that pass it on (a projection may rename it, or drop it). Found in more than one place (a
 * self-join) it is ambiguous.
 */
final class OwnedColumns {
    private OwnedColumns() {}

    /** True when {@code e} holds something only this class resolves. */
    static boolean needed(Expression e, StructType input) {
        for (Expression node : Expressions.collect(e)) {
            if (node instanceof PlanColumn) return true;
            if (node instanceof UnresolvedColumn u && u.nameParts().size() > 1
                    && InternalNames.matches(input, u.nameParts().get(0)).isEmpty()) return true;
        }
        return false;
    }

    /** A single-input node with its owned columns resolved against its child. */
    static LogicalPlan resolve(LogicalPlan node) {
        if (node.children().size() != 1) return node;
        StructType input = node.children().get(0).schema();
        boolean any = false;
        for (Expression e : Plans.expressions(node)) any |= needed(e, input);
        if (!any) return node;
        List<LogicalPlan> roots = node.children();
        return Plans.mapExpressions(node, e -> resolveIn(e, roots, input));
    }

    /** {@code e} with its owned columns turned into references to columns of {@code roots}' outputs. */
    static Expression resolveIn(Expression e, List<LogicalPlan> roots, StructType input) {
        return Expressions.transformUp(e, node -> {
            if (node instanceof PlanColumn pc) return resolveColumn(pc, roots);
            if (node instanceof UnresolvedColumn u && u.nameParts().size() > 1
                    && InternalNames.matches(input, u.nameParts().get(0)).isEmpty()) {
                return resolveQualified(u, roots);
            }
            return node;
        });
    }

    /**
     * A join condition with its owned columns resolved against the two sides. As in Spark, a comparison
     * of a DataFrame's column with itself in a self-join ({@code df.col("id").equalTo(df.col("id"))}) means
     * the left side's column compared with the right side's.
     */
    static Expression resolveInJoinCondition(Expression e, LogicalPlan left, LogicalPlan right, StructType input) {
        Expression selfJoinFixed = Expressions.transformDown(e, node -> {
            if (node instanceof dev.sluice.expr.Comparison c && c.left() instanceof PlanColumn a && c.right() instanceof PlanColumn b
                    && a.owner() instanceof ColumnOwners.OfPlan && a.owner().equals(b.owner())) {
                List<LogicalPlan> onlyLeft = List.of(left);
                List<LogicalPlan> onlyRight = List.of(right);
                if (count(a, onlyLeft) == 1 && count(b, onlyRight) == 1) {
                    return new dev.sluice.expr.Comparison(c.op(), resolveColumn(a, onlyLeft), resolveColumn(b, onlyRight));
                }
            }
            return node;
        });
        return Expressions.transformUp(selfJoinFixed, node -> {
            if (node instanceof PlanColumn pc && pc.owner() instanceof ColumnOwners.JoinSide side) {
                LogicalPlan root = side.right() ? right : left;
                String name = columnOfTarget(root.schema(), side.ordinal(), pc.nameParts().get(0));
                return reference(new Found(root, name), pc.nameParts());
            }
            if (node instanceof PlanColumn pc) return resolveColumn(pc, List.of(left, right));
            if (node instanceof UnresolvedColumn u && u.nameParts().size() > 1
                    && InternalNames.matches(input, u.nameParts().get(0)).isEmpty()) {
                return resolveQualified(u, List.of(left, right));
            }
            return node;
        });
    }

    private static int count(PlanColumn pc, List<LogicalPlan> roots) {
        int n = 0;
        for (LogicalPlan root : roots) n += trace(root, targetOf(pc, root), -1, pc.nameParts().get(0)).size();
        return n;
    }

    static Expression resolveColumn(PlanColumn pc, List<LogicalPlan> roots) {
        if (pc.owner() instanceof ColumnOwners.JoinSide side) {
            // positional, right above the join: no search (in a self-join both sides hold the same plan)
            if (roots.size() != 1 || !(roots.get(0) instanceof Join j)) throw SluiceException.internal("a join-side column not above its join");
            LogicalPlan child = side.right() ? j.right() : j.left();
            String up = passUp(j, side.right() ? 1 : 0, child.schema().field(side.ordinal()).name());
            if (up == null) throw SluiceException.internal("join-side column " + pc.sql() + " is not in the join's output");
            return reference(new Found(j, up), pc.nameParts());
        }
        List<Found> found = new ArrayList<>();
        for (LogicalPlan root : roots) {
            Predicate<LogicalPlan> target = targetOf(pc, root);
            for (String name : trace(root, target, -1, pc.nameParts().get(0))) found.add(new Found(root, name));
        }
        if (found.isEmpty()) {
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", pc.sql())
                    .with("suggestion", " It is not a column of this DataFrame's input (it belongs to "
                            + pc.owner().describe() + ", which is not part of it or no longer has the column).").build();
        }
        if (found.size() > 1) throw ambiguous(pc.sql(), found.size());
        return reference(found.get(0), pc.nameParts());
    }

    private static Expression resolveQualified(UnresolvedColumn u, List<LogicalPlan> roots) {
        String qualifier = u.nameParts().get(0);
        List<String> rest = u.nameParts().subList(1, u.nameParts().size());
        List<Found> found = new ArrayList<>();
        for (LogicalPlan root : roots) {
            Predicate<LogicalPlan> target = n -> n instanceof SubqueryAlias a
                    && a.alias().toLowerCase(Locale.ROOT).equals(qualifier.toLowerCase(Locale.ROOT));
            for (String name : trace(root, target, -1, rest.get(0))) found.add(new Found(root, name));
        }
        if (found.isEmpty()) return u;   // not a qualifier: ordinary resolution reports the missing column
        if (found.size() > 1) throw ambiguous(u.sql(), found.size());
        return reference(found.get(0), rest);
    }

    private record Found(LogicalPlan root, String name) {}

    private static Expression reference(Found f, List<String> parts) {
        StructField field = f.root().schema().field(f.root().schema().indexOf(f.name()));
        Expression result = new ColumnRef(field.name(), field.dataType(), field.nullable());
        for (int i = 1; i < parts.size(); i++) result = GetStructField.unresolved(result, parts.get(i));
        return result;
    }

    private static Predicate<LogicalPlan> targetOf(PlanColumn pc, LogicalPlan root) {
        if (pc.owner() instanceof ColumnOwners.OfPlan of) return n -> n == of.plan() || n.equals(of.plan());
        throw SluiceException.internal("unknown column owner " + pc.owner());
    }

    /** The names in {@code node}'s output that the target's column becomes (several if the target occurs several times). */
    private static List<String> trace(LogicalPlan node, Predicate<LogicalPlan> target, int ordinal, String name) {
        if (target.test(node)) return List.of(columnOfTarget(node.schema(), ordinal, name));
        List<String> out = new ArrayList<>();
        List<LogicalPlan> children = node.children();
        for (int c = 0; c < children.size(); c++) {
            for (String found : trace(children.get(c), target, ordinal, name)) {
                String up = passUp(node, c, found);
                if (up != null) out.add(up);
            }
        }
        return out;
    }

    /** Column {@code ordinal} of the target, or (ordinal < 0) the one the user's {@code name} means. */
    private static String columnOfTarget(StructType schema, int ordinal, String name) {
        if (ordinal >= 0) return schema.field(ordinal).name();
        List<Integer> matches = InternalNames.matches(schema, name);
        if (matches.size() > 1) throw ambiguous(name, matches.size());
        if (matches.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (StructField f : schema.fields()) names.add(InternalNames.display(f.name()));
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", name)
                    .with("suggestion", NameSuggestions.didYouMean(name, names)).build();
        }
        return schema.field(matches.get(0)).name();
    }

    /** The name column {@code name} of child {@code childIndex} has in {@code node}'s output, or null if it is not passed on. */
    private static String passUp(LogicalPlan node, int childIndex, String name) {
        if (node instanceof Project p) {
            for (Expression e : p.projections()) {
                if (e instanceof ColumnRef r && r.name().equals(name)) return name;
                if (e instanceof Alias a && a.child() instanceof ColumnRef r && r.name().equals(name)) return a.name();
            }
            return null;
        }
        if (node instanceof Join j && j.joinType().leftOnly() && childIndex == 1) return null;
        if (node instanceof SetOperation) {
            if (childIndex != 0) return null;
            int i = node.children().get(0).schema().indexOf(name);
            return i < 0 ? null : node.schema().field(i).name();
        }
        return node.schema().indexOf(name) >= 0 ? name : null;
    }

    static SluiceException ambiguous(String column, int count) {
        return SluiceException.of(ErrorCode.AMBIGUOUS_COLUMN).with("column", column).with("matches", count + " columns").build();
    }
}
