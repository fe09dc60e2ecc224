package dev.sluice.connect;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructType;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/** The writer of each Sluice type into the Arrow vector {@link ArrowTypes} made for it. */
final class ArrowColumnWriters {
    private ArrowColumnWriters() {}

    static ArrowColumnWriter of(FieldVector v, DataType t) {
        ObjectWriter fallback = new ObjectWriter(v, t);
        if (v instanceof NullVector) return new ArrowColumnWriter.Nothing();
        if (t instanceof dev.sluice.types.VariantType) return fallback;   // re-encoded per value from its text
        if (t instanceof StructType s && v instanceof StructVector sv) {
            ArrowColumnWriter[] fields = new ArrowColumnWriter[s.size()];
            for (int f = 0; f < fields.length; f++) fields[f] = of((FieldVector) sv.getChildByOrdinal(f), s.field(f).dataType());
            return new NestedWriters.Struct(sv, s, fields, fallback);
        }
        if (t instanceof MapType m && v instanceof MapVector mv) {
            StructVector entries = (StructVector) mv.getDataVector();
            return new NestedWriters.Entries(mv, m, of((FieldVector) entries.getChildByOrdinal(0), m.keyType()),
                    of((FieldVector) entries.getChildByOrdinal(1), m.valueType()), fallback);
        }
        if (t instanceof ArrayType a && v instanceof ListVector lv) {
            return new NestedWriters.Elements(lv, a, of(lv.getDataVector(), a.elementType()), fallback);
        }
        if (v instanceof BaseVariableWidthVector w) return new BytesWriter(w, t, fallback);
        if (v instanceof org.apache.arrow.vector.DecimalVector d && t instanceof DecimalType dt) return new FixedWidthWriters.Decimals(d, dt, fallback);
        if (v instanceof BaseFixedWidthVector f) {
            if (t instanceof dev.sluice.types.ByteType) return new FixedWidthWriters.Narrow(f, t, 1, fallback);
            if (t instanceof dev.sluice.types.ShortType) return new FixedWidthWriters.Narrow(f, t, 2, fallback);
            if (t.storesInt()) return new FixedWidthWriters.Ints(f, t, fallback);
            if (t.storesLong()) return new FixedWidthWriters.Longs(f, t, fallback);
            if (t instanceof dev.sluice.types.DoubleType) return new FixedWidthWriters.Doubles(f, t, fallback);
            if (t instanceof dev.sluice.types.FloatType) return new FixedWidthWriters.Floats(f, t, fallback);
            if (t instanceof dev.sluice.types.BooleanType) return new FixedWidthWriters.Booleans(f, t, fallback);
        }
        return fallback;
    }
}
