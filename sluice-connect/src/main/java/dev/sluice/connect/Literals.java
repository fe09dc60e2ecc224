package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.functions;
import dev.sluice.types.DataTypes;
import org.apache.spark.connect.proto.Expression;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Protocol literals as Sluice columns (and as plain Java values where a function wants a constant argument). */
final class Literals {
    private Literals() {}

    static Column toColumn(Expression.Literal lit) {
        switch (lit.getLiteralTypeCase()) {
            case ARRAY: {
                List<Column> elements = new ArrayList<>();
                for (Expression.Literal e : lit.getArray().getElementsList()) elements.add(toColumn(e));
                return functions.array(elements.toArray(new Column[0]));
            }
            case MAP: {
                List<Column> kv = new ArrayList<>();
                var m = lit.getMap();
                for (int i = 0; i < m.getKeysCount(); i++) {
                    kv.add(toColumn(m.getKeys(i)));
                    kv.add(toColumn(m.getValues(i)));
                }
                return functions.map(kv.toArray(new Column[0]));
            }
            case STRUCT: {
                List<Column> fields = new ArrayList<>();
                var s = lit.getStruct();
                var type = lit.hasDataType() && lit.getDataType().hasStruct() ? lit.getDataType().getStruct()
                        : s.getStructType().getStruct();
                for (int i = 0; i < s.getElementsCount(); i++) {
                    String name = i < type.getFieldsCount() ? type.getFields(i).getName() : "col" + (i + 1);
                    fields.add(functions.lit(name));
                    fields.add(toColumn(s.getElements(i)));
                }
                return functions.named_struct(fields.toArray(new Column[0]));
            }
            case SPECIALIZED_ARRAY: {
                List<Column> elements = new ArrayList<>();
                for (Object v : (List<?>) value(lit)) elements.add(functions.lit(v));
                return functions.array(elements.toArray(new Column[0]));
            }
            case NULL:
                return new Column(new dev.sluice.expr.Literal(null, ProtoTypes.fromProto(lit.getNull())));
            case DECIMAL: {
                var d = lit.getDecimal();
                BigDecimal v = new BigDecimal(d.getValue());
                if (d.hasScale()) v = v.setScale(d.getScale());
                int scale = Math.max(0, v.scale());
                int precision = d.hasPrecision() ? d.getPrecision() : Math.max(v.precision(), scale);
                return new Column(new dev.sluice.expr.Literal(v, DataTypes.decimal(precision, scale)));
            }
            case TIME: {
                var t = lit.getTime();
                return new Column(new dev.sluice.expr.Literal(java.time.LocalTime.ofNanoOfDay(t.getNano()),
                        t.hasPrecision() ? DataTypes.time(t.getPrecision()) : DataTypes.TIME));
            }
            default:
                return functions.lit(value(lit));
        }
    }

    /** The Java value of a scalar literal, as Sluice's {@code lit} takes it. */
    static Object value(Expression.Literal lit) {
        switch (lit.getLiteralTypeCase()) {
            case NULL: return null;
            case BINARY: return lit.getBinary().toByteArray();
            case BOOLEAN: return lit.getBoolean();
            case BYTE: return lit.getByte();
            case SHORT: return lit.getShort();
            case INTEGER: return lit.getInteger();
            case LONG: return lit.getLong();
            case FLOAT: return lit.getFloat();
            case DOUBLE: return lit.getDouble();
            case DECIMAL: return new BigDecimal(lit.getDecimal().getValue());
            case STRING: return lit.getString();
            case DATE: return LocalDate.ofEpochDay(lit.getDate());
            case TIME: return java.time.LocalTime.ofNanoOfDay(lit.getTime().getNano());
            case TIMESTAMP: {
                long micros = lit.getTimestamp();
                return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            }
            case SPECIALIZED_ARRAY: {
                var a = lit.getSpecializedArray();
                switch (a.getValueTypeCase()) {
                    case BOOLS: return new ArrayList<Object>(a.getBools().getValuesList());
                    case INTS: return new ArrayList<Object>(a.getInts().getValuesList());
                    case LONGS: return new ArrayList<Object>(a.getLongs().getValuesList());
                    case FLOATS: return new ArrayList<Object>(a.getFloats().getValuesList());
                    case DOUBLES: return new ArrayList<Object>(a.getDoubles().getValuesList());
                    case STRINGS: return new ArrayList<Object>(a.getStrings().getValuesList());
                    default: break;
                }
                throw ConnectErrors.unsupported("an empty specialized array literal", "it has no element type");
            }
            case ARRAY: {
                List<Object> out = new ArrayList<>();
                for (Expression.Literal e : lit.getArray().getElementsList()) out.add(value(e));
                return out;
            }
            default:
                throw ConnectErrors.unsupported("the literal kind " + lit.getLiteralTypeCase().name().toLowerCase(java.util.Locale.ROOT),
                        "Sluice has no such type");
        }
    }
}
