package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Generator;
import dev.sluice.expr.MultiAlias;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Generators in a select become {@link Generate} nodes under a projection (Spark's ExtractGenerator):
 * {@code select(id, explode(xs) AS x)} is {@code Project([id, x], Generate(explode(xs) AS [x], input))}.
 * As Spark 4.1, several generators in one select chain (each row of the first meets every row of the next),
 * in select order. A generator inside another expression, or outside a select, is UNSUPPORTED_GENERATOR;
 * names given with {@code as(...)} must match its column count (GENERATOR_ALIAS_MISMATCH).
 */
final class AnalyzeGenerate {
    private AnalyzeGenerate() {}

    /** A generator, bare or named: a select item that becomes a Generate. */
    static boolean isGeneratorItem(Expression e) {
        return generatorOf(e) != null;
    }

    private static Generator generatorOf(Expression e) {
        if (e instanceof Generator g) return g;
        if (e instanceof Alias a && a.child() instanceof Generator g) return g;
        if (e instanceof MultiAlias m && m.child() instanceof Generator g) return g;
        return null;
    }

    /** Checks a generator's input type (TYPE_MISMATCH as Spark's UNEXPECTED_INPUT_TYPE). */
    static Expression checkInput(Generator g) {
        DataType t = g.child().dataType();
        boolean ok = g.kind() == Generator.Kind.INLINE
                ? t instanceof ArrayType a && a.elementType() instanceof StructType
                : t instanceof ArrayType || t instanceof MapType;
        if (!ok) {
            String expected = g.kind() == Generator.Kind.INLINE ? "an array of structs" : "an array or a map";
            throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", g.sql()).with("expected", expected)
                    .with("actual", t.simpleString()).build();
        }
        return g;
    }

    /**
     * The select as Generates under a projection, or null when it has no generator. {@code items} are the
     * resolved select items: generator items as written, the others already named.
     */
    static LogicalPlan extract(LogicalPlan input, List<Expression> items) {
        boolean any = false;
        for (Expression e : items) {
            if (isGeneratorItem(e)) {
                any = true;
                rejectNested(((Generator) generatorOf(e)).child(), "nested in expressions");
            } else {
                rejectNested(e, "nested in expressions");
            }
        }
        if (!any) return null;
        LogicalPlan child = input;
        List<Expression> projections = new ArrayList<>();
        for (Expression e : items) {
            Generator g = generatorOf(e);
            if (g == null) {
                projections.add(e);
                continue;
            }
            List<String> names = names(e, g);
            Set<String> taken = new HashSet<>();
            for (String n : child.schema().fieldNames()) taken.add(n.toLowerCase(Locale.ROOT));
            List<String> internal = new ArrayList<>();
            for (String n : names) internal.add(unique(n, taken));
            Generate generate = new Generate(child, g, internal);
            List<StructField> produced = generate.generatedFields();
            for (int i = 0; i < produced.size(); i++) {
                StructField f = produced.get(i);
                ColumnRef ref = new ColumnRef(f.name(), f.dataType(), f.nullable());
                projections.add(f.name().equals(names.get(i)) ? ref : new Alias(ref, names.get(i)));
            }
            child = generate;
        }
        return new Project(child, projections);
    }

    /** A generated column's name inside the plan: its own, unless an input column has it already. */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int k = 1; taken.contains(candidate.toLowerCase(Locale.ROOT)); k++) candidate = name + "#g" + k;
        taken.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    private static List<String> names(Expression item, Generator g) {
        StructType produced = g.dataType();
        List<String> names;
        if (item instanceof Alias a) names = List.of(a.name());
        else if (item instanceof MultiAlias m) names = m.names();
        else return produced.fieldNames();
        if (names.size() != produced.size()) {
            throw SluiceException.of(ErrorCode.GENERATOR_ALIAS_MISMATCH).with("generator", g.sql()).with("expected", produced.size())
                    .with("actual", names.size()).with("names", names).build();
        }
        return names;
    }

    private static void rejectNested(Expression e, String reason) {
        for (Expression node : Expressions.collect(e)) {
            if (node instanceof Generator g) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_GENERATOR).with("generator", g.sql())
                        .with("reason", reason + ": " + e.sql()).build();
            }
            if (node instanceof MultiAlias m) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "as")
                        .with("reason", "several names only apply to a generator, not to " + m.child().sql()).build();
            }
        }
    }

    /** A generator as the argument of another expression (before that expression checks its argument types). */
    static void rejectAsChild(Expression e) {
        if (e instanceof Alias || e instanceof MultiAlias || e instanceof dev.sluice.expr.SortOrder) return;
        for (Expression c : e.children()) {
            if (c instanceof Generator g) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_GENERATOR).with("generator", g.sql())
                        .with("reason", "nested in expressions: " + e.sql()).build();
            }
        }
    }

    /** Generators belong in selects only: a filter or a sort holding one is UNSUPPORTED_GENERATOR. */
    static void rejectOutsideSelect(Expression e, String where) {
        for (Expression node : Expressions.collect(e)) {
            if (node instanceof Generator g) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_GENERATOR).with("generator", g.sql())
                        .with("reason", "outside a select, in " + where).build();
            }
        }
    }
}
