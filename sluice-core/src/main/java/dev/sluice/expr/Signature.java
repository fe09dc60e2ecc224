package dev.sluice.expr;

import dev.sluice.types.DataType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A function bound to its arguments: the type each argument is cast to, the result type, whether the result may
 * be null, and optional constant state the binding computed (a compiled regex, a parsed date pattern).
 */
public record Signature(List<DataType> argumentTypes, DataType resultType, boolean nullable, Object state) {
    public Signature {
        argumentTypes = List.copyOf(argumentTypes);
        requireNonNull(resultType, "resultType");
    }

    public Signature(List<DataType> argumentTypes, DataType resultType, boolean nullable) {
        this(argumentTypes, resultType, nullable, null);
    }
}
