package dev.sluice.sql;

import dev.sluice.CatalogFunction;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.sql.grammar.SqlGrammar;
import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What CREATE FUNCTION checks before a SQL function is stored, as Spark analyzes the definition then: DEFAULT
 * values (trailing, constant, of a type that casts to the parameter's), no cycle through other functions
 * (CYCLIC_FUNCTION_REFERENCE), CONTAINS SQL only for a body that reads no table (INVALID_SQL_FUNCTION_DATA_ACCESS),
 * and the body itself, built over typed NULL parameters: its names resolve (UNRESOLVED_COLUMN otherwise), a scalar
 * query returns one column, a table function's query as many as RETURNS TABLE declares.
 */
final class RoutineDefinitions {
    private RoutineDefinitions() {}

    static void check(Sluice session, CatalogFunction f, ParserRuleContext body) {
        checkDefaults(session, f);
        checkCycles(f, body);
        if ("CONTAINS SQL".equals(f.dataAccess()) && readsTable(body)) {
            throw SluiceException.of(ErrorCode.INVALID_SQL_FUNCTION_DATA_ACCESS).with("function", f.qualifiedName()).build();
        }
        checkBody(session, f);
    }

    private static void checkDefaults(Sluice session, CatalogFunction f) {
        boolean seen = false;
        for (int i = 0; i < f.parameters().size(); i++) {
            String d = f.parameterDefaults().get(i);
            StructField p = f.parameters().get(i);
            if (d == null) {
                if (seen) throw invalid(f, "the parameter " + p.name() + " has no DEFAULT but one before it has: parameters with defaults come last (NOT_A_VALID_DEFAULT_PARAMETER_POSITION)");
                continue;
            }
            seen = true;
            Expression e = SqlParser.parseExpressionTree(d);
            if (Expressions.collect(e).stream().anyMatch(n -> n instanceof UnresolvedColumn)) {
                throw invalid(f, "the DEFAULT of " + p.name() + " (" + d + ") names a column or parameter; a default is a constant expression (NOT_A_VALID_DEFAULT_EXPRESSION)");
            }
            DataType t = new QueryBuilder(session).oneRow().select(new dev.sluice.Column(e)).schema().field(0).dataType();
            if (!TypeCoercion.canImplicitCast(t, p.dataType())) {
                throw invalid(f, "the DEFAULT of " + p.name() + " is " + t.simpleString() + ", which does not cast to " + p.dataType().simpleString()
                        + " (NOT_A_VALID_DEFAULT_EXPRESSION)");
            }
        }
    }

    /** No path from the body back to {@code f} through the catalog's SQL functions. */
    private static void checkCycles(CatalogFunction f, ParserRuleContext body) {
        walk(f.qualifiedName(), body, new ArrayList<>(List.of(f.qualifiedName())), new HashSet<>());
    }

    private static void walk(String root, ParseTree body, List<String> path, Set<String> done) {
        for (String name : calledNames(body)) {
            CatalogFunction g = FunctionResolver.routine(name).filter(CatalogFunction::isSql).orElse(null);
            if (g == null && name.equalsIgnoreCase(lastPart(root))) {   // calls itself before it exists
                throw cycle(path, root);
            }
            if (g == null) continue;
            if (g.qualifiedName().equals(root)) throw cycle(path, root);
            if (!done.add(g.qualifiedName())) continue;
            ParseTree next = g.queryBody() ? RoutineCalls.query(g) : SqlParser.parse(g.body(), SqlGrammar::singleNamedExpression);
            path.add(g.qualifiedName());
            walk(root, next, path, done);
            path.remove(path.size() - 1);
        }
    }

    private static SluiceException cycle(List<String> path, String root) {
        List<String> p = new ArrayList<>(path);
        p.add(root);
        return SluiceException.of(ErrorCode.CYCLIC_FUNCTION_REFERENCE).with("path", String.join(" -> ", p)).build();
    }

    private static String lastPart(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static List<String> calledNames(ParseTree t) {
        List<String> out = new ArrayList<>();
        collectCalls(t, out);
        return out;
    }

    private static void collectCalls(ParseTree t, List<String> out) {
        if (t instanceof SqlGrammar.FunctionCallContext c) out.add(Names.quoted(Calls.functionName(c.functionName())).toLowerCase(Locale.ROOT));
        if (t instanceof SqlGrammar.TableValuedFunctionContext c) out.add(Names.quoted(Calls.functionName(c.functionName())).toLowerCase(Locale.ROOT));
        for (int i = 0; i < t.getChildCount(); i++) collectCalls(t.getChild(i), out);
    }

    private static boolean readsTable(ParseTree t) {
        if (t instanceof SqlGrammar.TableNameContext || t instanceof SqlGrammar.TableQueryContext) return true;
        for (int i = 0; i < t.getChildCount(); i++) if (readsTable(t.getChild(i))) return true;
        return false;
    }

    /** The body built over typed NULLs: it must resolve and return what the definition says. */
    private static void checkBody(Sluice session, CatalogFunction f) {
        if (!f.table() && !RoutineCalls.needsQuery(f)) {
            SqlRoutines.check(f);
            return;
        }
        QueryBuilder queries = new QueryBuilder(session);
        List<String> names = new ArrayList<>();
        for (StructField p : f.parameters()) names.add(p.name());
        RelationBuilder.Scope scope = RelationBuilder.Scope.routineBody(new RoutineParameters(f.name(), names, RoutineCalls.nulls(f)));
        if (f.table()) {
            if (f.columns() == null) requireNamedColumns(f, RoutineCalls.query(f));
            DataFrame df = queries.query(RoutineCalls.query(f), scope);
            if (f.columns() != null && f.columns().size() != df.columns().length) throw RoutineCalls.columnCount(f, df.columns().length);
            return;
        }
        if (f.queryBody() && RoutineCalls.expressionOnly(RoutineCalls.query(f)) == null) {   // a scalar query: one column
            DataFrame df = queries.query(RoutineCalls.query(f), scope);
            if (df.columns().length != 1) {
                throw invalid(f, "the body of a scalar function must return one column, this one returns " + df.columns().length);
            }
            return;
        }
        // a scalar body: built as a query of one row selecting it, so its subqueries are planned and checked
        ExpressionBuilder b = queries.expressions(scope, Map.of());
        Expression value = RoutineCalls.scalarBody(f, (Subqueries) b.subqueries());
        DataFrame one = b.withScalarSubqueries(queries.oneRow());
        one.select(new dev.sluice.Column(value)).schema();
    }

    /**
     * RETURNS TABLE without columns takes the body's names, so each item of its (first) SELECT must have one: an
     * alias, a column, or a star (Spark: SQL_TABLE_UDF_MISSING_COLUMN_NAMES).
     */
    private static void requireNamedColumns(CatalogFunction f, SqlGrammar.QueryContext q) {
        ParseTree body = q.queryBody();
        while (!(body instanceof SqlGrammar.QuerySpecificationContext) && body.getChildCount() > 0) {
            if (body instanceof SqlGrammar.SubqueryContext sub) body = sub.query().queryBody();
            else body = body.getChild(0);
        }
        if (!(body instanceof SqlGrammar.QuerySpecificationContext spec)) return;   // VALUES, TABLE t: named by their relation
        for (SqlGrammar.NamedExpressionContext item : spec.namedExpressionSeq().namedExpression()) {
            if (item.name != null || item.names != null || isName(item.expression())) continue;
            throw invalid(f, "RETURNS TABLE names no columns, so the body must name each of its columns; "
                    + CatalogStatements.text(item) + " has no name: add AS name (SQL_TABLE_UDF_MISSING_COLUMN_NAMES)");
        }
    }

    private static boolean isName(ParseTree e) {
        while (e.getChildCount() == 1 && !(e instanceof SqlGrammar.ColumnReferenceContext) && !(e instanceof SqlGrammar.DereferenceContext)
                && !(e instanceof SqlGrammar.StarContext)) e = e.getChild(0);
        return e instanceof SqlGrammar.ColumnReferenceContext || e instanceof SqlGrammar.DereferenceContext || e instanceof SqlGrammar.StarContext;
    }

    private static SluiceException invalid(CatalogFunction f, String reason) {
        return SluiceException.of(ErrorCode.USER_DEFINED_FUNCTIONS).with("function", f.qualifiedName()).with("reason", reason).build();
    }
}
