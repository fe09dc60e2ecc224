package dev.sluice.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.io.IOException;
import java.util.Arrays;

/**
 * Converts JSON values of one data type (Spark's JacksonParser rules) and buffers them as a growing column.
 * Unlike the vectors, these buffers can be cut back ({@link #truncate}) so that a record that turns out to be
 * malformed halfway leaves no trace; {@link #appendTo} copies finished rows into vectors. Nested types own
 * their children's parsers, so a schema is one tree of parsers.
 */
abstract class ColumnParser {
    final DataType type;
    protected int size;
    protected int capacity;
    private boolean[] nulls;

    protected ColumnParser(DataType type, int capacity) {
        this.type = type;
        this.capacity = Math.max(capacity, 16);
        this.nulls = new boolean[this.capacity];
    }

    /** A parser tree for {@code type}. */
    static ColumnParser forType(DataType type, JsonOptions options, int capacity) {
        if (type instanceof StructType s) return new StructParser(s, options, capacity, null);
        if (type instanceof ArrayType a) return new ArrayParser(a, forType(a.elementType(), options, capacity), capacity);
        if (type instanceof MapType m) {
            if (!(m.keyType() instanceof StringType)) {
                throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", "Reading JSON into " + m.simpleString())
                        .with("expected", "a map with STRING keys (JSON object keys are strings)")
                        .with("actual", m.keyType().simpleString() + " keys").build();
            }
            return new MapParser(m, forType(m.valueType(), options, capacity), capacity);
        }
        return ScalarParsers.forType(type, options, capacity);
    }

    final int size() { return size; }

    final boolean isNull(int row) { return nulls[row]; }

    /**
     * Reads the value at the current token {@code t} (never FIELD_NAME or VALUE_NULL) and appends one row,
     * or throws {@link ReadContext.Mismatch} (the caller then truncates and skips the rest of the value).
     */
    abstract void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException;

    /** Reads a value that may be JSON null. */
    final void readNullable(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
        if (t == JsonToken.VALUE_NULL) appendNull();
        else read(p, t, ctx);
    }

    void appendNull() {
        int row = nextSlot();
        nulls[row] = true;
        size = row + 1;
    }

    /** Drops every row from {@code rows} on (nested parsers drop their children's rows too). */
    void truncate(int rows) { size = rows; }

    /** Appends row {@code row} (null or not) to {@code out}, a vector of this parser's type. */
    abstract void appendTo(FlatVector out, int row);

    /** A vector holding all buffered rows. */
    final FlatVector toVector() {
        FlatVector v = Vectors.allocate(type, size);
        appendRangeTo(v, 0, size);
        return v;
    }

    /**
     * As {@link #toVector}, leaving the parser empty ({@code truncate(0)}): parsers with flat buffers hand them to the
     * vector instead of copying them (a batch's strings are its largest buffer), and start over with new ones.
     */
    FlatVector takeVector() {
        FlatVector v = toVector();
        truncate(0);
        return v;
    }

    /** Appends rows [from, to) to {@code out}; parsers with flat buffers copy them in bulk. */
    void appendRangeTo(FlatVector out, int from, int to) {
        for (int r = from; r < to; r++) appendTo(out, r);
    }

    /** The null flags by row (rows [0, size) are valid). */
    final boolean[] nullFlags() { return nulls; }

    /**
     * Index of the next row, with room ensured and marked non-null; the caller stores the value and sets size. Called
     * once per appended value: the growth is a call of its own so that this stays under C1's 35-byte inlining limit
     * (55 bytes with it inline: a call per value in C1's code).
     */
    protected final int nextSlot() {
        int row = size;
        if (row == capacity) grow();
        nulls[row] = false;
        return row;
    }

    /** Doubles the room for rows (null flags and the subclass's values). */
    private void grow() {
        int newCapacity = capacity * 2;
        nulls = Arrays.copyOf(nulls, newCapacity);
        growValues(newCapacity);
        capacity = newCapacity;
    }

    protected abstract void growValues(int newCapacity);
}
