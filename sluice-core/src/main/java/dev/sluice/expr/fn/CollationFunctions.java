package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.Collation;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;

import java.util.List;

import static dev.sluice.types.DataTypes.STRING;

/**
 * Spark 4's {@code collate(s, name)} ({@code s COLLATE name}: the same string under another collation, an explicit
 * collation for {@link dev.sluice.expr.CollationPrecedence}) and {@code collation(s)} (the fully qualified name of
 * its argument's collation, {@code SYSTEM.BUILTIN.UTF8_LCASE}, NULL or not).
 */
public final class CollationFunctions {
    private CollationFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                RowFunction.nullable("collation", CollationFunctions::bindCollation, (v, s) -> s.state()),
                RowFunction.of("collate", CollationFunctions::bindCollate, v -> v[0]));
    }

    private static Signature bindCollation(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 1);
        if (!(args.get(0).dataType() instanceof StringType s)) throw FnArgs.mismatch(fn, args, 0, "string");
        return new Signature(List.of(s), STRING, false, s.collation().qualifiedName());
    }

    private static Signature bindCollate(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        if (!(args.get(1) instanceof Literal l) || !(l.value() instanceof String name)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", fn)
                    .with("reason", "the collation must be a constant name, got " + args.get(1).sql()).build();
        }
        dev.sluice.types.DataType in = args.get(0).dataType();
        if (!(in instanceof StringType) && !(in instanceof NullType)) throw FnArgs.mismatch(fn, args, 0, "string");
        return new Signature(List.of(in instanceof StringType ? in : STRING, STRING), StringType.of(Collation.of(name)),
                args.get(0).nullable());
    }
}
