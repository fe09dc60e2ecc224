package dev.sluice.cli.expr;

/**
 * One token of an expression. {@code text} is the identifier, symbol or number as written (a string literal's
 * unescaped value); {@code position} is its 0-based offset in the input, for error messages.
 */
record Token(Kind kind, String text, int position) {
    enum Kind { IDENTIFIER, QUOTED_IDENTIFIER, NUMBER, STRING, SYMBOL, END }

    /** True for an unquoted identifier spelling {@code keyword}, in any case (keywords are case-insensitive). */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How the token is named in "expected X, found Y" messages. */
    String describe() {
        switch (kind) {
            case END: return "the end of the expression";
            case STRING: return "the string '" + text + "'";
            case QUOTED_IDENTIFIER: return "`" + text + "`";
            default: return "'" + text + "'";
        }
    }
}
