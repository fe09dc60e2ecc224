package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Alias;
import dev.sluice.expr.And;
import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Cast;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.GetItem;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.expr.MultiAlias;
import dev.sluice.expr.Negate;
import dev.sluice.expr.Not;
import dev.sluice.expr.Or;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.StringFunction;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.sql.grammar.SqlGrammar;
import dev.sluice.sql.grammar.SqlGrammarBaseVisitor;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Expression parse trees to the expressions the DataFrame API builds: operators as {@link Column}'s methods build
 * them, function calls through {@link FunctionResolver}, windows through {@link WindowBuilder}. Subqueries inside
 * expressions go to a {@link Subqueries} handler (queries have one; plain expression strings do not).
 */
final class ExpressionBuilder extends SqlGrammarBaseVisitor<Expression> {
    /** Plans subqueries met inside expressions; the plain expression parser has none and refuses them. */
    interface Subqueries {
        Expression scalar(SqlGrammar.QueryContext query);

        /** {@code value [NOT] IN (query)}; {@code negated} also for {@code NOT (value IN (query))}. */
        Expression in(Expression value, SqlGrammar.QueryContext query, boolean negated);

        Expression exists(SqlGrammar.QueryContext query);

        /** Inside a SQL function's body: the argument a name stands for, or null when it names no parameter. */
        default Expression parameter(List<String> nameParts) { return null; }
    }

    static final Subqueries NO_SUBQUERIES = new Subqueries() {
        @Override public Expression scalar(SqlGrammar.QueryContext q) { throw subqueriesNeedAQuery(); }

        @Override public Expression in(Expression v, SqlGrammar.QueryContext q, boolean negated) { throw subqueriesNeedAQuery(); }

        @Override public Expression exists(SqlGrammar.QueryContext q) { throw subqueriesNeedAQuery(); }
    };

    private final Subqueries subqueries;
    private final Map<String, SqlGrammar.WindowSpecContext> namedWindows;

    ExpressionBuilder(Subqueries subqueries, Map<String, SqlGrammar.WindowSpecContext> namedWindows) {
        this.subqueries = subqueries;
        this.namedWindows = namedWindows;
    }

    /** The scalar subqueries built so far joined to {@code df} (a query's builder has them; a plain one has none). */
    dev.sluice.DataFrame withScalarSubqueries(dev.sluice.DataFrame df) {
        return subqueries instanceof dev.sluice.sql.Subqueries s ? s.joinPending(df) : df;
    }

    static ExpressionBuilder plain() { return new ExpressionBuilder(NO_SUBQUERIES, Map.of()); }

    /** Where this builder's subqueries go (a SQL function's query body joins the caller's query through it). */
    Subqueries subqueries() { return subqueries; }

    Expression build(ParserRuleContext ctx) { return visit(ctx); }

    List<Expression> buildAll(List<? extends ParserRuleContext> ctxs) {
        List<Expression> out = new ArrayList<>(ctxs.size());
        for (ParserRuleContext c : ctxs) out.add(visit(c));
        return out;
    }

    // ---- named expressions

    @Override public Expression visitNamedExpression(SqlGrammar.NamedExpressionContext ctx) {
        Expression e = visit(ctx.expression());
        String parameter = ctx.name == null && ctx.names == null ? parameterName(ctx.expression()) : null;
        if (parameter != null) return new Alias(e, parameter);   // SELECT p in a SQL function's body: a column named p
        if (ctx.name != null) return new Alias(e instanceof Alias a ? a.child() : e, Names.identifier(ctx.name));
        if (ctx.names != null) return new MultiAlias(e, Names.identifiers(ctx.names.identifier()));
        return e;
    }

    @Override public Expression visitExpression(SqlGrammar.ExpressionContext ctx) { return visit(ctx.booleanExpression()); }

    // ---- boolean logic and predicates

    @Override public Expression visitLogicalNot(SqlGrammar.LogicalNotContext ctx) {
        // NOT (x IN (subquery)) is Spark's null-aware NOT IN, as x NOT IN (subquery)
        if (unparenthesized(ctx.booleanExpression()) instanceof SqlGrammar.PredicatedContext p
                && p.predicate() instanceof SqlGrammar.InSubqueryPredicateContext in && in.NOT() == null) {
            return subqueries.in(build(p.valueExpression()), in.query(), true);
        }
        return new Not(visit(ctx.booleanExpression()));
    }

    /** {@code ((x IN (...)))} as {@code x IN (...)}: parentheses leave no trace in the expression. */
    private static SqlGrammar.BooleanExpressionContext unparenthesized(SqlGrammar.BooleanExpressionContext e) {
        while (e instanceof SqlGrammar.PredicatedContext p && p.predicate() == null) {
            org.antlr.v4.runtime.tree.ParseTree node = p.valueExpression();
            while (!(node instanceof SqlGrammar.ParenthesizedExpressionContext) && node instanceof org.antlr.v4.runtime.ParserRuleContext c
                    && c.getChildCount() == 1) node = c.getChild(0);
            if (!(node instanceof SqlGrammar.ParenthesizedExpressionContext paren)) return e;
            e = paren.expression().booleanExpression();
        }
        return e;
    }

    @Override public Expression visitExists(SqlGrammar.ExistsContext ctx) { return subqueries.exists(ctx.query()); }

    @Override public Expression visitLogicalBinary(SqlGrammar.LogicalBinaryContext ctx) {
        Expression l = visit(ctx.left), r = visit(ctx.right);
        return ctx.op.getType() == SqlGrammar.AND ? new And(l, r) : new Or(l, r);
    }

    @Override public Expression visitPredicated(SqlGrammar.PredicatedContext ctx) {
        Expression value = visit(ctx.valueExpression());
        return ctx.predicate() == null ? value : Predicates.apply(this, value, ctx.predicate(), subqueries);
    }

    // ---- arithmetic, comparison, bitwise

    @Override public Expression visitArithmeticUnary(SqlGrammar.ArithmeticUnaryContext ctx) {
        Expression child = visit(ctx.valueExpression());
        return switch (ctx.op.getType()) {
            case SqlGrammar.MINUS -> child instanceof Literal l && l.value() instanceof Number ? negateLiteral(l) : new Negate(child);
            case SqlGrammar.PLUS -> child;
            default -> FunctionResolver.resolve("~", List.of(child));
        };
    }

    private static Expression negateLiteral(Literal l) {
        Object v = l.value();
        if (v instanceof Integer i && i != Integer.MIN_VALUE) return new Literal(-i, l.dataType());
        if (v instanceof Long x && x != Long.MIN_VALUE) return new Literal(-x, l.dataType());
        if (v instanceof Double d) return new Literal(-d, l.dataType());
        if (v instanceof Float f) return new Literal(-f, l.dataType());
        if (v instanceof java.math.BigDecimal d) return new Literal(d.negate(), l.dataType());
        return new Negate(l);
    }

    @Override public Expression visitArithmeticBinary(SqlGrammar.ArithmeticBinaryContext ctx) {
        Expression l = visit(ctx.left), r = visit(ctx.right);
        return switch (ctx.op.getType()) {
            case SqlGrammar.PLUS -> new Arithmetic(Arithmetic.Op.ADD, l, r);
            case SqlGrammar.MINUS -> new Arithmetic(Arithmetic.Op.SUBTRACT, l, r);
            case SqlGrammar.ASTERISK -> new Arithmetic(Arithmetic.Op.MULTIPLY, l, r);
            case SqlGrammar.SLASH -> new Arithmetic(Arithmetic.Op.DIVIDE, l, r);
            case SqlGrammar.PERCENT -> new Arithmetic(Arithmetic.Op.REMAINDER, l, r);
            case SqlGrammar.CONCAT_PIPE -> new StringFunction(StringFunction.Kind.CONCAT, List.of(l, r));
            case SqlGrammar.DIV -> FunctionResolver.resolve("div", List.of(l, r));
            case SqlGrammar.AMPERSAND -> FunctionResolver.resolve("&", List.of(l, r));
            case SqlGrammar.PIPE -> FunctionResolver.resolve("|", List.of(l, r));
            case SqlGrammar.HAT -> FunctionResolver.resolve("^", List.of(l, r));
            default -> throw SluiceException.internal("operator " + ctx.op.getText());
        };
    }

    @Override public Expression visitShiftExpression(SqlGrammar.ShiftExpressionContext ctx) {
        String name = switch (ctx.shiftOperator().getChildCount()) {
            case 3 -> ">>>";
            default -> ctx.shiftOperator().LT().isEmpty() ? ">>" : "<<";
        };
        return FunctionResolver.resolve(name, List.of(visit(ctx.left), visit(ctx.right)));
    }

    @Override public Expression visitComparison(SqlGrammar.ComparisonContext ctx) {
        Expression l = visit(ctx.left), r = visit(ctx.right);
        Token op = ((org.antlr.v4.runtime.tree.TerminalNode) ctx.comparisonOperator().getChild(0)).getSymbol();
        return switch (op.getType()) {
            case SqlGrammar.EQ -> new Comparison(Comparison.Op.EQ, l, r);
            case SqlGrammar.NEQ -> new Not(new Comparison(Comparison.Op.EQ, l, r));
            case SqlGrammar.NSEQ -> new Comparison(Comparison.Op.EQ_NULL_SAFE, l, r);
            case SqlGrammar.LT -> new Comparison(Comparison.Op.LT, l, r);
            case SqlGrammar.LTE -> new Comparison(Comparison.Op.LE, l, r);
            case SqlGrammar.GT -> new Comparison(Comparison.Op.GT, l, r);
            case SqlGrammar.GTE -> new Comparison(Comparison.Op.GE, l, r);
            default -> throw SluiceException.internal("comparison " + op.getText());
        };
    }

    // ---- primary expressions

    @Override public Expression visitValueExpressionDefault(SqlGrammar.ValueExpressionDefaultContext ctx) {
        return visit(ctx.primaryExpression());
    }

    @Override public Expression visitParenthesizedExpression(SqlGrammar.ParenthesizedExpressionContext ctx) {
        return visit(ctx.expression());
    }

    @Override public Expression visitSearchedCase(SqlGrammar.SearchedCaseContext ctx) {
        List<Expression> conditions = new ArrayList<>(), values = new ArrayList<>();
        for (SqlGrammar.WhenClauseContext w : ctx.whenClause()) {
            conditions.add(visit(w.condition));
            values.add(visit(w.result));
        }
        return new CaseWhen(conditions, values, ctx.elseExpression == null ? null : visit(ctx.elseExpression));
    }

    @Override public Expression visitSimpleCase(SqlGrammar.SimpleCaseContext ctx) {
        Expression value = visit(ctx.value);
        List<Expression> conditions = new ArrayList<>(), values = new ArrayList<>();
        for (SqlGrammar.WhenClauseContext w : ctx.whenClause()) {
            conditions.add(new Comparison(Comparison.Op.EQ, value, visit(w.condition)));
            values.add(visit(w.result));
        }
        return new CaseWhen(conditions, values, ctx.elseExpression == null ? null : visit(ctx.elseExpression));
    }

    @Override public Expression visitCast(SqlGrammar.CastContext ctx) {
        EvalMode mode = ctx.name.getType() == SqlGrammar.TRY_CAST ? EvalMode.TRY : EvalMode.ANSI;
        return new Cast(visit(ctx.expression()), dataType(ctx.dataType()), mode);
    }

    @Override public Expression visitColonCast(SqlGrammar.ColonCastContext ctx) {
        return new Cast(visit(ctx.primaryExpression()), dataType(ctx.dataType()), EvalMode.ANSI);
    }

    /** {@code s COLLATE name} (also {@code SYSTEM.BUILTIN.name}): the registry's {@code collate(s, 'name')}. */
    @Override public Expression visitCollateClause(SqlGrammar.CollateClauseContext ctx) {
        List<String> parts = new java.util.ArrayList<>();
        for (SqlGrammar.IdentifierContext id : ctx.collation) parts.add(Names.identifier(id));
        return FunctionResolver.resolve("collate", List.of(visit(ctx.primaryExpression()), Literal.of(String.join(".", parts))));
    }

    /** The type as the DDL parser reads it, from the text the user wrote. */
    static DataType dataType(SqlGrammar.DataTypeContext ctx) {
        String text = ctx.start.getInputStream().getText(Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
        try {
            return DdlParser.parseType(text);
        } catch (SluiceException e) {
            if (e.code() != ErrorCode.INVALID_SCHEMA) throw e;
            throw SyntaxErrors.at(ctx, "unsupported data type " + text);
        }
    }

    @Override public Expression visitExtract(SqlGrammar.ExtractContext ctx) {
        return SpecialForms.extract(Names.identifier(ctx.field), visit(ctx.source));
    }

    @Override public Expression visitSubstring(SqlGrammar.SubstringContext ctx) {
        Expression len = ctx.len == null ? Literal.of(Integer.MAX_VALUE) : visit(ctx.len);
        if (ctx.getStart().getType() == SqlGrammar.SUBSTR && ctx.FROM() == null) {   // Spark: substr(s, 5, 2147483647); the FROM form is substring
            return new dev.sluice.expr.FunctionCall("substr", List.of(visit(ctx.str), visit(ctx.pos), len), null);
        }
        return new StringFunction(StringFunction.Kind.SUBSTRING, List.of(visit(ctx.str), visit(ctx.pos), len));
    }

    @Override public Expression visitTrim(SqlGrammar.TrimContext ctx) {
        return SpecialForms.trim(ctx.trimOption == null ? SqlGrammar.BOTH : ctx.trimOption.getType(),
                ctx.trimStr == null ? null : visit(ctx.trimStr), visit(ctx.srcStr));
    }

    @Override public Expression visitPosition(SqlGrammar.PositionContext ctx) {
        return FunctionResolver.resolve("locate", List.of(visit(ctx.substr), visit(ctx.str)));
    }

    /** {@code OVERLAY(s PLACING r FROM pos [FOR len])}: Spark's overlay function (length -1: the replacement's). */
    @Override public Expression visitOverlay(SqlGrammar.OverlayContext ctx) {
        List<Expression> args = new ArrayList<>(List.of(visit(ctx.input), visit(ctx.replace), visit(ctx.position)));
        if (ctx.length != null) args.add(visit(ctx.length));
        return FunctionResolver.resolve("overlay", args);
    }

    /** {@code X 'F0'}, {@code TIME '12:34'}: Spark's type constructor forms of a literal that are not typed literals in the grammar. */
    @Override public Expression visitTypeConstructor(SqlGrammar.TypeConstructorContext ctx) {
        String type = Names.identifier(ctx.typeName);
        String text = ctx.STRING().getText();
        if (type.equalsIgnoreCase("X") && text.matches("'[0-9A-Fa-f]*'")) return Literals.binary("X" + text);
        if (type.equalsIgnoreCase("TIME")) return Literals.typed("TIME", Literals.string(text));
        if (type.equalsIgnoreCase("X")) {
            throw SluiceException.of(ErrorCode.INVALID_TYPED_LITERAL).with("type", "X").with("value", text).build();
        }
        throw SyntaxErrors.at(ctx, "unknown literal type " + type + " (DATE, TIME, TIMESTAMP, TIMESTAMP_NTZ, TIMESTAMP_LTZ, INTERVAL and X are)");
    }

    @Override public Expression visitConstantDefault(SqlGrammar.ConstantDefaultContext ctx) { return visit(ctx.constant()); }

    @Override public Expression visitNullLiteral(SqlGrammar.NullLiteralContext ctx) { return Literal.NULL; }

    @Override public Expression visitBooleanLiteral(SqlGrammar.BooleanLiteralContext ctx) {
        return ctx.TRUE() != null ? Literal.TRUE : Literal.FALSE;
    }

    @Override public Expression visitNumericLiteral(SqlGrammar.NumericLiteralContext ctx) {
        SqlGrammar.NumberContext n = ctx.number();
        Token digits = ((org.antlr.v4.runtime.tree.TerminalNode) n.getChild(n.getChildCount() - 1)).getSymbol();
        return Literals.number(digits.getText(), n.MINUS() != null);
    }

    @Override public Expression visitStringLiteral(SqlGrammar.StringLiteralContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (var s : ctx.STRING()) sb.append(Literals.string(s.getText()));   // adjacent literals concatenate, as Spark
        return Literal.of(sb.toString());
    }

    @Override public Expression visitBinaryLiteral(SqlGrammar.BinaryLiteralContext ctx) { return Literals.binary(ctx.BINARY_HEX().getText()); }

    @Override public Expression visitTypedLiteral(SqlGrammar.TypedLiteralContext ctx) {
        return Literals.typed(ctx.type.getText(), Literals.string(ctx.STRING().getText()));
    }

    @Override public Expression visitIntervalLiteral(SqlGrammar.IntervalLiteralContext ctx) {
        return IntervalLiterals.build(ctx);
    }

    @Override public Expression visitStar(SqlGrammar.StarContext ctx) {
        if (ctx.qualifiedName() != null || ctx.EXCEPT() != null) {
            throw SyntaxErrors.at(ctx, "a qualified or EXCEPT star is only allowed as a whole select item");
        }
        return new UnresolvedStar();
    }

    @Override public Expression visitRowConstructor(SqlGrammar.RowConstructorContext ctx) {
        List<Expression> fields = new ArrayList<>();
        for (SqlGrammar.NamedExpressionContext n : ctx.namedExpression()) fields.add(visit(n));
        return dev.sluice.expr.CreateStruct.of(fields);
    }

    @Override public Expression visitSubqueryExpression(SqlGrammar.SubqueryExpressionContext ctx) { return subqueries.scalar(ctx.query()); }

    @Override public Expression visitFunctionCall(SqlGrammar.FunctionCallContext ctx) { return Calls.build(this, ctx); }

    @Override public Expression visitLambda(SqlGrammar.LambdaContext ctx) {
        List<String> params = new ArrayList<>();
        for (SqlGrammar.LambdaParameterContext id : ctx.lambdaParameter()) params.add(Names.word(id));
        return dev.sluice.expr.LambdaFunction.of(params, build(ctx.expression()));
    }

    @Override public Expression visitSubscript(SqlGrammar.SubscriptContext ctx) {
        return new GetItem(visit(ctx.value), visit(ctx.index));
    }

    @Override public Expression visitColumnReference(SqlGrammar.ColumnReferenceContext ctx) {
        return columnOrParameter(List.of(Names.word(ctx.columnName())));
    }

    /** The name of the SQL function parameter {@code ctx} is a bare reference to ({@code p}, {@code f.p}), else null. */
    private String parameterName(SqlGrammar.ExpressionContext ctx) {
        org.antlr.v4.runtime.tree.ParseTree node = ctx;
        while (node.getChildCount() == 1 && !(node instanceof SqlGrammar.ColumnReferenceContext) && !(node instanceof SqlGrammar.DereferenceContext)) node = node.getChild(0);
        List<String> parts = new ArrayList<>();
        while (node instanceof SqlGrammar.DereferenceContext d) {
            parts.add(0, Names.word(d.fieldName));
            node = d.base;
            while (node.getChildCount() == 1 && !(node instanceof SqlGrammar.ColumnReferenceContext) && !(node instanceof SqlGrammar.DereferenceContext)) node = node.getChild(0);
        }
        if (!(node instanceof SqlGrammar.ColumnReferenceContext c)) return null;
        parts.add(0, Names.word(c.columnName()));
        return subqueries.parameter(parts) != null ? parts.get(parts.size() - 1) : null;
    }

    private Expression columnOrParameter(List<String> parts) {
        Expression parameter = subqueries.parameter(parts);
        return parameter != null ? parameter : new UnresolvedColumn(parts);
    }

    /** {@code a.b.c}: a column path while the base is a name (the analyzer tells qualifier, column and field apart). */
    @Override public Expression visitDereference(SqlGrammar.DereferenceContext ctx) {
        String field = Names.word(ctx.fieldName);
        // q.x as a whole first: a qualified column of a SQL function's body before a parameter q
        Expression base = ctx.base instanceof SqlGrammar.ColumnReferenceContext c ? new UnresolvedColumn(List.of(Names.word(c.columnName()))) : visit(ctx.base);
        if (base instanceof UnresolvedColumn u) {
            List<String> parts = new ArrayList<>(u.nameParts());
            parts.add(field);
            return columnOrParameter(parts);
        }
        return GetStructField.unresolved(base, field);
    }

    // ---- window specifications and sort items

    SortOrder sortOrder(SqlGrammar.SortItemContext ctx) {
        Expression e = visit(ctx.expression());
        boolean ascending = ctx.ordering == null || ctx.ordering.getType() == SqlGrammar.ASC;
        boolean nullsFirst = ctx.nullOrder == null ? ascending : ctx.nullOrder.getType() == SqlGrammar.FIRST;
        return new SortOrder(e, ascending, nullsFirst);
    }

    SqlGrammar.WindowSpecContext namedWindow(String name, ParserRuleContext at) {
        SqlGrammar.WindowSpecContext w = namedWindows.get(name.toLowerCase(Locale.ROOT));
        if (w == null) throw SyntaxErrors.at(at, "the window " + name + " is not defined in a WINDOW clause");
        return w;
    }

    Expression isNull(Expression e, boolean negated) { return negated ? new IsNotNull(e) : new IsNull(e); }

    static FunctionCall call(String name, Expression... args) { return FunctionCall.of(name, args); }

    private static SluiceException subqueriesNeedAQuery() {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "a subquery in an expression string")
                .with("reason", "subqueries are allowed in SQL queries (sluice.sql), not in expr()/selectExpr()/filter(String)").build();
    }
}
