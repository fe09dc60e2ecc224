package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;
import java.util.Set;

/** The names {@code explain(mode)} takes: Spark's five and Sluice's {@code analyze}. */
final class ExplainModes {
    static final Set<String> KNOWN = Set.of("simple", "extended", "codegen", "cost", "formatted", "analyze");

    private ExplainModes() {}

    /** The mode in lower case; INVALID_ARGUMENT for a name that is none of them (Spark: "Unknown explain mode"). */
    static String parse(String mode) {
        String m = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(m)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "explain")
                    .with("reason", "unknown explain mode '" + mode + "'; use simple, extended, codegen, cost, formatted or analyze").build();
        }
        return m;
    }

    static SluiceException unsupported(String mode, String engine) {
        String reason = mode.equalsIgnoreCase("codegen")
                ? "Sluice generates no code: its operators run vectorized over column batches; explain(\"formatted\") shows them and explain(\"analyze\") what they did"
                : "the " + engine + " engine does not explain in this mode";
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "explain mode " + mode).with("reason", reason).build();
    }
}
