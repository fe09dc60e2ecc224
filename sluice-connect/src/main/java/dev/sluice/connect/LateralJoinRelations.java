package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Window;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.LateralJoin;
import org.apache.spark.connect.proto.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.monotonically_increasing_id;
import static dev.sluice.functions.row_number;
import static dev.sluice.functions.when;

/**
 * {@code left.lateralJoin(right, on, how)} (Spark 4): {@code right} may name the left row's columns ({@code .outer()},
 * which reaches the server as a name the right side does not have). A right side naming none is an ordinary join. One
 * naming some is decorrelated, as Sluice's SQL front end decorrelates {@code LATERAL}: the left rows are numbered, and
 * the right side's operators are applied, from the bottom up, to the left rows joined with its input:
 * <ul>
 * <li>its input: a relation filtered by a condition naming left columns (the join condition: inner or left outer), or
 *     a generator table function of left columns ({@code spark.tvf.explode(col("items").outer())}: explode per row,
 *     {@code explode_outer} for a left join);</li>
 * <li>then projections (computed per joined row), filters (inner joins), and a sort with a limit: the first n rows
 *     per left row ({@code row_number} over the left row), a limit alone any n.</li>
 * </ul>
 * A left join keeps a left row without right rows once, with NULL right columns. Other shapes (grouping, DISTINCT,
 * set operations under the right side) are refused with UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.
 */
final class LateralJoinRelations {
    private static final String LEFT_ROW = "__sluice_lateral_left_row";
    private static final String MATCHED = "__sluice_lateral_matched";
    private static final String RANK = "__sluice_lateral_rank";
    private static final String RIGHT = "__sluice_lateral_r";
    private static final String HIDDEN = "__sluice_lateral_hidden_";

    private final RelationTranslator relations;

    LateralJoinRelations(RelationTranslator relations) { this.relations = relations; }

    DataFrame lateralJoin(LateralJoin j) {
        DataFrame left = relations.translate(j.getLeft());
        boolean outer = switch (j.getJoinType()) {
            case JOIN_TYPE_INNER, JOIN_TYPE_UNSPECIFIED, JOIN_TYPE_CROSS -> false;
            case JOIN_TYPE_LEFT_OUTER -> true;
            default -> throw ConnectErrors.unsupported("a " + j.getJoinType().name().toLowerCase(Locale.ROOT) + " lateral join",
                    "Spark allows inner, cross and left outer lateral joins");
        };
        DataFrame right = null;
        try {
            right = relations.translate(j.getRight());
        } catch (SluiceException e) {
            if (e.code() != ErrorCode.COLUMN_NOT_FOUND && e.code() != ErrorCode.UNSUPPORTED_OPERATION) throw e;
        }
        if (right != null) {   // uncorrelated: an ordinary join
            Column on = j.hasJoinCondition() ? relations.expressions().translate(j.getJoinCondition(), left.crossJoin(right)) : lit(true);
            return left.join(right, on, outer ? "left" : "inner");
        }
        DataFrame numbered = left.withColumn(LEFT_ROW, monotonically_increasing_id());
        State s = decorrelate(j.getRight(), new Side(numbered, outer));
        List<Column> out = new ArrayList<>();
        for (String c : left.columns()) out.add(left.col(c));
        for (int i = 0; i < s.names.size(); i++) {
            Column value = col(RIGHT + i);
            if (s.matched) value = when(col(MATCHED).isNull(), lit(null)).otherwise(value);
            out.add(value.alias(s.names.get(i)));
        }
        DataFrame result = s.joined.select(out.toArray(new Column[0]));
        if (j.hasJoinCondition()) {
            if (outer) throw unsupported("a condition on a correlated left lateral join; put it inside the right side's where()");
            result = result.filter(relations.expressions().translate(j.getJoinCondition(), result));
        }
        return result;
    }

    private record Side(DataFrame numbered, boolean outer) {}

    /**
     * The left rows (numbered) joined with the right side so far. Its right columns are named {@code RIGHT + i}
     * ({@code names} are the user's names for them), so every column name is unique; {@code matched}: a column
     * {@code MATCHED} is NULL on a left row that met no right row (a left join), whose right columns must be NULL.
     */
    private record State(DataFrame joined, List<String> names, boolean matched) {
        List<String> internal() { return List.of(joined.columns()); }

        /**
         * The same rows with the right columns under the user's names, to resolve the right side's expressions; a left
         * column of the same name is hidden (the right side's own column wins, as in Spark; {@code alias.name} still
         * finds the left one), so every name stays unique.
         */
        DataFrame view() {
            List<String> shown = new ArrayList<>(internal());
            java.util.Set<String> lower = new java.util.HashSet<>();
            for (String n : names) lower.add(n.toLowerCase(Locale.ROOT));
            for (int i = 0; i < shown.size(); i++) {
                if (!shown.get(i).startsWith(RIGHT) && lower.contains(shown.get(i).toLowerCase(Locale.ROOT))) shown.set(i, HIDDEN + shown.get(i));
            }
            for (int i = 0; i < names.size(); i++) shown.set(shown.indexOf(RIGHT + i), names.get(i));
            return joined.toDF(shown.toArray(new String[0]));
        }

        /** {@code df}, made from {@link #view()} keeping its columns in place and adding {@code extra}, under unique names again. */
        State back(DataFrame df, List<String> extra, List<String> newNames) {
            List<String> n = new ArrayList<>(internal());
            n.addAll(extra);
            return new State(df.toDF(n.toArray(new String[0])), newNames, matched);
        }
    }

    private State decorrelate(Relation r, Side side) {
        switch (r.getRelTypeCase()) {
            case FILTER: {
                Relation input = r.getFilter().getInput();
                DataFrame base = translatedOrNull(input);
                if (base != null) return joinBase(base, r.getFilter().getCondition(), side);
                if (side.outer) throw unsupported("a filter above the input of a correlated left lateral join");
                State s = decorrelate(input, side);
                DataFrame view = s.view();
                return s.back(view.filter(relations.expressions().translate(r.getFilter().getCondition(), view)), List.of(), s.names);
            }
            case PROJECT: {
                var p = r.getProject();
                if (!p.hasInput()) throw unsupported("a projection without input");
                State s = decorrelate(p.getInput(), side);
                DataFrame view = s.view();
                List<Column> values = relations.expressions().all(p.getExpressionsList(), view);
                List<String> names = List.of(view.select(values.toArray(new Column[0])).columns());
                List<Column> all = new ArrayList<>(List.of(col("*")));
                List<String> added = new ArrayList<>();
                all.addAll(values);
                for (int i = 0; i < names.size(); i++) added.add(RIGHT + "new" + i);
                State wide = s.back(view.select(all.toArray(new Column[0])), added, names);
                List<Column> keep = new ArrayList<>();
                for (String c : s.internal()) if (!c.startsWith(RIGHT)) keep.add(col(c));
                for (int i = 0; i < added.size(); i++) keep.add(col(added.get(i)).alias(RIGHT + i));
                return new State(wide.joined.select(keep.toArray(new Column[0])), names, s.matched);
            }
            case SUBQUERY_ALIAS:
                return decorrelate(r.getSubqueryAlias().getInput(), side);
            case LIMIT:
                return firstRows(r.getLimit().getInput(), r.getLimit().getLimit(), side);
            case SORT:
                return decorrelate(r.getSort().getInput(), side);   // a sort alone does not change which rows are met
            case UNRESOLVED_TABLE_VALUED_FUNCTION:
                return generator(r.getUnresolvedTableValuedFunction(), side);
            default: {
                DataFrame base = translatedOrNull(r);
                if (base != null) return joinBase(base, null, side);
                throw unsupported("a correlated " + r.getRelTypeCase().name().toLowerCase(Locale.ROOT) + " on the right side");
            }
        }
    }

    /** The left rows joined to an uncorrelated relation on a condition that may name both (inner, or left outer). */
    private State joinBase(DataFrame base, Expression condition, Side side) {
        List<String> names = List.of(base.columns());
        List<Column> renamed = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) renamed.add(base.col(names.get(i)).alias(RIGHT + i));
        renamed.add(lit(true).alias(MATCHED));
        DataFrame right = base.select(renamed.toArray(new Column[0]));
        // the condition's names resolve over both sides as written (qualified by an alias, or by plan ids)
        Column on = condition == null ? lit(true) : relations.expressions().translate(condition, side.numbered.crossJoin(base));
        DataFrame joined = side.numbered.join(right, on, side.outer ? "left" : "inner");
        return new State(joined, names, side.outer);
    }

    /** A generator table function of left columns: its rows per left row (explode_outer's for a left join). */
    private State generator(org.apache.spark.connect.proto.UnresolvedTableValuedFunction f, Side side) {
        String name = f.getFunctionName().toLowerCase(Locale.ROOT);
        List<String> generators = List.of("explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer");
        if (!generators.contains(name)) throw unsupported("the table function " + name + " of outer columns");
        if (side.outer && !name.endsWith("_outer")) name = name + "_outer";
        if (f.getArgumentsCount() != 1) throw unsupported("the table function " + name + " with " + f.getArgumentsCount() + " arguments");
        Column arg = relations.expressions().translate(f.getArguments(0), side.numbered);
        Column generated = switch (name) {
            case "explode" -> dev.sluice.functions.explode(arg);
            case "explode_outer" -> dev.sluice.functions.explode_outer(arg);
            case "posexplode" -> dev.sluice.functions.posexplode(arg);
            case "posexplode_outer" -> dev.sluice.functions.posexplode_outer(arg);
            case "inline" -> dev.sluice.functions.inline(arg);
            default -> dev.sluice.functions.inline_outer(arg);
        };
        List<String> leftColumns = List.of(side.numbered.columns());
        DataFrame exploded = side.numbered.select(col("*"), generated);
        List<String> all = List.of(exploded.columns());
        List<String> names = new ArrayList<>(all.subList(leftColumns.size(), all.size()));
        List<String> internal = new ArrayList<>(leftColumns);
        for (int i = 0; i < names.size(); i++) internal.add(RIGHT + i);
        return new State(exploded.toDF(internal.toArray(new String[0])), names, false);
    }

    /** {@code limit(n)} (over a sort, the first n in its order) per left row. */
    private State firstRows(Relation input, int n, Side side) {
        List<Expression.SortOrder> orders = input.hasSort() ? input.getSort().getOrderList() : List.of();
        State s = decorrelate(input, side);
        DataFrame view = s.view();
        List<Column> order = new ArrayList<>();
        for (Expression.SortOrder o : orders) order.add(relations.expressions().sortOrder(o, view));
        if (order.isEmpty()) order.add(col(LEFT_ROW));
        DataFrame ranked = view.withColumn(RANK, row_number().over(Window.partitionBy(col(LEFT_ROW)).orderBy(order.toArray(new Column[0]))))
                .filter(col(RANK).leq(lit(n)));
        State r = s.back(ranked, List.of(RANK), s.names);
        return new State(r.joined.drop(RANK), s.names, s.matched);
    }

    private DataFrame translatedOrNull(Relation r) {
        try {
            return relations.translate(r);
        } catch (SluiceException e) {
            if (e.code() == ErrorCode.COLUMN_NOT_FOUND) return null;
            throw e;
        }
    }

    private static SluiceException unsupported(String what) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY)
                .with("reason", "Sluice does not decorrelate " + what + " in a lateral join").build();
    }
}
