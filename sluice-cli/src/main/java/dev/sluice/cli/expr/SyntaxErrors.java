package dev.sluice.cli.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

/** Builds the parser's errors: the 1-based position, the reason, and the input with a caret under the spot. */
final class SyntaxErrors {
    private SyntaxErrors() {}

    static SluiceException at(String input, int offset, String reason) {
        return at(input, offset, reason, null);
    }

    static SluiceException at(String input, int offset, String reason, Throwable cause) {
        int shown = Math.max(0, Math.min(offset, input.length()));
        SluiceException.Builder b = SluiceException.of(ErrorCode.PARSE_SYNTAX_ERROR)
                .with("position", shown + 1)
                .with("reason", reason)
                .with("pointer", "  " + input + "\n  " + " ".repeat(shown) + "^");
        if (cause != null) b.cause(cause);
        return b.build();
    }
}
