package dev.sluice.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.types.ArrayType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.FlatVector;

import java.io.IOException;
import java.util.Arrays;

/**
 * A JSON array into an array, as Spark's {@code convertArray}: an element that cannot be converted fails the
 * whole array (it becomes NULL in the enclosing struct), while elements that are structs with partial
 * results are kept.
 */
final class ArrayParser extends ColumnParser {
    private final ColumnParser elements;
    private int[] ends;

    ArrayParser(ArrayType type, ColumnParser elements, int capacity) {
        super(type, capacity);
        this.elements = elements;
        this.ends = new int[this.capacity];
    }

    ColumnParser elements() { return elements; }

    @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
        if (t != JsonToken.START_ARRAY) throw ctx.mismatch(p, type, t);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) elements.readNullable(p, e, ctx);
        finishRow();
    }

    /** Ends a row made of the elements appended since the previous row. */
    void finishRow() {
        int row = nextSlot();
        ends[row] = elements.size();
        size = row + 1;
    }

    @Override void appendNull() {
        int row = nextSlot();
        ends[row] = elements.size();
        super.appendNull();
    }

    @Override void truncate(int rows) {
        super.truncate(rows);
        elements.truncate(rows == 0 ? 0 : ends[rows - 1]);
    }

    @Override protected void growValues(int newCapacity) { ends = Arrays.copyOf(ends, newCapacity); }

    /** The elements' vector and the end offsets go to the vector as they are (one layout); new ones for the next batch. */
    @Override FlatVector takeVector() {
        FlatVector taken = elements.takeVector();
        ArrayVector v = ArrayVector.adopt((ArrayType) type, taken, ends, nullFlags(), size);
        ends = new int[capacity];
        truncate(0);
        return v;
    }

    /** Runs of non-null rows copy their elements in one bulk append and their ends shifted. */
    @Override void appendRangeTo(FlatVector out, int from, int to) {
        ArrayVector v = (ArrayVector) out;
        FlatVector target = v.writableElements();
        int r = from;
        while (r < to) {
            if (isNull(r)) {
                v.appendNull();
                r++;
                continue;
            }
            int runEnd = r + 1;
            while (runEnd < to && !isNull(runEnd)) runEnd++;
            int firstElement = r == 0 ? 0 : ends[r - 1];
            int shift = target.size() - firstElement;
            elements.appendRangeTo(target, firstElement, ends[runEnd - 1]);
            v.finishRows(ends, r, runEnd, shift);
            r = runEnd;
        }
    }

    @Override void appendTo(FlatVector out, int row) {
        ArrayVector v = (ArrayVector) out;
        if (isNull(row)) {
            v.appendNull();
            return;
        }
        FlatVector target = v.writableElements();
        for (int i = row == 0 ? 0 : ends[row - 1]; i < ends[row]; i++) elements.appendTo(target, i);
        v.finishRow();
    }
}
