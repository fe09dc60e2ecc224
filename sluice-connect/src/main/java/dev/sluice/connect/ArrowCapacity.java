package dev.sluice.connect;

import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;

/** Grows Arrow vectors before a writer fills them with unchecked sets. */
final class ArrowCapacity {
    private ArrowCapacity() {}

    static void rows(BaseFixedWidthVector v, int rows) {
        while (v.getValueCapacity() < rows) v.reAlloc();
    }

    static void rows(BaseVariableWidthVector v, int rows) {
        while (v.getValueCapacity() < rows) v.reallocValidityAndOffsetBuffers();
    }
}
