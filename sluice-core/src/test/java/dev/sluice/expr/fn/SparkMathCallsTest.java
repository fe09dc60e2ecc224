package dev.sluice.expr.fn;

import dev.sluice.Sluice;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each double math function gives, bit for bit, what Spark 4.1's generated code computes: the table below names the
 * Java call Spark's mathExpressions.scala generates per function ({@code java.lang.Math} for the UnaryMathExpressions,
 * whose HotSpot intrinsics may differ from {@link StrictMath} in the last bit; StrictMath where Spark names it).
 */
class SparkMathCallsTest {
    static final StructType SCHEMA = DdlParser.parseSchema("id INT, x DOUBLE, y DOUBLE");

    /** SQL call over x (and y) -> the Java expression Spark's generated code evaluates (null: Spark's NULL). */
    static final Map<String, DoubleBinaryOperator> SPARK = new LinkedHashMap<>();
    static {
        SPARK.put("sin(x)", (x, y) -> Math.sin(x));
        SPARK.put("cos(x)", (x, y) -> Math.cos(x));
        SPARK.put("tan(x)", (x, y) -> Math.tan(x));
        SPARK.put("asin(x)", (x, y) -> Math.asin(x));
        SPARK.put("acos(x)", (x, y) -> Math.acos(x));
        SPARK.put("atan(x)", (x, y) -> Math.atan(x));
        SPARK.put("sinh(x)", (x, y) -> Math.sinh(x));
        SPARK.put("cosh(x)", (x, y) -> Math.cosh(x));
        SPARK.put("tanh(x)", (x, y) -> Math.tanh(x));
        SPARK.put("asinh(x)", (x, y) -> x == Double.NEGATIVE_INFINITY ? x : StrictMath.log(x + Math.sqrt(x * x + 1.0)));
        SPARK.put("acosh(x)", (x, y) -> StrictMath.log(x + Math.sqrt(x * x - 1.0)));
        SPARK.put("atanh(x)", (x, y) -> 0.5 * (StrictMath.log1p(x) - StrictMath.log1p(-x)));
        SPARK.put("cot(x)", (x, y) -> 1 / Math.tan(x));
        SPARK.put("sec(x)", (x, y) -> 1 / Math.cos(x));
        SPARK.put("csc(x)", (x, y) -> 1 / Math.sin(x));
        SPARK.put("cbrt(x)", (x, y) -> Math.cbrt(x));
        SPARK.put("expm1(x)", (x, y) -> StrictMath.expm1(x));
        SPARK.put("rint(x)", (x, y) -> Math.rint(x));
        SPARK.put("degrees(x)", (x, y) -> Math.toDegrees(x));
        SPARK.put("radians(x)", (x, y) -> Math.toRadians(x));
        SPARK.put("sqrt(x)", (x, y) -> Math.sqrt(x));
        SPARK.put("exp(x)", (x, y) -> StrictMath.exp(x));
        SPARK.put("ln(x)", (x, y) -> StrictMath.log(x));
        SPARK.put("log(x)", (x, y) -> StrictMath.log(x));
        SPARK.put("log10(x)", (x, y) -> StrictMath.log10(x));
        SPARK.put("log2(x)", (x, y) -> StrictMath.log(x) / StrictMath.log(2));
        SPARK.put("log1p(x)", (x, y) -> StrictMath.log1p(x));
        SPARK.put("log(x, y)", (x, y) -> StrictMath.log(y) / StrictMath.log(x));
        SPARK.put("pow(x, y)", (x, y) -> StrictMath.pow(x, y));
        SPARK.put("power(x, y)", (x, y) -> StrictMath.pow(x, y));
        SPARK.put("atan2(x, y)", (x, y) -> Math.atan2(x + 0.0, y + 0.0));
        SPARK.put("hypot(x, y)", (x, y) -> Math.hypot(x, y));
    }

    static Sluice sluice;
    static List<double[]> inputs;

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(2).build();
        inputs = inputs(new Random(11), 2000);
    }

    @AfterAll static void stop() { sluice.close(); }

    @Test void everyFunctionGivesSparksJavaCallBitForBit() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) rows.add(Row.of(SCHEMA, i, inputs.get(i)[0], inputs.get(i)[1]));
        List<String> calls = new ArrayList<>(SPARK.keySet());
        String[] select = new String[calls.size() + 1];
        select[0] = "id";
        for (int f = 0; f < calls.size(); f++) select[f + 1] = calls.get(f);
        List<Row> out = sluice.createDataFrame(rows, SCHEMA).selectExpr(select).orderBy("id").collect();
        assertThat(out).hasSize(inputs.size());
        for (Row r : out) {
            double[] in = inputs.get((Integer) r.get(0));
            for (int f = 0; f < calls.size(); f++) {
                Double expected = expected(calls.get(f), in[0], in[1]);
                Double actual = (Double) r.get(f + 1);
                assertThat(bits(actual)).as("%s at x=%s y=%s (got %s, Spark %s)", calls.get(f), in[0], in[1], actual, expected)
                        .isEqualTo(bits(expected));
            }
        }
    }

    /** The inputs reach values where HotSpot's Math and StrictMath part, so the comparison above can tell them apart. */
    @Test void theInputsSeparateMathFromStrictMath() {
        long differ = inputs.stream().filter(in -> Math.sin(in[0]) != StrictMath.sin(in[0]) || Math.tan(in[0]) != StrictMath.tan(in[0])
                || Math.cos(in[0]) != StrictMath.cos(in[0]) || Math.atan2(in[0], in[1]) != StrictMath.atan2(in[0], in[1])).count();
        org.junit.jupiter.api.Assumptions.assumeTrue(differ > 0, "this JVM's Math equals StrictMath on every input");
        assertThat(differ).isPositive();
    }

    @Test void atan2TreatsNegativeZeroAsZeroAsSparkDoes() {
        Row r = sluice.sql("SELECT atan2(-0.0D, -1.0D), atan2(-0.0D, 1.0D), atan2(0.0D, -0.0D)").collect().get(0);
        assertThat(r.values()).containsExactly(Math.PI, 0.0, 0.0);
    }

    /** Spark's NULL for logarithms at or below their asymptote; otherwise the Java call's value. */
    static Double expected(String call, double x, double y) {
        boolean nullLog = switch (call) {
            case "ln(x)", "log(x)", "log10(x)", "log2(x)" -> x <= 0.0;
            case "log1p(x)" -> x <= -1.0;
            case "log(x, y)" -> x <= 0.0 || y <= 0.0;
            default -> false;
        };
        return nullLog ? null : SPARK.get(call).applyAsDouble(x, y);
    }

    static Long bits(Double d) { return d == null ? null : Double.doubleToRawLongBits(d); }

    /** Random doubles across magnitudes (and raw bit patterns), plus edge values, as (x, y) pairs. */
    static List<double[]> inputs(Random rng, int n) {
        double[] edges = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, Math.PI, -Math.PI, Math.PI / 2, Math.PI / 4, Math.E, 1e-300, -1e-300,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 710.0, -745.0, 1e22, 1e308, 0.9999999999999999, 1.0000000000000002};
        List<double[]> out = new ArrayList<>();
        for (double a : edges) out.add(new double[] {a, edges[out.size() % edges.length]});
        for (double a : edges) for (double b : new double[] {0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) out.add(new double[] {a, b});
        while (out.size() < n) out.add(new double[] {random(rng), random(rng)});
        return out;
    }

    static double random(Random rng) {
        return switch (rng.nextInt(5)) {
            case 0 -> rng.nextDouble() * 2 - 1;                                            // asin/acos/atanh's domain
            case 1 -> (rng.nextDouble() * 2 - 1) * 20;                                     // a few periods
            case 2 -> Math.scalb(rng.nextDouble() + 1, rng.nextInt(120) - 60) * (rng.nextBoolean() ? 1 : -1);
            case 3 -> Math.scalb(rng.nextDouble() + 1, rng.nextInt(2000) - 1000) * (rng.nextBoolean() ? 1 : -1);
            default -> Double.longBitsToDouble(rng.nextLong());                            // any bit pattern
        };
    }
}
