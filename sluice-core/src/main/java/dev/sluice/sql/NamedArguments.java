package dev.sluice.sql;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code f(a, name => b)}: the functions that take named arguments in Spark 4.1, their parameters in order and the
 * defaults of the optional ones, and Spark's rules: positional arguments first, each parameter once, every required
 * one given. The call becomes a positional one (defaults filled in), so the function itself never knows.
 */
final class NamedArguments {
    /** A parameter; {@code defaultValue} null when it is required. */
    record Parameter(String name, Expression defaultValue) {
        boolean required() { return defaultValue == null; }
    }

    private static final Map<String, List<Parameter>> SIGNATURES = Map.ofEntries(
            Map.entry("mask", List.of(required("str"), optional("upperChar", Literal.of("X")), optional("lowerChar", Literal.of("x")),
                    optional("digitChar", Literal.of("n")), optional("otherChar", Literal.NULL))),
            Map.entry("count_min_sketch", List.of(required("column"), required("epsilon"), required("confidence"), required("seed"))),
            Map.entry("explode", List.of(required("collection"))),
            Map.entry("explode_outer", List.of(required("collection"))),
            Map.entry("posexplode", List.of(required("collection"))),
            Map.entry("posexplode_outer", List.of(required("collection"))),
            Map.entry("inline", List.of(required("input"))),
            Map.entry("inline_outer", List.of(required("input"))),
            Map.entry("variant_explode", List.of(required("input"))),
            Map.entry("variant_explode_outer", List.of(required("input"))));

    private NamedArguments() {}

    private static Parameter required(String name) { return new Parameter(name, null); }

    private static Parameter optional(String name, Expression defaultValue) { return new Parameter(name, defaultValue); }

    /** One argument as written: {@code name} null when positional. */
    record Argument(String name, Expression value) {}

    /** The positional arguments of a call that may name some of them. */
    static List<Expression> positional(String function, List<Argument> args) {
        if (args.stream().allMatch(a -> a.name() == null)) return args.stream().map(Argument::value).toList();
        List<Parameter> signature = SIGNATURES.get(function);
        if (signature == null) throw SluiceException.of(ErrorCode.NAMED_PARAMETERS_NOT_SUPPORTED).with("function", quote(function)).build();
        return positional(quote(function), signature, args);
    }

    /** The arguments in {@code signature}'s order, defaults filled in ({@code function} as errors show it). */
    static List<Expression> positional(String function, List<Parameter> signature, List<Argument> args) {
        Expression[] bound = new Expression[signature.size()];
        String lastNamed = null;
        int position = 0;
        for (Argument a : args) {
            if (a.name() == null) {
                if (lastNamed != null) {
                    throw SluiceException.of(ErrorCode.UNEXPECTED_POSITIONAL_ARGUMENT).with("function", function).with("parameter", quote(lastNamed)).build();
                }
                if (position >= bound.length) {
                    throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", function)
                            .with("reason", "it takes at most " + bound.length + " arguments").build();
                }
                bound[position++] = a.value();
                continue;
            }
            int index = indexOf(signature, a.name());
            if (index < 0) {
                List<String> names = signature.stream().map(Parameter::name).toList();
                String near = names.stream().min(java.util.Comparator.comparingInt(n -> dev.sluice.error.EditDistance.between(n, a.name()))).orElse(null);
                throw SluiceException.of(ErrorCode.UNRECOGNIZED_PARAMETER_NAME).with("function", function).with("parameter", quote(a.name()))
                        .with("suggestion", near == null ? "" : " Did you mean one of the following? [" + quote(near) + "].").build();
            }
            if (bound[index] != null) {
                throw SluiceException.of(ErrorCode.DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT).with("function", function).with("parameter", quote(a.name())).build();
            }
            bound[index] = a.value();
            lastNamed = a.name();
        }
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] != null) continue;
            if (signature.get(i).required()) {
                throw SluiceException.of(ErrorCode.REQUIRED_PARAMETER_NOT_FOUND).with("function", function).with("parameter", quote(signature.get(i).name())).build();
            }
            bound[i] = signature.get(i).defaultValue();
        }
        return new ArrayList<>(Arrays.asList(bound));
    }

    private static int indexOf(List<Parameter> signature, String name) {
        for (int i = 0; i < signature.size(); i++) if (signature.get(i).name().equals(name)) return i;
        return -1;
    }

    private static String quote(String name) { return "`" + name + "`"; }
}
