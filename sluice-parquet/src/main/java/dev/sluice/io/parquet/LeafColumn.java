package dev.sluice.io.parquet;

import dev.sluice.types.DataType;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.Vectors;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType;

import java.util.Arrays;

/**
 * One leaf column of a nested projection, for the batch being built: its repetition and definition levels
 * (one entry per level pair, read for whole top-level rows) and its values. Values are decoded as the levels
 * are read, into a staging vector that {@link LevelNodes} copies from in runs once the structure above is known
 * (a null struct appends nulls to its children itself, and a null array's end is where its elements vector
 * stands, so nothing can be appended to the real vectors ahead of the builders).
 * <p>Pages are decoded directly ({@link PageCursor}, values handed to the leaf's converter) unless the page index
 * filtered the row group, when parquet-java's column reader keeps the leaves' rows in step.
 * <p>A leaf's vector has a slot for every entry whose definition level reaches {@code slotDefinition} (the
 * element level of the innermost repeated field above it, 0 when there is none): the value when the level is
 * full, else null (a null field or a null struct above it).
 */
final class LeafColumn {
    final ColumnDescriptor descriptor;
    final DataType type;
    final VectorNode values;
    final int maxDefinition;
    final int maxRepetition;
    final int slotDefinition;
    /** The column reader of a row group the page index filtered (it lines the kept rows up), else null. */
    ColumnReader reader;
    /** The chunk's pages, read directly when {@link #reader} is null. */
    private final PageCursor cursor;
    private final PrimitiveType.PrimitiveTypeName physical;
    private Dictionary dictionary;
    /** The levels of the next entry of the chunk, read ahead to see where a row ends; false at its end. */
    private boolean ahead;
    private int aheadRepetition;
    private int aheadDefinition;

    int[] repetition = new int[256];
    int[] definition = new int[256];
    /** Entries read for the current batch. */
    int entries;
    /** The next entry the vector builders consume. */
    int position;
    /** The next staged slot to copy (staged leaves only). */
    int slot;

    private FlatVector target;
    private FlatVector staging;
    private boolean[] nulls = new boolean[256];
    /** String and binary leaves: where each staged value ends in the staging buffer, for one copy per run. */
    private int[] byteEnds = new int[0];

    LeafColumn(ColumnDescriptor descriptor, DataType type, VectorNode values, int slotDefinition) {
        this.descriptor = descriptor;
        this.type = type;
        this.values = values;
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
        this.maxRepetition = descriptor.getMaxRepetitionLevel();
        this.slotDefinition = slotDefinition;
        this.cursor = new PageCursor(descriptor);
        this.physical = descriptor.getPrimitiveType().getPrimitiveTypeName();
    }

    /** Starts a row group read through a column reader (its pages filtered by the page index). */
    void start(ColumnReader reader) { this.reader = reader; }

    /** Starts a row group whose pages are read directly. */
    void start(PageReader pages) {
        reader = null;
        dictionary = cursor.start(pages);
        PrimitiveConverter c = values.converter().asPrimitiveConverter();
        if (dictionary != null && c.hasDictionarySupport()) c.setDictionary(dictionary);
        readAhead();
    }

    /** Points the leaf at its vector for the next batch. */
    void bind(FlatVector target) {
        this.target = target;
        if (staging == null) staging = Vectors.allocate(type, 1024);
        else staging.clear();
        values.bind(staging);
    }

    /** Reads the levels and values of the next {@code rows} top-level rows. */
    void read(int rows) {
        if (reader == null) readPages(rows);
        else readColumn(rows);
        position = 0;
        slot = 0;
        if (staging instanceof BytesVector b) {
            int n = b.size();
            if (byteEnds.length < n) byteEnds = new int[Math.max(n, byteEnds.length * 2)];
            for (int i = 0; i < n; i++) byteEnds[i] = b.bytesStart(i) + b.bytesLength(i);
        }
    }

    private void readPages(int rows) {
        FlatVector out = staging;
        PrimitiveConverter converter = values.converter().asPrimitiveConverter();
        int full = maxDefinition, slotLevel = slotDefinition;
        int e = 0, s = 0;
        for (int row = 0; row < rows; row++) {
            do {
                if (!ahead) throw new IllegalStateException("column " + Arrays.toString(descriptor.getPath()) + " ends early");
                if (e == definition.length) growEntries();
                int d = aheadDefinition;
                repetition[e] = aheadRepetition;
                definition[e++] = d;
                if (d >= slotLevel) {
                    if (s == nulls.length) nulls = Arrays.copyOf(nulls, s * 2);
                    if (d == full) {
                        writeValue(converter);
                        nulls[s++] = false;
                    } else {
                        out.appendNull();
                        nulls[s++] = true;
                    }
                }
                readAhead();   // after the value: the next entry may be on the next page
            } while (ahead && aheadRepetition != 0);
        }
        entries = e;
    }

    private void readAhead() {
        ahead = cursor.hasNext();
        if (!ahead) return;
        cursor.available();
        aheadRepetition = cursor.repetition();
        aheadDefinition = cursor.definition();
        cursor.consumed(1);
    }

    /** Hands the current entry's value to the converter, as parquet-java's column reader would. */
    private void writeValue(PrimitiveConverter c) {
        ValuesReader v = cursor.values;
        if (cursor.dictionaryEncoded) {
            int id = v.readValueDictionaryId();
            if (c.hasDictionarySupport()) {
                c.addValueFromDictionary(id);
                return;
            }
            switch (physical) {
                case INT32 -> c.addInt(dictionary.decodeToInt(id));
                case INT64 -> c.addLong(dictionary.decodeToLong(id));
                case FLOAT -> c.addFloat(dictionary.decodeToFloat(id));
                case DOUBLE -> c.addDouble(dictionary.decodeToDouble(id));
                case BOOLEAN -> c.addBoolean(dictionary.decodeToBoolean(id));
                default -> c.addBinary(dictionary.decodeToBinary(id));
            }
            return;
        }
        switch (physical) {
            case INT32 -> c.addInt(v.readInteger());
            case INT64 -> c.addLong(v.readLong());
            case FLOAT -> c.addFloat(v.readFloat());
            case DOUBLE -> c.addDouble(v.readDouble());
            case BOOLEAN -> c.addBoolean(v.readBoolean());
            default -> c.addBinary(v.readBytes());
        }
    }

    private void readColumn(int rows) {
        ColumnReader r = reader;
        FlatVector out = staging;
        int full = maxDefinition, slotLevel = slotDefinition;
        int e = 0, s = 0;
        for (int row = 0; row < rows; row++) {
            do {
                if (e == definition.length) growEntries();
                int d = r.getCurrentDefinitionLevel();
                repetition[e] = r.getCurrentRepetitionLevel();
                definition[e++] = d;
                if (d >= slotLevel) {
                    if (s == nulls.length) nulls = Arrays.copyOf(nulls, s * 2);
                    if (d == full) {
                        r.writeCurrentValueToConverter();
                        nulls[s++] = false;
                    } else {
                        out.appendNull();
                        nulls[s++] = true;
                    }
                }
                r.consume();
            } while (maxRepetition > 0 && r.getCurrentRepetitionLevel() != 0);
        }
        entries = e;
    }

    /** Consumes {@code count} entries that are all slots of this leaf's vector, copying their values. */
    void take(int count) {
        copy(slot, slot + count);
        position += count;
        slot += count;
    }

    /** Consumes one entry a builder above handled as a whole (a null struct, a null or empty collection). */
    void skip() {
        if (definition[position++] >= slotDefinition) slot++;
    }

    private void copy(int from, int to) {
        if (from == to) return;
        if (target instanceof IntVector t) t.appendAll(((IntVector) staging).values(), nulls, from, to);
        else if (target instanceof LongVector t) t.appendAll(((LongVector) staging).values(), nulls, from, to);
        else if (target instanceof DoubleVector t) t.appendAll(((DoubleVector) staging).values(), nulls, from, to);
        else if (target instanceof BooleanVector t) t.appendAll(((BooleanVector) staging).values(), nulls, from, to);
        else if (target instanceof BytesVector t) t.appendAll(((BytesVector) staging).buffer(), byteEnds, nulls, from, to);
        else for (int i = from; i < to; i++) target.appendFrom(staging, i);
    }

    private void growEntries() {
        repetition = Arrays.copyOf(repetition, repetition.length * 2);
        definition = Arrays.copyOf(definition, definition.length * 2);
    }
}
