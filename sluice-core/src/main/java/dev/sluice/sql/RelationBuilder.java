package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.expr.Expression;
import dev.sluice.expr.MultiAlias;
import dev.sluice.plan.SubqueryAlias;
import dev.sluice.sql.grammar.SqlGrammar;
import dev.sluice.types.StructField;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * FROM clauses to DataFrames, through the DataFrame API: views and CTEs, direct file reads
 * ({@code json.`path`}), subqueries, VALUES, table-valued generators, joins and LATERAL VIEW.
 */
final class RelationBuilder {
    private static final Set<String> FILE_FORMATS = Set.of("json", "csv", "parquet", "text", "xml", "avro", "orc");

    private final QueryBuilder queries;
    private final Sluice session;

    RelationBuilder(QueryBuilder queries, Sluice session) {
        this.queries = queries;
        this.session = session;
    }

    DataFrame from(SqlGrammar.FromClauseContext ctx, Scope scope) {
        DataFrame df = null;
        for (SqlGrammar.RelationContext r : ctx.relation()) {
            if (df != null && r.LATERAL() != null) {   // FROM t, LATERAL (SELECT ... t.x ...)
                df = LateralJoins.join(queries, scope, df, r.relationPrimary(), "inner", null);
                for (SqlGrammar.JoinRelationContext j : r.joinRelation()) df = join(df, j, scope);
                continue;
            }
            if (r.LATERAL() != null) throw SyntaxErrors.at(r, "LATERAL needs a relation before it to refer to");
            DataFrame next = relation(r, scope);
            df = df == null ? next : df.crossJoin(next);
        }
        for (SqlGrammar.LateralViewContext lv : ctx.lateralView()) df = lateralView(df, lv, scope);
        if (ctx.pivotClause() != null) df = Pivots.pivot(queries.expressions(scope), df, ctx.pivotClause());
        if (ctx.unpivotClause() != null) df = Pivots.unpivot(df, ctx.unpivotClause());
        return df;
    }

    private DataFrame relation(SqlGrammar.RelationContext ctx, Scope scope) {
        DataFrame df = primary(ctx.relationPrimary(), scope);
        for (SqlGrammar.JoinRelationContext j : ctx.joinRelation()) df = join(df, j, scope);
        return df;
    }

    private DataFrame join(DataFrame left, SqlGrammar.JoinRelationContext ctx, Scope scope) {
        String type = joinType(ctx.joinType());
        if (ctx.LATERAL() != null) {
            if (ctx.NATURAL() != null || ctx.joinCriteria() != null && ctx.joinCriteria().USING() != null) {
                throw SyntaxErrors.unsupported("NATURAL or USING with LATERAL", "write the condition with ON");
            }
            return LateralJoins.join(queries, scope, left, ctx.right, type, ctx.joinCriteria() == null ? null : ctx.joinCriteria().booleanExpression());
        }
        DataFrame right = primary(ctx.right, scope);
        if (ctx.NATURAL() != null) {
            List<String> common = new ArrayList<>();
            Set<String> rightNames = new LinkedHashSet<>();
            for (String n : right.columns()) rightNames.add(n.toLowerCase(Locale.ROOT));
            for (String n : left.columns()) if (rightNames.contains(n.toLowerCase(Locale.ROOT))) common.add(n);
            return common.isEmpty() ? left.join(right, new Column(dev.sluice.expr.Literal.TRUE), type) : left.join(right, common, type);
        }
        SqlGrammar.JoinCriteriaContext criteria = ctx.joinCriteria();
        if (criteria == null) return type.equals("inner") || type.equals("cross") ? left.crossJoin(right) : left.join(right, new Column(dev.sluice.expr.Literal.TRUE), type);
        if (criteria.USING() != null) return left.join(right, Names.identifiers(criteria.identifierList().identifier()), type);
        Expression condition = queries.expressions(scope).build(criteria.booleanExpression());
        return left.join(right, new Column(condition), type);
    }

    private static String joinType(SqlGrammar.JoinTypeContext ctx) {
        if (ctx.CROSS() != null) return "cross";
        if (ctx.SEMI() != null) return "left_semi";
        if (ctx.ANTI() != null) return "left_anti";
        if (ctx.LEFT() != null) return "left";
        if (ctx.RIGHT() != null) return "right";
        if (ctx.FULL() != null) return "full";
        return "inner";
    }

    private DataFrame primary(SqlGrammar.RelationPrimaryContext ctx, Scope scope) {
        if (ctx instanceof SqlGrammar.TableNameContext t) return aliased(table(Names.parts(t.multipartIdentifier()), scope), t.tableAlias(), lastPart(t));
        if (ctx instanceof SqlGrammar.AliasedQueryContext q) return aliased(queries.query(q.query(), scope), q.tableAlias(), null);
        if (ctx instanceof SqlGrammar.AliasedRelationContext r) return aliased(relation(r.relation(), scope), r.tableAlias(), null);
        if (ctx instanceof SqlGrammar.InlineTableDefaultContext v) return inlineTable(v.inlineTable(), scope);
        if (ctx instanceof SqlGrammar.TableValuedFunctionContext f) return tableFunction(f, scope);
        throw SyntaxErrors.at(ctx, "unknown relation");
    }

    private static String lastPart(SqlGrammar.TableNameContext t) {
        List<String> parts = Names.parts(t.multipartIdentifier());
        return parts.get(parts.size() - 1);
    }

    /** A view, a CTE or a file read directly ({@code json.`/data/logs`}). */
    DataFrame table(List<String> parts, Scope scope) {
        if (parts.size() == 1) {
            DataFrame cte = scope.cte(parts.get(0));
            if (cte != null) return cte;
        }
        var view = session.catalog().lookup(parts);
        if (view.isPresent()) return session.dataFrame(view.get());
        if (parts.size() == 2 && FILE_FORMATS.contains(parts.get(0).toLowerCase(Locale.ROOT))) {
            return session.read().format(parts.get(0).toLowerCase(Locale.ROOT)).load(parts.get(1));
        }
        return session.dataFrame(session.catalog().resolve(parts));   // raises TABLE_OR_VIEW_NOT_FOUND
    }

    /** {@code t AS a(x, y)}: the alias qualifies the columns ({@code a.x}); the list renames them. */
    static DataFrame aliased(DataFrame df, SqlGrammar.TableAliasContext alias, String defaultName) {
        String name = alias != null && alias.alias != null ? Names.identifier(alias.alias) : defaultName;
        if (alias != null && alias.columns != null) {
            List<String> names = Names.identifiers(alias.columns.identifier());
            String[] columns = df.columns();
            if (names.size() != columns.length) {
                throw SyntaxErrors.at(alias, "the alias names " + names.size() + " columns, but the relation has " + columns.length);
            }
            Column[] renamed = new Column[columns.length];
            for (int i = 0; i < columns.length; i++) renamed[i] = df.col(columns[i]).alias(names.get(i));
            df = df.select(renamed);
        }
        return name == null ? df : df.session().dataFrame(new SubqueryAlias(df.logicalPlan(), name));
    }

    /** {@code VALUES (1, 'a'), (2, 'b') AS t(id, name)}: one select per row, unioned (types widen as UNION's). */
    DataFrame inlineTable(SqlGrammar.InlineTableContext ctx, Scope scope) {
        ExpressionBuilder b = queries.expressions(scope);
        DataFrame out = null;
        int width = -1;
        for (SqlGrammar.ExpressionContext row : ctx.expression()) {
            Expression e = b.build(row);
            List<Expression> values = e instanceof dev.sluice.expr.CreateStruct s && isRowConstructor(row) ? s.children() : List.of(e);
            if (width >= 0 && values.size() != width) {
                throw SyntaxErrors.at(row, "every row of VALUES needs " + width + " values, this one has " + values.size());
            }
            width = values.size();
            Column[] cols = new Column[width];
            for (int i = 0; i < width; i++) cols[i] = new Column(values.get(i)).alias("col" + (i + 1));
            DataFrame one = queries.oneRow().select(cols);
            out = out == null ? one : out.union(one);
        }
        return aliased(out, ctx.tableAlias(), null);
    }

    private static boolean isRowConstructor(SqlGrammar.ExpressionContext row) {
        return row.getText().startsWith("(");
    }

    /** {@code FROM explode(array(1, 2)) AS t(x)}, {@code range(10)}: a generator over one row. */
    private DataFrame tableFunction(SqlGrammar.TableValuedFunctionContext ctx, Scope scope) {
        String name = Names.quoted(Calls.functionName(ctx.functionName())).toLowerCase(Locale.ROOT);
        ExpressionBuilder b = queries.expressions(scope);
        java.util.Optional<dev.sluice.CatalogFunction> routine = FunctionResolver.routine(name);
        if (routine.isPresent() && routine.get().isSql()) {   // a SQL table function: FROM f(1) [AS a(x)], named by f
            DataFrame body = RoutineCalls.table(queries, routine.get(), Calls.arguments(b, valueArguments(ctx, name)));
            return aliased(body, ctx.tableAlias(), routine.get().name());
        }
        dev.sluice.TableFunction registered = session.udf().tableFunction(name);
        if (registered != null) return RelationBuilder.aliased(userTableFunction(registered, ctx, b, scope), ctx.tableAlias(), null);
        List<Expression> args = NamedArguments.positional(name, Calls.arguments(b, valueArguments(ctx, name)));
        if (name.equals("range")) return RelationBuilder.aliased(range(args), ctx.tableAlias(), null);
        Expression generator = FunctionResolver.resolve(name, args);
        if (!(generator instanceof dev.sluice.expr.Generator)) {
            throw SyntaxErrors.at(ctx, name + " is not a table-valued function (range, explode, posexplode, inline and their _outer forms are)");
        }
        Column column = new Column(generator);
        SqlGrammar.TableAliasContext alias = ctx.tableAlias();
        if (alias != null && alias.columns != null) column = named(generator, Names.identifiers(alias.columns.identifier()));
        DataFrame df = queries.oneRow().select(column);
        String aliasName = alias != null && alias.alias != null ? Names.identifier(alias.alias) : null;
        return aliasName == null ? df : session.dataFrame(new SubqueryAlias(df.logicalPlan(), aliasName));
    }

    /** The arguments of a table-valued call that takes no TABLE argument. */
    static List<SqlGrammar.FunctionArgumentContext> valueArguments(SqlGrammar.TableValuedFunctionContext ctx, String name) {
        List<SqlGrammar.FunctionArgumentContext> values = new ArrayList<>();
        for (SqlGrammar.TableFunctionArgumentContext a : ctx.tableFunctionArgument()) {
            if (!(a instanceof SqlGrammar.ValueArgumentContext v)) {
                // Spark: TABLE_VALUED_ARGUMENTS_NOT_YET_IMPLEMENTED_FOR_SQL_FUNCTIONS for a SQL function
                throw SyntaxErrors.at(a, name + " takes no table arguments (TABLE ...); only a registered table function does");
            }
            values.add(v.functionArgument());
        }
        return values;
    }

    /**
     * A session's table function ({@code spark.udtf.register}): positional and named arguments as written; a table
     * argument ({@code TABLE(t) [PARTITION BY keys | WITH SINGLE PARTITION] [ORDER BY ...]}, one per call, as Spark
     * allows) stands among them as a null.
     */
    private DataFrame userTableFunction(dev.sluice.TableFunction f, SqlGrammar.TableValuedFunctionContext ctx, ExpressionBuilder b, Scope scope) {
        List<Column> positional = new ArrayList<>();
        java.util.Map<String, Column> named = new java.util.LinkedHashMap<>();
        dev.sluice.TableArgument table = null;
        for (SqlGrammar.TableFunctionArgumentContext a : ctx.tableFunctionArgument()) {
            if (a instanceof SqlGrammar.TableArgumentContext t) {
                if (table != null) throw SyntaxErrors.at(t, "a table function call takes one table argument (TABLE ...)");
                table = tableArgument(t, scope);
                if (t.name == null) positional.add(null);
                else named.put(Names.identifier(t.name), null);
                continue;
            }
            NamedArguments.Argument v = Calls.arguments(b, List.of(((SqlGrammar.ValueArgumentContext) a).functionArgument())).get(0);
            if (v.name() == null) positional.add(new Column(v.value()));
            else named.put(v.name(), new Column(v.value()));
        }
        return table == null ? f.call(positional, named) : f.call(positional, named, table);
    }

    private dev.sluice.TableArgument tableArgument(SqlGrammar.TableArgumentContext t, Scope scope) {
        DataFrame rows = t.query() != null ? queries.query(t.query(), scope) : table(Names.parts(t.multipartIdentifier()), scope);
        List<Column> partitionBy = new ArrayList<>();
        List<Column> orderBy = new ArrayList<>();
        boolean single = false;
        SqlGrammar.TableArgumentPartitioningContext p = t.tableArgumentPartitioning();
        if (p != null) {
            ExpressionBuilder over = queries.expressions(scope);
            for (SqlGrammar.ExpressionContext e : p.partition) partitionBy.add(new Column(over.build(e)));
            for (SqlGrammar.SortItemContext s : p.sortItem()) orderBy.add(new Column(over.sortOrder(s)));
            single = p.SINGLE() != null;
        }
        return new dev.sluice.TableArgument(rows, partitionBy, orderBy, single);
    }

    /** {@code range(end)}, {@code range(start, end[, step[, partitions]])}: Spark's range table, column {@code id}. */
    private DataFrame range(List<Expression> args) {
        if (args.isEmpty() || args.size() > 4) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "range")
                    .with("reason", "takes 1 to 4 arguments, got " + args.size()).build();
        }
        long[] v = new long[args.size()];
        for (int i = 0; i < v.length; i++) v[i] = rangeArgument(args.get(i), i);
        if (v.length == 1) return session.range(v[0]);
        if (v.length == 2) return session.range(v[0], v[1]);
        if (v.length == 3) return session.range(v[0], v[1], v[2]);
        if (v[3] > Integer.MAX_VALUE) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "range")
                    .with("reason", "the number of partitions must be an int, got " + v[3]).build();
        }
        return session.range(v[0], v[1], v[2], (int) v[3]);
    }

    private static long rangeArgument(Expression e, int position) {
        Object value = e instanceof dev.sluice.expr.Literal l ? l.value() : null;
        if (e instanceof dev.sluice.expr.Negate n && n.child() instanceof dev.sluice.expr.Literal l && l.value() instanceof Number x) value = -x.longValue();
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) return ((Number) value).longValue();
        throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "range")
                .with("reason", "argument " + (position + 1) + " must be an integer literal, got " + e.sql()).build();
    }

    /** {@code LATERAL VIEW [OUTER] explode(xs) t AS x}: the input's columns and the generator's, per generated row. */
    private DataFrame lateralView(DataFrame df, SqlGrammar.LateralViewContext ctx, Scope scope) {
        String name = Names.quoted(Calls.functionName(ctx.functionName())).toLowerCase(Locale.ROOT);
        if (ctx.OUTER() != null && !name.endsWith("_outer")) name = name + "_outer";
        Expression generator = FunctionResolver.resolve(name, queries.expressions(scope).buildAll(ctx.expression()));
        if (!(generator instanceof dev.sluice.expr.Generator)) throw SyntaxErrors.at(ctx, name + " is not a generator");
        Column gen = ctx.columnNames.isEmpty() ? new Column(generator) : named(generator, Names.identifiers(ctx.columnNames));
        List<Column> columns = new ArrayList<>();
        for (StructField f : df.schema().fields()) columns.add(df.col(f.name()));
        columns.add(gen);
        return df.select(columns.toArray(new Column[0]));
    }

    private static Column named(Expression generator, List<String> names) {
        return names.size() == 1 ? new Column(generator).alias(names.get(0)) : new Column(new MultiAlias(generator, names));
    }

    /**
     * The names visible in a query: its CTEs (innermost first); inside a SQL function's body, its parameters
     * ({@link RoutineParameters}) and, per SELECT, the columns of its FROM, which hide parameters of the same name.
     */
    static final class Scope {
        private final Scope parent;
        private final Map<String, DataFrame> ctes;
        private final RoutineParameters parameters;
        private final Set<String> columns;
        private final Set<String> qualifiers;

        Scope(Scope parent, Map<String, DataFrame> ctes) { this(parent, ctes, null, Set.of(), Set.of()); }

        private Scope(Scope parent, Map<String, DataFrame> ctes, RoutineParameters parameters, Set<String> columns, Set<String> qualifiers) {
            this.parent = parent;
            this.ctes = ctes;
            this.parameters = parameters;
            this.columns = columns;
            this.qualifiers = qualifiers;
        }

        /** A SQL function's body: no CTE or column of the caller is visible, only its parameters. */
        static Scope routineBody(RoutineParameters parameters) { return new Scope(null, Map.of(), parameters, Set.of(), Set.of()); }

        DataFrame cte(String name) {
            DataFrame df = ctes.get(name.toLowerCase(Locale.ROOT));
            if (df != null) return df;
            return parent == null ? null : parent.cte(name);
        }

        /** Inside a SQL function's body: this SELECT's relation, whose columns come before the parameters. */
        Scope withColumns(DataFrame from) {
            if (!inRoutineBody()) return this;
            Set<String> names = new java.util.HashSet<>();
            List<String> aliases = new ArrayList<>();
            try {
                for (String c : from.columns()) names.add(c.toLowerCase(Locale.ROOT));
            } catch (dev.sluice.error.SluiceException correlated) {
                return this;   // a relation with outer references: its columns are not known yet
            }
            CorrelatedScalars.collectQualifiers(from.logicalPlan(), aliases);
            return new Scope(this, Map.of(), null, names, new java.util.HashSet<>(aliases));
        }

        boolean inRoutineBody() { return parameters != null || parent != null && parent.inRoutineBody(); }

        /** The argument a name in a SQL function's body stands for, or null when it is not a parameter. */
        Expression parameter(List<String> parts) {
            Scope owner = this;
            while (owner != null && owner.parameters == null) owner = owner.parent;
            if (owner == null) return null;
            Scope top = owner;
            return owner.parameters.lookup(parts, p -> isColumn(p, top), owner != this);
        }

        /** Whether a SELECT between this scope and {@code upTo} has a column {@code parts} names. */
        private boolean isColumn(List<String> parts, Scope upTo) {
            for (Scope s = this; s != null && s != upTo; s = s.parent) {
                String first = parts.get(0).toLowerCase(Locale.ROOT);
                if (s.columns.contains(first)) return true;
                if (parts.size() >= 2 && s.qualifiers.contains(first) && s.columns.contains(parts.get(1).toLowerCase(Locale.ROOT))) return true;
            }
            return false;
        }
    }
}
