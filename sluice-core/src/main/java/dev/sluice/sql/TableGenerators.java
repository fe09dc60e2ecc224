package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Spark's generators that are {@code inline} over a built array of structs: {@code stack(n, a, b, ...)} (n rows of
 * columns {@code col0, col1, ...}, the last padded with NULL) and {@code json_tuple(json, k1, k2, ...)} (one row of
 * columns {@code c0, c1, ...}, each {@code get_json_object(json, '$.k')}). Being plain {@code inline} generators they
 * work in FROM, in a select list and in LATERAL VIEW, on both engines.
 */
final class TableGenerators {
    private static final Set<String> NAMES = Set.of("stack", "json_tuple");

    private TableGenerators() {}

    static boolean handles(String lowerName) { return NAMES.contains(lowerName); }

    static Expression build(String lowerName, List<Expression> args) {
        return lowerName.equals("stack") ? stack(args) : jsonTuple(args);
    }

    private static Expression stack(List<Expression> args) {
        if (args.size() < 2) throw wrongArgs("stack", "at least 2 arguments", args.size());
        if (!(args.get(0) instanceof Literal l && l.value() instanceof Integer rows) || rows < 1) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "stack")
                    .with("reason", "the first argument (the number of rows) must be a positive integer literal").build();
        }
        List<Expression> values = args.subList(1, args.size());
        int width = (values.size() + rows - 1) / rows;
        Column[] structs = new Column[rows];
        for (int r = 0; r < rows; r++) {
            Column[] fields = new Column[width];
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                Expression v = i < values.size() ? values.get(i) : Literal.NULL;
                fields[c] = new Column(v).alias("col" + c);
            }
            structs[r] = functions.struct(fields);
        }
        return functions.inline(functions.array(structs)).expr();
    }

    private static Expression jsonTuple(List<Expression> args) {
        if (args.size() < 2) throw wrongArgs("json_tuple", "at least 2 arguments", args.size());
        Column json = new Column(args.get(0));
        Column[] fields = new Column[args.size() - 1];
        for (int i = 1; i < args.size(); i++) {
            if (!(args.get(i) instanceof Literal l && (l.value() == null || l.value() instanceof String))) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "json_tuple")
                        .with("reason", "the field names must be string literals").build();
            }
            Column value = l.value() == null ? new Column(Literal.NULL).cast("string")
                    : functions.get_json_object(json, "$." + l.value());
            fields[i - 1] = value.alias("c" + (i - 1));
        }
        return functions.inline(functions.array(functions.struct(fields))).expr();
    }

    private static SluiceException wrongArgs(String function, String expected, int actual) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", function)
                .with("reason", "needs " + expected + ", got " + actual).build();
    }
}
