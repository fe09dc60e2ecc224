package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.expr.Expression;
import dev.sluice.sql.grammar.SqlGrammar;
import dev.sluice.sql.grammar.SqlLexer;
import dev.sluice.types.DataType;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Sluice's Spark SQL parser. Every entry point builds what the DataFrame API builds for the same thing, unresolved
 * (the analyzer resolves it when it meets a plan). Errors: PARSE_SYNTAX_ERROR with the position; unknown functions
 * UNKNOWN_FUNCTION; SQL that Sluice cannot run yet UNSUPPORTED_OPERATION.
 */
public final class SqlParser {
    private SqlParser() {}

    /** One expression, optionally named: {@code "status >= 400"}, {@code "upper(name) AS n"} (Spark's {@code expr}). */
    public static Column parseExpression(String text) {
        SqlGrammar.SingleNamedExpressionContext tree = parse(text, SqlGrammar::singleNamedExpression);
        return new Column(ExpressionBuilder.plain().build(tree.namedExpression()));
    }

    /** The expression tree of {@link #parseExpression}. */
    public static Expression parseExpressionTree(String text) { return parseExpression(text).expr(); }

    /** A comma-separated list of named expressions: {@code "ts, status + 1 AS next"} (the CLI's {@code --select}). */
    public static List<Column> parseExpressionList(String text) {
        SqlGrammar.NamedExpressionListContext tree = parse(text, SqlGrammar::namedExpressionList);
        List<Column> out = new ArrayList<>();
        for (SqlGrammar.NamedExpressionContext n : tree.namedExpressionSeq().namedExpression()) {
            out.add(new Column(ExpressionBuilder.plain().build(n)));
        }
        return out;
    }

    /** A data type in SQL spelling: {@code "array<int>"}, {@code "decimal(10,2)"}. */
    public static DataType parseDataType(String text) {
        return ExpressionBuilder.dataType(parse(text, SqlGrammar::singleDataType).dataType());
    }

    /**
     * A query over {@code session}'s catalog, as a lazy DataFrame ({@code Sluice.sql}); other statements (CREATE,
     * INSERT, DROP, SET, SHOW, DESCRIBE, EXPLAIN) run now, as Spark's commands do, and return their result rows.
     */
    public static DataFrame parseQuery(Sluice session, String text) {
        DataFrame setting = Statements.setOrReset(session, text);
        if (setting != null) return setting;
        SqlGrammar.SingleStatementContext tree = parse(text, SqlGrammar::singleStatement);
        return new Statements(session).run(tree.statement());
    }

    /** Whether {@code text} is a query (lazy) rather than a statement that {@link #parseQuery} runs at once. */
    public static boolean isQuery(String text) {
        if (Statements.isSetOrReset(text)) return false;
        return parse(text, SqlGrammar::singleStatement).statement() instanceof SqlGrammar.StatementQueryContext;
    }

    /**
     * Parses with ANTLR's fast SLL mode first and falls back to full LL only when SLL fails (the usual two-stage
     * strategy: same result, most inputs never pay for LL).
     */
    static <T extends ParserRuleContext> T parse(String text, Function<SqlGrammar, T> rule) {
        SqlLexer lexer = new SqlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrors(text));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        SqlGrammar parser = new SqlGrammar(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new org.antlr.v4.runtime.DefaultErrorStrategy());
            parser.addErrorListener(new SyntaxErrors(text));
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return rule.apply(parser);
        }
    }
}
