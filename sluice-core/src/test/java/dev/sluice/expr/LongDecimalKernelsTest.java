package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.memory.BatchCodec;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.RandomVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kernels on unscaled longs (decimals of at most 18 digits) give the values, NULLs and errors of the BigDecimal
 * path: each is compared with the same expression over opaque vectors (the generic per-row path) or over the same
 * values widened to a decimal of more than 18 digits.
 */
class LongDecimalKernelsTest {
    private static final DecimalType[] TYPES = {
        new DecimalType(18, 0), new DecimalType(18, 2), new DecimalType(12, 2), new DecimalType(3, 1),
        new DecimalType(9, 9), new DecimalType(1, 0), new DecimalType(5, 0), new DecimalType(17, 17),
    };
    private static final int ROWS = 64;

    /** The rows {@code e} gives over {@code batch}, or the error code it fails with. */
    private static Object outcome(Expression e, Batch batch) {
        try {
            ColumnVector v = e.evaluate(batch);
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) rows.add(v.getObject(i));
            return rows;
        } catch (SluiceException ex) {
            return ex.code();
        }
    }

    private static Batch batch(ColumnVector... columns) { return new Batch(columns, columns[0].size()); }

    /** {@link #outcome} row by row (one-row batches), so an error in one row does not hide the others' outcomes. */
    private static List<Object> outcomes(Expression e, ColumnVector column) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < column.size(); i++) out.add(outcome(e, batch(column.slice(i, 1))));
        return out;
    }

    private static Expression column(int index, DataType type) { return new BoundColumn(index, "c" + index, type, true); }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void arithmeticOnLongsGivesTheGenericPathsValues(long seed) {
        RandomVectors random = new RandomVectors(seed);
        for (DecimalType a : TYPES) {
            for (DecimalType b : TYPES) {
                FlatVector x = random.flat(a, ROWS, 10), y = random.flat(b, ROWS, 10);
                int kind = random.random().nextInt(RandomVectors.VIEW_KINDS);
                Batch typed = batch(random.view(kind, x, ROWS), random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), y, ROWS));
                Batch generic = batch(RandomVectors.opaque(typed.column(0)), RandomVectors.opaque(typed.column(1)));
                for (Arithmetic.Op op : Arithmetic.Op.values()) {
                    for (EvalMode mode : EvalMode.values()) {
                        Arithmetic e = new Arithmetic(op, column(0, a), column(1, b), mode);
                        assertThat(outcome(e, typed)).as("%s %s %s (%s)", a, op, b, mode).isEqualTo(outcome(e, generic));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void comparisonsOnLongsGiveTheGenericPathsValues(long seed) {
        RandomVectors random = new RandomVectors(seed);
        for (DecimalType t : TYPES) {
            FlatVector x = random.flat(t, ROWS, 10), y = random.flat(t, ROWS, 10);
            Batch typed = batch(random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), x, ROWS), y);
            Batch generic = batch(RandomVectors.opaque(typed.column(0)), RandomVectors.opaque(y));
            for (Comparison.Op op : Comparison.Op.values()) {
                Comparison e = new Comparison(op, column(0, t), column(1, t));
                assertThat(outcome(e, typed)).as("%s %s", t, op).isEqualTo(outcome(e, generic));
            }
        }
    }

    /** A cast from the compact type gives what the same cast from the values widened to 38 digits gives. */
    @ParameterizedTest
    @ValueSource(longs = {6, 7})
    void castsFromLongsGiveTheWidePathsValues(long seed) {
        RandomVectors random = new RandomVectors(seed);
        List<DataType> targets = new ArrayList<>(List.of(DataTypes.INT, DataTypes.LONG, DataTypes.DOUBLE, DataTypes.STRING,
                DataTypes.BOOLEAN, DataTypes.BYTE));
        targets.addAll(List.of(TYPES));
        targets.add(new DecimalType(38, 10));
        for (DecimalType from : TYPES) {
            DecimalType wide = new DecimalType(38, from.scale());
            FlatVector x = random.flat(from, ROWS, 10);
            Batch batch = batch(random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), x, ROWS));
            for (DataType to : targets) {
                for (EvalMode mode : EvalMode.values()) {
                    Expression direct = new Cast(column(0, from), to, mode);
                    Expression viaWide = new Cast(new Cast(column(0, from), wide, mode), to, mode);
                    assertThat(outcomes(direct, batch.column(0))).as("%s to %s (%s)", from, to, mode)
                            .isEqualTo(outcomes(viaWide, batch.column(0)));
                }
            }
        }
    }

    /** Integers and strings cast into a compact decimal as into a wide one, then narrowed exactly. */
    @ParameterizedTest
    @ValueSource(longs = {8, 9})
    void castsIntoLongsGiveTheWidePathsValues(long seed) {
        RandomVectors random = new RandomVectors(seed);
        for (DataType from : List.of(DataTypes.INT, DataTypes.LONG, DataTypes.STRING)) {
            FlatVector x = from.equals(DataTypes.STRING) ? decimalStrings(random) : random.flat(from, ROWS, 10);
            for (DecimalType to : TYPES) {
                for (EvalMode mode : EvalMode.values()) {
                    Object direct = outcomes(new Cast(column(0, from), to, mode), x);
                    Object viaWide = outcomes(new Cast(new Cast(column(0, from), new DecimalType(38, to.scale()), mode), to, mode), x);
                    assertThat(direct).as("%s to %s (%s)", from, to, mode).isEqualTo(viaWide);
                }
            }
        }
    }

    private static FlatVector decimalStrings(RandomVectors random) {
        String[] texts = {"1.5", " 12.345 ", "-0.005", "999999999999999999", "-999999999999999999", "1e3", ".5", "5.",
                "+7", "abc", "", "0.0000000000000000001", "123456789.123456789", "99.995", "-1000000000000000000"};
        FlatVector v = dev.sluice.vector.Vectors.allocate(DataTypes.STRING, texts.length + 1);
        for (String t : texts) v.appendObject(t);
        v.appendNull();
        return v;
    }

    @ParameterizedTest
    @ValueSource(longs = {10, 11})
    void hashesAndSpillRoundTripsMatchTheWideForm(long seed) {
        RandomVectors random = new RandomVectors(seed);
        for (DecimalType t : TYPES) {
            FlatVector x = random.flat(t, ROWS, 10);
            ColumnVector view = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), x, ROWS);
            for (int i = 0; i < ROWS; i++) {
                long expected = view.isNull(i) ? ValueHasher.NULL_HASH
                        : ValueHasher.mix(view.getDecimal(i).stripTrailingZeros().hashCode());
                assertThat(ValueHasher.hash(t, view, i)).as("%s %s", t, view.getObject(i)).isEqualTo(expected);
            }
            DecimalType wide = new DecimalType(38, t.scale());
            StructType schema = new StructType(List.of(new StructField("a", t, true), new StructField("w", wide, true)));
            FlatVector w = dev.sluice.vector.Vectors.allocate(wide, ROWS);
            for (int i = 0; i < ROWS; i++) w.appendObject(view.getObject(i));
            Batch decoded = BatchCodec.decode(schema, BatchCodec.encode(batch(view, w)), ROWS);
            assertThat(decoded.column(0)).isInstanceOf(DecimalVector.class);
            assertThat(((DecimalVector) decoded.column(0)).compact()).isTrue();
            for (int i = 0; i < ROWS; i++) {
                assertThat(decoded.column(0).getObject(i)).isEqualTo(view.getObject(i));
                assertThat(decoded.column(1).getObject(i)).isEqualTo(view.getObject(i));
            }
        }
    }

    @Test
    void holdsTheBoundariesOfEighteenDigitsAsLongs() {
        DecimalType t = new DecimalType(18, 4);
        DecimalVector v = new DecimalVector(t, 2);
        v.append(new BigDecimal("99999999999999.9999"));
        v.append(new BigDecimal("-99999999999999.9999"));
        v.append(new BigDecimal("1.23456"));   // rounded HALF_UP to the scale
        v.appendNull();
        v.appendUnscaled(5);
        assertThat(v.compact()).isTrue();
        assertThat(v.getLong(0)).isEqualTo(999_999_999_999_999_999L);
        assertThat(v.getLong(1)).isEqualTo(-999_999_999_999_999_999L);
        assertThat(v.getDecimal(2)).isEqualTo(new BigDecimal("1.2346"));
        assertThat(v.isNull(3)).isTrue();
        assertThat(v.getDecimal(4)).isEqualTo(new BigDecimal("0.0005"));
        DecimalVector wide = new DecimalVector(new DecimalType(19, 4), 1);
        assertThat(wide.compact()).isFalse();
        wide.appendFrom(v, 0);
        assertThat(wide.getDecimal(0)).isEqualTo(new BigDecimal("99999999999999.9999"));
        assertThatThrownBy(() -> wide.getLong(0)).isInstanceOf(SluiceException.class);
        assertThatThrownBy(() -> v.append(new BigDecimal("1e30"))).isInstanceOf(SluiceException.class);
    }

    /** A compact vector's values in a decimal of 38 digits at the same scale (the BigDecimal form). */
    private static FlatVector widened(ColumnVector v) {
        DecimalType t = (DecimalType) v.type();
        FlatVector w = dev.sluice.vector.Vectors.allocate(new DecimalType(38, t.scale()), v.size());
        for (int i = 0; i < v.size(); i++) w.appendObject(v.getObject(i));
        return w;
    }

    /** {@code f(args)} evaluated one row at a time: the row's value or the error code it fails with. */
    private static List<Object> rowOutcomes(dev.sluice.expr.ScalarFunction f, Signature signature, ColumnVector... args) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < args[0].size(); i++) {
            ColumnVector[] row = new ColumnVector[args.length];
            for (int a = 0; a < args.length; a++) row[a] = args[a].slice(i, 1);
            try {
                out.add(f.evaluate(signature, row, 1).getObject(0));
            } catch (SluiceException e) {
                out.add(e.code());
            }
        }
        return out;
    }

    /** round, bround, floor and ceil with scales from -20 to 20 on the longs, against the same values in 38 digits. */
    @ParameterizedTest
    @ValueSource(longs = {12, 13})
    void roundingOnLongsGivesTheWidePathsValues(long seed) {
        RandomVectors random = new RandomVectors(seed);
        for (DecimalType t : TYPES) {
            ColumnVector x = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(t, ROWS, 10), ROWS);
            ColumnVector wide = widened(x);
            for (dev.sluice.expr.ScalarFunction f : dev.sluice.expr.fn.RoundingFunctions.all()) {
                for (int scale = -20; scale <= 20; scale++) {
                    Expression s = new Literal(scale, DataTypes.INT);
                    Signature signature = f.bind(List.of(column(0, t), s));
                    ColumnVector scales = dev.sluice.vector.ConstantVector.of(DataTypes.INT, scale, ROWS);
                    assertThat(rowOutcomes(f, signature, x, scales)).as("%s(%s, %d)", f.name(), t, scale)
                            .isEqualTo(rowOutcomes(f, signature, wide, scales));
                }
                if (f.name().equals("floor") || f.name().equals("ceil")) {
                    Signature signature = f.bind(List.of(column(0, t)));
                    assertThat(rowOutcomes(f, signature, x)).as("%s(%s)", f.name(), t).isEqualTo(rowOutcomes(f, signature, wide));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {14, 15})
    void pmodOnLongsGivesTheWidePathsValues(long seed) {
        RandomVectors random = new RandomVectors(seed);
        dev.sluice.expr.ScalarFunction pmod = FunctionRegistry.lookup("pmod");
        for (DecimalType a : TYPES) {
            for (DecimalType b : TYPES) {
                ColumnVector x = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(a, ROWS, 10), ROWS);
                ColumnVector y = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), random.flat(b, ROWS, 10), ROWS);
                Signature signature = pmod.bind(List.of(column(0, a), column(1, b)));
                assertThat(rowOutcomes(pmod, signature, x, y)).as("pmod(%s, %s)", a, b)
                        .isEqualTo(rowOutcomes(pmod, signature, widened(x), widened(y)));
            }
        }
    }
}
