package dev.sluice.optimizer;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Generator;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.agg.Average;
import dev.sluice.expr.agg.Sum;
import dev.sluice.json.JsonOptions;
import dev.sluice.plan.Aggregate;
import dev.sluice.plan.CoalescePartitions;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Generate;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;
import dev.sluice.plan.Sort;
import dev.sluice.types.Collation;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DoubleType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.runtime.ObjectMethods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.sluice.optimizer.RuleAssert.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records whose {@code equals} is written out (to spare the planning the method-handle bootstrap of a record's
 * generated one) agree with the generated one, built here by {@link ObjectMethods#bootstrap} as javac's
 * {@code invokedynamic} would: on the same instance, a copy, a copy differing in each single component, null and
 * another type.
 */
class WrittenOutRecordEqualsTest {
    private static final RuleAssert.PlanBuilder PLANS = new RuleAssert.PlanBuilder();

    @ParameterizedTest
    @ValueSource(classes = {StringType.class, IntegerType.class, LongType.class, DoubleType.class, Project.class,
            Filter.class, Sort.class, Generate.class, CoalescePartitions.class, Aggregate.class, JsonOptions.class,
            Sum.class, Average.class, SortOrder.class, GetStructField.class, ColumnRef.class, Alias.class,
            AggregateExpression.class, IsNotNull.class})
    void agreesWithTheRecordsGeneratedEquals(Class<?> record) throws Throwable {
        assertThat(declaresEquals(record)).as("%s declares equals", record.getSimpleName()).isTrue();
        RecordComponent[] components = record.getRecordComponents();
        Object[] firsts = new Object[components.length];
        for (int i = 0; i < components.length; i++) firsts[i] = samples(record, components[i]).get(0);
        List<Object> instances = new ArrayList<>();
        Object base = make(record, firsts);
        instances.add(base);
        instances.add(make(record, firsts));
        MethodHandle generated = generatedEquals(record);
        for (int i = 0; i < components.length; i++) {
            List<?> values = samples(record, components[i]);
            int variants = 0;
            for (Object other : values.subList(1, values.size())) {
                Object[] args = firsts.clone();
                args[i] = other;
                Object variant;
                try {
                    variant = make(record, args);
                } catch (InvocationTargetException rejected) {
                    continue;   // a value the record does not take (a null name)
                }
                variants++;
                assertThat((boolean) generated.invoke(base, variant))
                        .as("%s differing in %s", record.getSimpleName(), components[i].getName()).isFalse();
                instances.add(variant);
            }
            assertThat(variants).as("variants of %s in %s", components[i].getName(), record.getSimpleName()).isPositive();
        }
        List<Object> others = new ArrayList<>(instances);
        others.add(null);
        others.add("another type");
        for (Object a : instances) {
            for (Object b : others) {
                assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo((boolean) generated.invoke(a, b));
                if (b != null && a.equals(b)) assertThat(a.hashCode()).isEqualTo(b.hashCode());
            }
        }
    }

    private static boolean declaresEquals(Class<?> record) {
        try {
            return record.getDeclaredMethod("equals", Object.class).getDeclaringClass() == record;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Two or more distinct values for a component, the first the base's. */
    private static List<?> samples(Class<?> record, RecordComponent component) {
        Class<?> type = component.getType();
        if (record == Generate.class && component.getName().equals("outputNames")) return List.of(List.of("x"), List.of("y"));
        if (record == Sort.class && component.getName().equals("orders")) {
            return List.of(List.of(new SortOrder(col("a"), true, true)), List.of(new SortOrder(col("a"), false, true)));
        }
        if (type == LogicalPlan.class) return List.of(PLANS.scan("t", "a INT, xs ARRAY<INT>"), PLANS.scan("u", "a INT, xs ARRAY<INT>"));
        if (type == Generator.class) {
            return List.of(new Generator(Generator.Kind.EXPLODE, col("xs"), false), new Generator(Generator.Kind.EXPLODE, col("xs"), true));
        }
        if (type == AggregateFunction.class) return List.of(new Sum(col("a"), false, false), new Average(col("a"), false, false));
        if (type == Expression.class) return List.of(col("a"), col("b"));
        if (type == List.class) return List.of(List.of(col("a")), List.of(col("a"), col("b")));
        if (type == String.class) return Arrays.asList("a", "b", null);
        if (type == boolean.class) return List.of(false, true);
        if (type == int.class) return List.of(1, 2);
        if (type == DataType.class) return List.of(DataTypes.INT, DataTypes.LONG);
        if (type == Collation.class) return List.of(Collation.UTF8_BINARY, Collation.UTF8_LCASE);
        if (type == Map.class) return List.of(Map.of("mode", "PERMISSIVE"), Map.of("mode", "FAILFAST"));
        throw new AssertionError("no samples for " + type + " in " + record);
    }

    private static Object make(Class<?> record, Object[] args) throws ReflectiveOperationException {
        Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return record.getDeclaredConstructor(types).newInstance(args);
    }

    private static MethodHandle generatedEquals(Class<?> record) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(record, MethodHandles.lookup());
        RecordComponent[] components = record.getRecordComponents();
        MethodHandle[] getters = new MethodHandle[components.length];
        for (int i = 0; i < components.length; i++) {
            getters[i] = lookup.findGetter(record, components[i].getName(), components[i].getType());
        }
        String names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(";"));
        Object made = ObjectMethods.bootstrap(lookup, "equals", MethodType.methodType(boolean.class, record, Object.class),
                record, names, getters);
        MethodHandle equals = made instanceof CallSite site ? site.getTarget() : (MethodHandle) made;
        return equals.asType(MethodType.methodType(boolean.class, Object.class, Object.class));
    }
}
