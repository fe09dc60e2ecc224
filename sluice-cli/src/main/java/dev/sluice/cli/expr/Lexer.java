package dev.sluice.cli.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens, Spark SQL style: identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}), back-quoted
 * identifiers ({@code `a.b`}, a doubled back-quote stands for one), numbers with an optional suffix ({@code 10L},
 * {@code 1.5D}, {@code 2BD}), strings in single or double quotes with backslash escapes, and symbols.
 */
final class Lexer {
    /** Longest first, so that {@code <=>} is not read as {@code <=} then {@code >}. */
    private static final String[] SYMBOLS = {
        "<=>", "==", "!=", "<>", "<=", ">=", "<", ">", "=", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", ".", ":",
    };

    private final String input;
    private int pos;

    private Lexer(String input) { this.input = input; }

    static List<Token> tokenize(String input) {
        return new Lexer(input).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) pos++;
            if (pos >= input.length()) {
                tokens.add(new Token(Token.Kind.END, "", input.length()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = input.charAt(pos);
        int start = pos;
        if (Character.isLetter(c) || c == '_') {
            while (pos < input.length() && isIdentifierPart(input.charAt(pos))) pos++;
            return new Token(Token.Kind.IDENTIFIER, input.substring(start, pos), start);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < input.length() && Character.isDigit(input.charAt(pos + 1)))) {
            return number(start);
        }
        if (c == '`') return quotedIdentifier(start);
        if (c == '\'' || c == '"') return string(start, c);
        for (String s : SYMBOLS) {
            if (input.startsWith(s, pos)) {
                pos += s.length();
                return new Token(Token.Kind.SYMBOL, s, start);
            }
        }
        throw SyntaxErrors.at(input, start, "unexpected character '" + c + "'");
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Digits, an optional fraction and exponent, then letters (a suffix, checked by the parser). */
    private Token number(int start) {
        while (pos < input.length() && Character.isDigit(input.charAt(pos))) pos++;
        if (pos < input.length() && input.charAt(pos) == '.') {
            pos++;
            while (pos < input.length() && Character.isDigit(input.charAt(pos))) pos++;
        }
        if (pos < input.length() && (input.charAt(pos) == 'e' || input.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) pos++;
            if (pos < input.length() && Character.isDigit(input.charAt(pos))) {
                while (pos < input.length() && Character.isDigit(input.charAt(pos))) pos++;
            } else {
                pos = mark;   // not an exponent after all: "1e" is the number 1 followed by an identifier
            }
        }
        while (pos < input.length() && Character.isLetter(input.charAt(pos))) pos++;
        return new Token(Token.Kind.NUMBER, input.substring(start, pos), start);
    }

    private Token quotedIdentifier(int start) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= input.length()) throw SyntaxErrors.at(input, start, "unclosed back-quote");
            char c = input.charAt(pos++);
            if (c == '`') {
                if (pos < input.length() && input.charAt(pos) == '`') {
                    sb.append('`');
                    pos++;
                } else {
                    return new Token(Token.Kind.QUOTED_IDENTIFIER, sb.toString(), start);
                }
            } else {
                sb.append(c);
            }
        }
    }

    /** A string literal; escapes as in Spark SQL: \n \t \r \b \0 \\ \' \" and \\uXXXX; any other \x is x. */
    private Token string(int start, char quote) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= input.length()) throw SyntaxErrors.at(input, start, "unclosed string literal");
            char c = input.charAt(pos++);
            if (c == quote) return new Token(Token.Kind.STRING, sb.toString(), start);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= input.length()) throw SyntaxErrors.at(input, start, "unclosed string literal");
            char e = input.charAt(pos++);
            switch (e) {
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case 'b': sb.append('\b'); break;
                case '0': sb.append('\0'); break;
                case 'u':
                    if (pos + 4 > input.length()) throw SyntaxErrors.at(input, pos - 2, "\\u needs four hex digits");
                    try {
                        sb.append((char) Integer.parseInt(input.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw SyntaxErrors.at(input, pos - 2, "\\u needs four hex digits");
                    }
                    pos += 4;
                    break;
                default: sb.append(e);
            }
        }
    }
}
