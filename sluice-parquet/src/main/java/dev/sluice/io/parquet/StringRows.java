package dev.sluice.io.parquet;

import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;

/**
 * The rows of a string or binary vector as the string writer's loops read them: a {@link BytesVector}'s through that
 * final class, any other vector's through its getters. A getter called on {@code ColumnVector}, which has many
 * implementations, is a virtual call in C1's code (C1 inlines only what it can bind statically), three per row in every
 * pass; called on the final class it is bound statically and, being small, inlined. Bound to one vector per write
 * call, and let go after it.
 */
final class StringRows {
    private ColumnVector any;
    private BytesVector flat;   // the same vector when it is a BytesVector, else null

    void bind(ColumnVector v) {
        any = v;
        flat = v instanceof BytesVector b ? b : null;
    }

    void release() {
        any = null;
        flat = null;
    }

    boolean isNull(int row) {
        BytesVector f = flat;
        return f != null ? f.isNull(row) : any.isNull(row);
    }

    byte[] array(int row) {
        BytesVector f = flat;
        return f != null ? f.bytesArray(row) : any.bytesArray(row);
    }

    int start(int row) {
        BytesVector f = flat;
        return f != null ? f.bytesStart(row) : any.bytesStart(row);
    }

    int length(int row) {
        BytesVector f = flat;
        return f != null ? f.bytesLength(row) : any.bytesLength(row);
    }
}
