package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.RandomVectors;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each expression kernel's typed loop (chosen once per batch, reading flat arrays through views) against its
 * generic per-row path on random operands: nulls, NaN, -0.0, extreme integers (overflow under ANSI, TRY and
 * LEGACY), behind every kind of view. Same values, or the same error code.
 */
class TypedKernelsTest {
    private static final int ROUNDS = 30;

    /** The values of a vector as Java values (Double.equals: NaN equals NaN, -0.0 differs from 0.0), or the error code. */
    private static Object outcome(Supplier<ColumnVector> run) {
        try {
            ColumnVector v = run.get();
            if (v == null) return "no typed loop";   // never equals the generic outcome
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) values.add(v.getObject(i));
            return values;
        } catch (SluiceException e) {
            return e.code();
        }
    }

    private static ColumnVector[] operands(RandomVectors random, DataType type, int n) {
        ColumnVector a = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(type, n, 10), n);
        ColumnVector b = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(type, n, 10), n);
        return new ColumnVector[] {a, b};
    }

    @Test void arithmeticTypedLoopsMatchTheGenericPath() {
        RandomVectors random = new RandomVectors(11);
        int typedRuns = 0;
        for (DataType type : List.of(DataTypes.INT, DataTypes.LONG, DataTypes.DOUBLE)) {
            for (Arithmetic.Op op : Arithmetic.Op.values()) {
                if (op == Arithmetic.Op.DIVIDE && type != DataTypes.DOUBLE) continue;   // the analyzer divides in double
                for (EvalMode mode : EvalMode.values()) {
                    Arithmetic e = new Arithmetic(op, new BoundColumn(0, "a", type, true), new BoundColumn(1, "b", type, true), mode);
                    for (int round = 0; round < ROUNDS; round++) {
                        int n = 1 + random.random().nextInt(60);
                        ColumnVector[] ab = operands(random, type, n);
                        Object typed = outcome(() -> e.evaluateTyped(ab[0], ab[1], n));
                        Object generic = outcome(() -> e.evaluateGeneric(ab[0], ab[1], n));
                        assertThat(typed).as("%s %s %s", type, op, mode).isEqualTo(generic);
                        typedRuns++;
                    }
                }
            }
        }
        assertThat(typedRuns).isGreaterThan(0);
    }

    /**
     * {@code + - *} of doubles (and of a widened int with a double, either side) without NULLs are computed into an
     * array without the per-row method: the same values (NaN, -0.0, infinities) as the generic path, behind every
     * kind of view.
     */
    @Test void plainDoubleOperationsWithoutNullsMatchTheGenericPath() {
        RandomVectors random = new RandomVectors(17);
        BoundColumn ints = new BoundColumn(0, "i", DataTypes.INT, true), doubles = new BoundColumn(1, "d", DataTypes.DOUBLE, true);
        for (Arithmetic.Op op : List.of(Arithmetic.Op.ADD, Arithmetic.Op.SUBTRACT, Arithmetic.Op.MULTIPLY)) {
            for (EvalMode mode : EvalMode.values()) {
                Arithmetic both = new Arithmetic(op, new BoundColumn(0, "a", DataTypes.DOUBLE, true), new BoundColumn(1, "b", DataTypes.DOUBLE, true), mode);
                for (boolean intsLeft : new boolean[] {true, false}) {
                    Expression cast = new Cast(ints, DataTypes.DOUBLE, mode);
                    Arithmetic widened = intsLeft ? new Arithmetic(op, cast, doubles, mode) : new Arithmetic(op, doubles, cast, mode);
                    for (int round = 0; round < ROUNDS; round++) {
                        int n = 1 + random.random().nextInt(100);
                        ColumnVector a = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(DataTypes.DOUBLE, n, 0), n);
                        ColumnVector b = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(DataTypes.DOUBLE, n, 0), n);
                        assertThat(outcome(() -> both.evaluateTyped(a, b, n))).as("%s %s", op, mode)
                                .isEqualTo(outcome(() -> both.evaluateGeneric(a, b, n)));
                        ColumnVector i = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(DataTypes.INT, n, 0), n);
                        dev.sluice.vector.Batch batch = new dev.sluice.vector.Batch(new ColumnVector[] {i, a}, n);
                        ColumnVector w = cast.evaluate(batch);
                        Object expected = outcome(() -> intsLeft ? widened.evaluateGeneric(w, a, n) : widened.evaluateGeneric(a, w, n));
                        assertThat(outcome(() -> widened.evaluate(batch))).as("%s %s ints left %s", op, mode, intsLeft).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test void comparisonTypedLoopsMatchTheGenericPath() {
        RandomVectors random = new RandomVectors(12);
        for (DataType type : List.of(DataTypes.INT, DataTypes.LONG, DataTypes.DOUBLE, DataTypes.STRING)) {
            for (Comparison.Op op : Comparison.Op.values()) {
                Comparison e = new Comparison(op, new BoundColumn(0, "a", type, true), new BoundColumn(1, "b", type, true));
                for (int round = 0; round < ROUNDS; round++) {
                    int n = 1 + random.random().nextInt(60);
                    ColumnVector[] ab = operands(random, type, n);
                    assertThat(outcome(() -> e.evaluateTyped(ab[0], ab[1], n))).as("%s %s", type, op)
                            .isEqualTo(outcome(() -> e.evaluateGeneric(ab[0], ab[1], n)));
                }
            }
        }
    }

    /**
     * An int column (flat or a slice, with or without nulls) against a constant: the per-operator loop for a column
     * without nulls, the general typed loop otherwise; both as the generic path.
     */
    @Test void intColumnAgainstAConstantMatchesTheGenericPath() {
        RandomVectors random = new RandomVectors(15);
        for (Comparison.Op op : Comparison.Op.values()) {
            Comparison e = new Comparison(op, new BoundColumn(0, "a", DataTypes.INT, true), new BoundColumn(1, "b", DataTypes.INT, true));
            for (int round = 0; round < ROUNDS; round++) {
                int n = 1 + random.random().nextInt(60);
                ColumnVector a = random.view(random.random().nextInt(2), random.flat(DataTypes.INT, n, round % 2 == 0 ? 0 : 10), n);
                ColumnVector b = dev.sluice.vector.ConstantVector.of(DataTypes.INT, random.random().nextInt(21) - 10, n);
                assertThat(outcome(() -> e.evaluateTyped(a, b, n))).as("%s", op).isEqualTo(outcome(() -> e.evaluateGeneric(a, b, n)));
            }
        }
    }

    /**
     * {@code CAST(i AS DOUBLE) op d} and {@code d op CAST(i AS DOUBLE)} read the ints where they are: the same values,
     * NULLs and errors as the double operation over the cast's output, behind every kind of view.
     */
    @Test void doubleOperationsOverAWidenedIntMatchTheOperationAfterTheCast() {
        RandomVectors random = new RandomVectors(16);
        BoundColumn ints = new BoundColumn(0, "i", DataTypes.INT, true), doubles = new BoundColumn(1, "d", DataTypes.DOUBLE, true);
        for (Arithmetic.Op op : Arithmetic.Op.values()) {
            for (EvalMode mode : EvalMode.values()) {
                for (boolean intsLeft : new boolean[] {true, false}) {
                    Expression cast = new Cast(ints, DataTypes.DOUBLE, mode);
                    Arithmetic e = intsLeft ? new Arithmetic(op, cast, doubles, mode) : new Arithmetic(op, doubles, cast, mode);
                    for (int round = 0; round < ROUNDS; round++) {
                        int n = 1 + random.random().nextInt(60);
                        ColumnVector i = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(DataTypes.INT, n, 10), n);
                        ColumnVector d = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(DataTypes.DOUBLE, n, 10), n);
                        if (round % 5 == 0) i = RandomVectors.opaque(i);   // the fallback when the ints do not resolve
                        dev.sluice.vector.Batch batch = new dev.sluice.vector.Batch(new ColumnVector[] {i, d}, n);
                        ColumnVector widened = cast.evaluate(batch);
                        Object expected = outcome(() -> intsLeft ? e.evaluateGeneric(widened, d, n) : e.evaluateGeneric(d, widened, n));
                        assertThat(outcome(() -> e.evaluate(batch))).as("%s %s ints left %s", op, mode, intsLeft).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test void wideningCastsMatchThePerRowCast() {
        RandomVectors random = new RandomVectors(13);
        DataType[][] casts = {{DataTypes.INT, DataTypes.DOUBLE}, {DataTypes.INT, DataTypes.LONG}, {DataTypes.LONG, DataTypes.DOUBLE}};
        for (DataType[] cast : casts) {
            for (int round = 0; round < ROUNDS; round++) {
                int n = 1 + random.random().nextInt(60);
                ColumnVector in = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(cast[0], n, 10), n);
                CastContext ctx = new CastContext(cast[0], cast[1], EvalMode.ANSI, ZoneOffset.UTC);
                assertThat(outcome(() -> CastFromNumeric.widenTyped(in, cast[0], cast[1])))
                        .isEqualTo(outcome(() -> CastFromNumeric.fromIntegralPerRow(in, ctx)));
            }
        }
    }

    @Test void vectorsThatDoNotResolveTakeTheGenericPath() {
        RandomVectors random = new RandomVectors(14);
        ColumnVector opaque = RandomVectors.opaque(random.flat(DataTypes.DOUBLE, 10, 10));
        assertThat(FlatRows.of(opaque)).isNull();
        Arithmetic e = new Arithmetic(Arithmetic.Op.ADD, new BoundColumn(0, "a", DataTypes.DOUBLE, true),
                new BoundColumn(1, "b", DataTypes.DOUBLE, true), EvalMode.ANSI);
        assertThat(e.evaluateTyped(opaque, opaque, 10)).isNull();
    }
}
