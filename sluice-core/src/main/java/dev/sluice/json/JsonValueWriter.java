package dev.sluice.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.ColumnVector;

import java.io.IOException;

/**
 * Writes values of one data type as JSON, as Spark's JacksonGenerator does (shared by to_json and the JSON
 * writer): NULL struct fields omitted unless {@code ignoreNullFields=false}, NULLs inside arrays and maps
 * written as {@code null}; numbers by Java's toString (doubles {@code 1.0E10}, NaN and infinities as strings),
 * decimals by BigDecimal.toString (keeps the scale, may be scientific: {@code 1E-8}); dates
 * {@code yyyy-MM-dd}; timestamps {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} (UTC unless {@code timeZone});
 * binary as base64; map keys as strings. Built once per type as a tree of writers: no per-value type tests.
 */
abstract class JsonValueWriter {
    /** Writes the non-null value at {@code row} of {@code v}. */
    abstract void write(JsonGenerator g, ColumnVector v, int row) throws IOException;

    static JsonValueWriter forType(DataType type, JsonOptions options) {
        return build(type, options.ignoreNullFields(), JsonDateTimes.of(options));
    }

    private static JsonValueWriter build(DataType type, boolean ignoreNullFields, JsonDateTimes dateTimes) {
        if (type instanceof dev.sluice.types.TimeType) throw ScalarParsers.timeUnsupported(type);
        if (type instanceof StringType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
                g.writeUTF8String(v.bytesArray(row), v.bytesStart(row), v.bytesLength(row));
            }
        };
        if (type instanceof IntegerType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException { g.writeNumber(v.getInt(row)); }
        };
        if (type instanceof dev.sluice.types.ByteType || type instanceof dev.sluice.types.ShortType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException { g.writeNumber(v.getInt(row)); }
        };
        if (type instanceof dev.sluice.types.TimestampNTZType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
                g.writeString(dev.sluice.vector.DateTimeText.wallClockIso(v.getLong(row)));
            }
        };
        if (type instanceof dev.sluice.types.CalendarIntervalType) return new JsonValueWriter() {   // to_json: Spark's text
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException { g.writeString(v.getObject(row).toString()); }
        };
        if (type instanceof dev.sluice.types.YearMonthIntervalType ym) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
                g.writeString(dev.sluice.vector.IntervalText.yearMonth(v.getInt(row), ym));
            }
        };
        if (type instanceof dev.sluice.types.DayTimeIntervalType dt) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
                g.writeString(dev.sluice.vector.IntervalText.dayTime(v.getLong(row), dt));
            }
        };
        if (type instanceof LongType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException { g.writeNumber(v.getLong(row)); }
        };
        if (type instanceof DoubleType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException { g.writeNumber(v.getDouble(row)); }
        };
        if (type instanceof FloatType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException { g.writeNumber(v.getFloat(row)); }
        };
        if (type instanceof DecimalType d && d.fitsInLong()) return new JsonValueWriter() {   // unscaled longs
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
                String text = dev.sluice.vector.LongDecimalText.text(v.getLong(row), d.scale(), false);
                if (text != null) g.writeNumber(text);
                else g.writeNumber(v.getDecimal(row));   // toString's scientific form
            }
        };
        if (type instanceof DecimalType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException { g.writeNumber(v.getDecimal(row)); }
        };
        if (type instanceof BooleanType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException { g.writeBoolean(v.getBoolean(row)); }
        };
        if (type instanceof BinaryType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
                g.writeBinary(v.bytesArray(row), v.bytesStart(row), v.bytesLength(row));
            }
        };
        if (type instanceof DateType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
                g.writeString(dateTimes.formatDate(v.getInt(row)));
            }
        };
        if (type instanceof TimestampType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
                g.writeString(dateTimes.formatTimestamp(v.getLong(row)));
            }
        };
        if (type instanceof NullType) return new JsonValueWriter() {
            @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException { g.writeNull(); }
        };
        if (type instanceof StructType s) return new StructWriter(s, ignoreNullFields, dateTimes);
        if (type instanceof ArrayType a) {
            JsonValueWriter element = build(a.elementType(), ignoreNullFields, dateTimes);
            return new JsonValueWriter() {
                @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
                    ColumnVector elements = v.elements();
                    int offset = v.arrayOffset(row);
                    int length = v.arrayLength(row);
                    g.writeStartArray();
                    for (int i = offset; i < offset + length; i++) {
                        if (elements.isNull(i)) g.writeNull();
                        else element.write(g, elements, i);
                    }
                    g.writeEndArray();
                }
            };
        }
        if (type instanceof MapType m) {
            JsonValueWriter value = build(m.valueType(), ignoreNullFields, dateTimes);
            return new JsonValueWriter() {
                @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
                    ColumnVector keys = v.elements();
                    ColumnVector values = v.mapValues();
                    int offset = v.arrayOffset(row);
                    int length = v.arrayLength(row);
                    g.writeStartObject();
                    for (int i = offset; i < offset + length; i++) {
                        g.writeFieldName(keyText(keys, i));
                        if (values.isNull(i)) g.writeNull();
                        else value.write(g, values, i);
                    }
                    g.writeEndObject();
                }
            };
        }
        throw SluiceException.internal("no JSON writer for type " + type);
    }

    /** Spark writes a map key as its internal value's text: dates as day numbers, timestamps as microseconds. */
    private static String keyText(ColumnVector keys, int i) {
        DataType t = keys.type();
        if (t instanceof StringType) return keys.getString(i);
        if (t instanceof DateType) return Integer.toString(keys.getInt(i));
        if (t instanceof TimestampType) return Long.toString(keys.getLong(i));
        return String.valueOf(keys.getObject(i));
    }

    /** A struct as an object; also writes whole rows of a batch (see {@link #writeFields}). */
    static final class StructWriter extends JsonValueWriter {
        private final SerializableString[] names;
        private final JsonValueWriter[] fields;
        private final boolean ignoreNullFields;

        StructWriter(StructType type, boolean ignoreNullFields, JsonDateTimes dateTimes) {
            this.ignoreNullFields = ignoreNullFields;
            names = new SerializableString[type.size()];
            fields = new JsonValueWriter[type.size()];
            for (int f = 0; f < names.length; f++) {
                names[f] = new SerializedString(type.field(f).name());
                fields[f] = build(type.field(f).dataType(), ignoreNullFields, dateTimes);
            }
        }

        static StructWriter forSchema(StructType type, JsonOptions options) {
            return new StructWriter(type, options.ignoreNullFields(), JsonDateTimes.of(options));
        }

        @Override void write(JsonGenerator g, ColumnVector v, int row) throws IOException {
            g.writeStartObject();
            for (int f = 0; f < fields.length; f++) writeField(g, f, v.child(f), row);
            g.writeEndObject();
        }

        /** Writes {@code columns[f]} at {@code row} as the fields of one object (a batch row). */
        void writeFields(JsonGenerator g, ColumnVector[] columns, int row) throws IOException {
            g.writeStartObject();
            for (int f = 0; f < fields.length; f++) writeField(g, f, columns[f], row);
            g.writeEndObject();
        }

        private void writeField(JsonGenerator g, int f, ColumnVector child, int row) throws IOException {
            if (child.isNull(row)) {
                if (ignoreNullFields) return;
                g.writeFieldName(names[f]);
                g.writeNull();
            } else {
                g.writeFieldName(names[f]);
                fields[f].write(g, child, row);
            }
        }
    }
}
