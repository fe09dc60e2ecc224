package dev.sluice.sql;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * PARSE_SYNTAX_ERROR with Spark's facts: the 1-based position, the reason, and the input with a caret under the
 * spot. Also the ANTLR error listener that raises it on the first error (no error recovery: one clear message).
 */
final class SyntaxErrors extends BaseErrorListener {
    private final String input;

    SyntaxErrors(String input) { this.input = input; }

    @Override public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                      String msg, RecognitionException e) {
        int offset = offendingSymbol instanceof Token t && t.getStartIndex() >= 0 ? t.getStartIndex() : offsetOf(line, column);
        String near = offendingSymbol instanceof Token t
                ? (t.getType() == Token.EOF ? "end of input" : "'" + t.getText() + "'") : null;
        String reason = near != null ? "syntax error at or near " + near + " (" + msg + ")" : msg;
        throw at(input, offset, reason);
    }

    private int offsetOf(int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) offset = input.indexOf('\n', offset) + 1;
        return Math.max(0, offset) + column;
    }

    static SluiceException at(String input, int offset, String reason) {
        int shown = Math.max(0, Math.min(offset, input.length()));
        return SluiceException.of(ErrorCode.PARSE_SYNTAX_ERROR)
                .with("position", shown + 1)
                .with("reason", reason)
                .with("pointer", "  " + input + "\n  " + " ".repeat(shown) + "^")
                .build();
    }

    /** A syntax error at the start of {@code node} (for checks the grammar leaves to the builders). */
    static SluiceException at(ParseTree node, String reason) {
        Token start = node instanceof ParserRuleContext c ? c.getStart() : null;
        String text = start == null ? "" : start.getInputStream().toString();
        return at(text, start == null ? 0 : start.getStartIndex(), reason);
    }

    /** A feature the grammar accepts that Sluice does not run yet: UNSUPPORTED_OPERATION, never a silent skip. */
    static SluiceException unsupported(String feature, String reason) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", feature).with("reason", reason).build();
    }
}
