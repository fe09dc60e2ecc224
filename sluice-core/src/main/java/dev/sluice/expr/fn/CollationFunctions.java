package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;

import java.util.List;
import java.util.Locale;

import static dev.sluice.types.DataTypes.STRING;

/**
 * Spark 4's collations, as far as Sluice has them: every Sluice string is {@code UTF8_BINARY} (compared, grouped
 * and ordered by its UTF-8 bytes), so {@code collation(s)} is {@code SYSTEM.BUILTIN.UTF8_BINARY} and
 * {@code s COLLATE UTF8_BINARY} / {@code collate(s, 'UTF8_BINARY')} leave the value as it is. Any other collation
 * ({@code UTF8_LCASE}, {@code UNICODE}, {@code UNICODE_CI}, ICU locales, {@code _RTRIM} forms) is refused with
 * UNSUPPORTED_OPERATION rather than compared as binary behind the user's back.
 */
public final class CollationFunctions {
    static final String BINARY = "UTF8_BINARY";

    private CollationFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                RowFunction.of("collation", RowFunction.typed(STRING, STRING), v -> "SYSTEM.BUILTIN." + BINARY),
                RowFunction.of("collate", CollationFunctions::bindCollate, v -> v[0]));
    }

    private static Signature bindCollate(String fn, List<Expression> args) {
        Signature s = RowFunction.typed(STRING, STRING, STRING).bind(fn, args);
        if (!(args.get(1) instanceof Literal l) || !(l.value() instanceof String name)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", fn)
                    .with("reason", "the collation must be a constant name, got " + args.get(1).sql()).build();
        }
        String bare = name.toUpperCase(Locale.ROOT).replaceFirst("^SYSTEM\\.BUILTIN\\.", "");
        if (!bare.equals(BINARY)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "The collation " + name)
                    .with("reason", "Sluice compares strings by their UTF-8 bytes only (UTF8_BINARY); lower-case both sides "
                            + "(lower(a) = lower(b)) for UTF8_LCASE's comparisons").build();
        }
        return s;
    }
}
