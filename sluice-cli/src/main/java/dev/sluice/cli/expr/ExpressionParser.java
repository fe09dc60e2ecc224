package dev.sluice.cli.expr;

import dev.sluice.Column;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.functions;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for Spark SQL-like expressions, building {@link Column}s with the public API.
 * Precedence, lowest first (as Spark's grammar):
 * <pre>
 * OR
 * AND
 * NOT
 * = == != &lt;&gt; &lt; &lt;= &gt; &gt;= &lt;=&gt;,  IS [NOT] NULL
 * + -
 * * / %
 * unary - +
 * postfix: .field  [index]
 * primary: literal, column (dotted, `quoted`), (expr), CAST(expr AS type), TRY_CAST, name(args), DATE 'x', TIMESTAMP 'x'
 * </pre>
 * Literals are typed as Spark types them: {@code 1} INT, {@code 3000000000} BIGINT, {@code 1.5} DECIMAL(2,1),
 * {@code 1.5e0} and {@code 1.5D} DOUBLE, {@code 10L} BIGINT, {@code 2BD} DECIMAL, {@code 'x'} STRING.
 * Every error is a PARSE_SYNTAX_ERROR naming the position, with the input and a caret under the spot.
 */
public final class ExpressionParser {
    /** Words that end an expression instead of naming an alias after it ({@code a b} means a AS b). */
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "is", "as", "null", "true", "false",
            "cast", "try_cast", "from", "where");

    private final String input;
    private final List<Token> tokens;
    private int index;

    private ExpressionParser(String input) {
        this.input = input;
        this.tokens = Lexer.tokenize(input);
    }

    /** One expression, e.g. a filter: {@code status >= 400 AND content.error IS NOT NULL}. */
    public static Column parse(String input) {
        ExpressionParser p = new ExpressionParser(input);
        if (p.peek().kind() == Token.Kind.END) throw SyntaxErrors.at(input, 0, "the expression is empty");
        Column c = p.expression().column();
        p.expectEnd();
        return c;
    }

    /** A comma-separated list of expressions, each with an optional alias: {@code ts, status + 1 AS next, size(x) n}. */
    public static List<Column> parseList(String input) {
        ExpressionParser p = new ExpressionParser(input);
        List<Column> out = new ArrayList<>();
        do {
            if (p.peek().kind() == Token.Kind.END) throw p.error(p.peek(), "expected an expression");
            Column c = p.expression().column();
            if (p.peek().isKeyword("as")) {
                p.advance();
                c = c.alias(p.identifier("an alias after AS"));
            } else if (p.peek().kind() == Token.Kind.QUOTED_IDENTIFIER
                    || (p.peek().kind() == Token.Kind.IDENTIFIER && !RESERVED.contains(p.peek().text().toLowerCase(Locale.ROOT)))) {
                c = c.alias(p.identifier("an alias"));
            }
            out.add(c);
        } while (p.acceptSymbol(","));
        p.expectEnd();
        return out;
    }

    // ---- grammar, lowest precedence first

    private Parsed expression() { return or(); }

    private Parsed or() {
        Parsed left = and();
        while (peek().isKeyword("or")) {
            advance();
            Parsed right = and();
            left = Parsed.of(left.column().or(right.column()), left.position());
        }
        return left;
    }

    private Parsed and() {
        Parsed left = not();
        while (peek().isKeyword("and")) {
            advance();
            Parsed right = not();
            left = Parsed.of(left.column().and(right.column()), left.position());
        }
        return left;
    }

    private Parsed not() {
        if (peek().isKeyword("not")) {
            Token t = advance();
            return Parsed.of(functions.not(not().column()), t.position());
        }
        return predicate();
    }

    private Parsed predicate() {
        Parsed left = additive();
        while (true) {
            Token t = peek();
            if (t.isKeyword("is")) {
                advance();
                boolean negated = false;
                if (peek().isKeyword("not")) {
                    advance();
                    negated = true;
                }
                if (!peek().isKeyword("null")) throw error(peek(), "expected NULL after IS" + (negated ? " NOT" : ""));
                advance();
                left = Parsed.of(negated ? left.column().isNotNull() : left.column().isNull(), left.position());
            } else if (t.kind() == Token.Kind.SYMBOL && isComparison(t.text())) {
                advance();
                Column right = additive().column();
                left = Parsed.of(compare(t.text(), left.column(), right), left.position());
            } else {
                return left;
            }
        }
    }

    private static boolean isComparison(String s) {
        switch (s) {
            case "=": case "==": case "!=": case "<>": case "<": case "<=": case ">": case ">=": case "<=>": return true;
            default: return false;
        }
    }

    private static Column compare(String op, Column l, Column r) {
        switch (op) {
            case "=": case "==": return l.equalTo(r);
            case "!=": case "<>": return l.notEqual(r);
            case "<": return l.lt(r);
            case "<=": return l.leq(r);
            case ">": return l.gt(r);
            case ">=": return l.geq(r);
            case "<=>": return l.eqNullSafe(r);
            default: throw new IllegalArgumentException(op);
        }
    }

    private Parsed additive() {
        Parsed left = multiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            boolean plus = advance().text().equals("+");
            Column right = multiplicative().column();
            left = Parsed.of(plus ? left.column().plus(right) : left.column().minus(right), left.position());
        }
        return left;
    }

    private Parsed multiplicative() {
        Parsed left = unary();
        while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
            String op = advance().text();
            Column right = unary().column();
            Column l = left.column();
            left = Parsed.of(op.equals("*") ? l.multiply(right) : op.equals("/") ? l.divide(right) : l.mod(right), left.position());
        }
        return left;
    }

    private Parsed unary() {
        if (peek().isSymbol("-")) {
            Token t = advance();
            Parsed operand = unary();
            Object negated = operand.isLiteral() ? negateNumber(operand.value()) : null;
            // -5 stays a literal, so that it can be a function's int argument: substring(s, -3, 2)
            if (negated != null) return Parsed.literal(negated, t.position());
            return Parsed.of(operand.column().negate(), t.position());
        }
        if (peek().isSymbol("+")) {
            advance();
            return unary();
        }
        return postfix();
    }

    private static Object negateNumber(Object v) {
        if (v instanceof Integer i && i != Integer.MIN_VALUE) return -i;
        if (v instanceof Long l && l != Long.MIN_VALUE) return -l;
        if (v instanceof Double d) return -d;
        if (v instanceof Float f) return -f;
        if (v instanceof BigDecimal d) return narrowInteger(d.negate());
        return null;
    }

    private Parsed postfix() {
        Parsed p = primary();
        while (true) {
            if (peek().isSymbol(".")) {
                advance();
                p = Parsed.of(p.column().getField(identifier("a field name after '.'")), p.position());
            } else if (peek().isSymbol("[")) {
                advance();
                Parsed key = expression();
                expectSymbol("]");
                p = Parsed.of(p.column().getItem(key.isLiteral() ? key.value() : key.column()), p.position());
            } else {
                return p;
            }
        }
    }

    private Parsed primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                advance();
                return Parsed.literal(number(t), t.position());
            case STRING:
                advance();
                return Parsed.literal(t.text(), t.position());
            case QUOTED_IDENTIFIER:
            case IDENTIFIER:
                return identifierPrimary();
            case SYMBOL:
                if (t.isSymbol("(")) {
                    advance();
                    Parsed inner = expression();
                    expectSymbol(")");
                    return inner;
                }
                if (t.isSymbol("*")) {
                    advance();
                    return Parsed.of(functions.col("*"), t.position());
                }
                throw error(t, "expected an expression");
            default:
                throw error(t, "expected an expression");
        }
    }

    private Parsed identifierPrimary() {
        Token t = advance();
        if (t.kind() == Token.Kind.IDENTIFIER) {
            String word = t.text().toLowerCase(Locale.ROOT);
            switch (word) {
                case "true": return Parsed.literal(Boolean.TRUE, t.position());
                case "false": return Parsed.literal(Boolean.FALSE, t.position());
                case "null": return Parsed.literal(null, t.position());
                default: break;
            }
            if ((word.equals("cast") || word.equals("try_cast")) && peek().isSymbol("(")) return cast(t, word.equals("try_cast"));
            if ((word.equals("date") || word.equals("timestamp")) && peek().kind() == Token.Kind.STRING) {
                Token value = advance();
                return Parsed.of(functions.lit(value.text()).cast(word), t.position());
            }
            if (RESERVED.contains(word)) throw error(t, "expected an expression");
            if (peek().isSymbol("(")) return call(t);
        }
        // a column: name parts joined by dots; more parts after a dot extend the name (the analyzer resolves
        // each part against columns and struct fields)
        List<String> parts = new ArrayList<>();
        parts.add(t.text());
        while (peek().isSymbol(".") && isName(peekAt(1))) {
            advance();
            parts.add(advance().text());
        }
        return Parsed.of(new Column(new UnresolvedColumn(parts)), t.position());
    }

    private static boolean isName(Token t) {
        return t.kind() == Token.Kind.IDENTIFIER || t.kind() == Token.Kind.QUOTED_IDENTIFIER;
    }

    private Parsed call(Token name) {
        expectSymbol("(");
        List<Parsed> args = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            do {
                if (peek().isSymbol("*") && (peekAt(1).isSymbol(")") || peekAt(1).isSymbol(","))) {
                    Token star = advance();
                    args.add(Parsed.of(functions.col("*"), star.position()));   // count(*)
                } else {
                    args.add(expression());
                }
            } while (acceptSymbol(","));
        }
        expectSymbol(")");
        return Parsed.of(FunctionResolver.resolve(input, name.text(), name.position(), args), name.position());
    }

    /** CAST(expr AS type): the type is everything up to the matching ')', parsed as a Spark DDL type. */
    private Parsed cast(Token keyword, boolean tryCast) {
        expectSymbol("(");
        Parsed value = expression();
        if (!peek().isKeyword("as")) throw error(peek(), "expected AS and a type in " + keyword.text().toUpperCase(Locale.ROOT));
        advance();
        Token first = peek();
        int depth = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.END) throw error(t, "expected ')' to close " + keyword.text().toUpperCase(Locale.ROOT));
            if (t.isSymbol("(")) depth++;
            if (t.isSymbol(")")) {
                if (depth == 0) break;
                depth--;
            }
            advance();
        }
        Token close = peek();
        String typeText = input.substring(first.position(), close.position()).trim();
        if (typeText.isEmpty()) throw error(first, "expected a type after AS");
        DataType type;
        try {
            type = DdlParser.parseType(typeText);
        } catch (SluiceException e) {
            if (e.code() != ErrorCode.INVALID_SCHEMA) throw e;
            throw SyntaxErrors.at(input, first.position(), "'" + typeText + "' is not a type", e);
        }
        advance();
        Column c = value.column();
        return Parsed.of(tryCast ? c.try_cast(type) : c.cast(type), keyword.position());
    }

    /** A numeric literal with Spark's typing and suffixes. */
    private Object number(Token t) {
        String text = t.text();
        int end = text.length();
        while (end > 0 && Character.isLetter(text.charAt(end - 1))) end--;
        // an exponent's 'e' is not a suffix: "1e5" ends in a digit, so only trailing letters after digits count
        String digits = text.substring(0, end);
        String suffix = text.substring(end).toUpperCase(Locale.ROOT);
        boolean fractional = digits.contains(".") || digits.contains("e") || digits.contains("E");
        try {
            switch (suffix) {
                case "":
                    if (digits.contains("e") || digits.contains("E")) return Double.parseDouble(digits);
                    if (fractional) return new BigDecimal(digits);
                    return narrowInteger(new BigDecimal(digits));
                case "L":
                    if (fractional) break;
                    return new BigInteger(digits).longValueExact();
                case "D": return Double.parseDouble(digits);
                case "F": return Float.parseFloat(digits);
                case "BD": return new BigDecimal(digits);
                default: break;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw SyntaxErrors.at(input, t.position(), "the number " + text + " is out of range for its type", e);
        }
        throw SyntaxErrors.at(input, t.position(), "'" + text + "' is not a number (suffixes: L, D, F, BD)");
    }

    /** An integer literal: INT if it fits, else BIGINT, else DECIMAL (as Spark). */
    private static Object narrowInteger(BigDecimal d) {
        if (d.scale() > 0) return d;
        BigInteger i = d.toBigIntegerExact();
        if (i.bitLength() < 32) return i.intValue();
        if (i.bitLength() < 64) return i.longValue();
        return d;
    }

    // ---- token helpers

    private Token peek() { return tokens.get(index); }

    private Token peekAt(int ahead) { return tokens.get(Math.min(index + ahead, tokens.size() - 1)); }

    private Token advance() {
        Token t = tokens.get(index);
        if (t.kind() != Token.Kind.END) index++;
        return t;
    }

    private boolean acceptSymbol(String s) {
        if (!peek().isSymbol(s)) return false;
        advance();
        return true;
    }

    private void expectSymbol(String s) {
        if (!acceptSymbol(s)) throw error(peek(), "expected '" + s + "'");
    }

    private String identifier(String what) {
        Token t = peek();
        if (!isName(t)) throw error(t, "expected " + what);
        advance();
        return t.text();
    }

    private void expectEnd() {
        Token t = peek();
        if (t.kind() != Token.Kind.END) throw error(t, "unexpected " + t.describe() + " after a complete expression");
    }

    private SluiceException error(Token found, String expected) {
        return SyntaxErrors.at(input, found.position(), expected + ", found " + found.describe());
    }
}
