package dev.sluice.expr.fn;

import dev.sluice.expr.ScalarFunction;

import java.util.ArrayList;
import java.util.List;

/** The list of function families: each family class contributes its functions here, once. */
public final class FunctionFamilies {
    private FunctionFamilies() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.addAll(MathFunctions.all());
        out.addAll(RoundingFunctions.all());
        out.addAll(ExtremaFunctions.all());
        out.addAll(RandFunction.all());
        out.addAll(ConditionalFunctions.all());
        out.addAll(StringFunctions.all());
        out.addAll(StringTransformFunctions.all());
        out.addAll(RegexFunctions.all());
        out.addAll(FormatString.all());
        out.addAll(HashFunctions.all());
        out.addAll(CollectionFunctions.all());
        out.addAll(ArrayFunctions.all());
        out.addAll(DateTimeFunctions.all());
        out.addAll(DateFieldFunctions.all());
        out.addAll(DateArithmeticFunctions.all());
        out.addAll(JsonFunctions.all());
        out.add(new InFunction());
        out.addAll(TrigFunctions.all());
        out.addAll(StringSliceFunctions.all());
        out.addAll(EncodingFunctions.all());
        out.addAll(BitwiseFunctions.all());
        out.addAll(DateConstructFunctions.all());
        out.addAll(ArraySetFunctions.all());
        out.addAll(MapFunctions.all());
        out.addAll(DerivedFunctions.all());
        out.addAll(MiscFunctions.all());
        out.addAll(RegexSearchFunctions.all());
        out.addAll(UrlFunctions.all());
        out.addAll(JsonShapeFunctions.all());
        out.addAll(DatePartFunctions.all());
        out.addAll(AesFunctions.all());
        out.addAll(NumberFormatFunctions.all());
        out.addAll(XPathFunctions.all());
        out.addAll(CsvFunctions.all());
        out.addAll(VariantFunctions.all());
        out.addAll(CastFunctions.all());
        out.addAll(BitmapFunctions.all());
        out.addAll(DatetimeIntervalArithmetic.all());
        out.addAll(IntervalFunctions.all());
        out.addAll(CollationFunctions.all());
        out.addAll(TimestampNtzFunctions.all());
        out.addAll(TimeFunctions.all());
        out.addAll(ArrayConcat.all());
        out.addAll(Sketches.all());
        out.addAll(PartitionFunctions.all());
        out.addAll(XmlFunctions.all());
        out.addAll(TopKSketches.all());
        out.addAll(SeededRandomFunctions.all());
        out.add(new ShuffleFunction());
        out.addAll(ReflectFunction.all());
        out.addAll(TimeWindowFunctions.all());
        out.addAll(ScalarSubqueryCheck.all());
        out.addAll(TimestampUnitFunctions.all());
        return SparkCallText.apply(out);
    }
}
