package dev.sluice.logic;

import java.util.ArrayList;
import java.util.List;

/**
 * The logic tests' DataFrame language: Java call chains without the noise, mirroring the Java API one to one.
 * <pre>
 *   expr    := primary ('.' NAME args)*
 *   primary := STRING | NUMBER | true | false | null | NAME args | NAME   (a bare NAME is a table)
 *   args    := '(' [expr (',' expr)*] ')'
 * </pre>
 * Strings use double quotes with Java escapes ({@code \" \\ \n \t \\uXXXX}); numbers are Java-like:
 * {@code 1} int, {@code 1L} long, {@code 1.5} double, {@code 1.5f} float, a leading {@code -} allowed.
 * Free calls are {@code dev.sluice.functions} or a {@link DslHelpers} helper; method calls are the public
 * methods of the receiver (DataFrame, Column, DataFrameReader, ...), chosen by reflection.
 */
final class Dsl {
    private Dsl() {}

    /** A parsed DSL expression. */
    sealed interface Node permits Const, TableRef, Call {}

    record Const(Object value) implements Node {}

    record TableRef(String name) implements Node {}

    /** {@code receiver.name(args)}, or a free call when {@code receiver} is null. */
    record Call(Node receiver, String name, List<Node> args) implements Node {}

    static Node parse(String text) {
        Parser p = new Parser(text);
        Node n = p.expr();
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected text");
        return n;
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) { this.s = s; }

        Node expr() {
            Node n = primary();
            while (true) {
                skipSpace();
                if (!peek('.')) return n;
                pos++;
                String name = name();
                n = new Call(n, name, args());
            }
        }

        Node primary() {
            skipSpace();
            if (pos >= s.length()) throw error("expression expected");
            char c = s.charAt(pos);
            if (c == '"') return new Const(string());
            if (c == '-' || Character.isDigit(c)) return new Const(number());
            String name = name();
            switch (name) {
                case "true": return new Const(Boolean.TRUE);
                case "false": return new Const(Boolean.FALSE);
                case "null": return new Const(null);
                default:
                    skipSpace();
                    return peek('(') ? new Call(null, name, args()) : new TableRef(name);
            }
        }

        List<Node> args() {
            skipSpace();
            expect('(');
            List<Node> out = new ArrayList<>();
            skipSpace();
            if (peek(')')) {
                pos++;
                return out;
            }
            while (true) {
                out.add(expr());
                skipSpace();
                if (peek(',')) {
                    pos++;
                } else {
                    expect(')');
                    return out;
                }
            }
        }

        String name() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            if (start == pos) throw error("name expected");
            return s.substring(start, pos);
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) throw error("unterminated string");
                char c = s.charAt(pos++);
                if (c == '"') return sb.toString();
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        Object number() {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == 'e'
                    || s.charAt(pos) == 'E' || (pos > start && (s.charAt(pos) == '-' || s.charAt(pos) == '+')
                    && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')))) pos++;
            String digits = s.substring(start, pos);
            if (peek('L')) {
                pos++;
                return Long.parseLong(digits);
            }
            if (peek('f')) {
                pos++;
                return Float.parseFloat(digits);
            }
            if (peek('d')) {
                pos++;
                return Double.parseDouble(digits);
            }
            if (digits.contains(".") || digits.contains("e") || digits.contains("E")) return Double.parseDouble(digits);
            return Integer.parseInt(digits);
        }

        void skipSpace() { while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++; }

        boolean peek(char c) { return pos < s.length() && s.charAt(pos) == c; }

        void expect(char c) {
            if (!peek(c)) throw error("'" + c + "' expected");
            pos++;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at offset " + pos + " of: " + s);
        }
    }
}
