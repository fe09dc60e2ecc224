package dev.sluice.exec;

import dev.sluice.expr.Generator;
import dev.sluice.plan.Explain;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.RowCalls;
import dev.sluice.vector.Vectors;

import java.util.List;

/**
 * Runs a generator over each input batch, vectorized: the input columns are repeated as dictionary views
 * (row ids, no copy), and the generated columns are slices of the array's elements vector (or of a map's
 * keys and values, or of inline's struct fields) when the elements are contiguous, dictionary views
 * otherwise; only outer rows of nulls force a copy. Output batches hold at most {@code batchSize} rows,
 * even for a row with more elements.
 */
public final class GenerateExec implements ExecNode {
    private final ExecNode input;
    private final Generator generator;
    private final StructType schema;
    private final int batchSize;

    /** {@code generator} is bound to the input's columns. */
    public GenerateExec(ExecNode input, Generator generator, StructType schema, int batchSize) {
        this.input = input;
        this.generator = generator;
        this.schema = schema;
        this.batchSize = Math.max(1, batchSize);
    }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "GenerateExec: " + Explain.expression(generator); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        BatchStream in = input.execute(partition, ctx);
        boolean positions = generator.kind() == Generator.Kind.POSEXPLODE;   // positions read every element id
        boolean outer = generator.outer();
        return new BatchStream() {
            Batch current;
            ColumnVector values;
            int[] through;   // the selection all input columns share, or null: rows hold input rows, else its base rows
            int[] starts = new int[0];    // per input row of the current batch: its array's first element
            int[] lengths = new int[0];   // and its length (0 for a null array)
            int row;
            int element;   // next element of the current row
            int contiguousFrom;   // after collect: the first element when the elements taken are contiguous, else negative
            int[] elementIds;     // after collect: the element of each row, or null when they are contiguous
            boolean nullRows;     // after collect: some row is an outer generator's null row (element -1)

            @Override public Batch next() {
                while (true) {
                    if (current == null) {
                        current = in.next();
                        if (current == null) return null;
                        values = generator.child().evaluate(current);
                        int n = current.rowCount();
                        if (starts.length < n) {
                            starts = new int[n];
                            lengths = new int[n];
                        }
                        extents(values, n, starts, lengths);
                        through = positions ? null : current.sharedSelection();   // positions read input rows
                        row = 0;
                        element = 0;
                    }
                    Batch out = fill();
                    if (out != null) return out;
                }
            }

            /** The next output batch from the current input batch, or null when it is used up. */
            private Batch fill() {
                Batch batch = current;
                int[] rows = new int[batchSize];
                int count = collect(batch.rowCount(), rows);
                if (row >= batch.rowCount()) current = null;
                if (count == 0) return null;
                return assemble(batch, through, values, rows, elementIds, contiguousFrom, nullRows, count);
            }

            /**
             * Fills {@code rows} and {@link #elementIds} from the current position on (up to a batch), and returns how
             * many. While the elements taken follow each other (one array after the other in the elements vector, the
             * usual case), {@link #elementIds} stays null and {@link #contiguousFrom} is the first one: the generated
             * columns are then a slice, and no per-row loop fills or checks the element ids.
             * Apart from {@link #fill}'s assembly: this loop is what the JIT compiles hot (on-stack replacement, then the
             * method), and without the assembly inlined into it each compile is a fraction of the size. It reads the
             * arrays' extents from {@link #extents}'s arrays: no call per row into the arrays' vector, which C1 would
             * not inline (virtual calls).
             */
            private int collect(int n, int[] rows) {
                int count = 0;
                int[] elements = positions ? new int[batchSize] : null;   // -1: the null row of an outer generator
                int from = positions ? -1 : -2;   // -2: nothing taken yet; -1: not contiguous, elements written
                nullRows = false;
                int[] starts = this.starts, lengths = this.lengths;
                while (count < batchSize && row < n) {
                    int length = lengths[row];
                    if (length == 0) {
                        if (outer) {
                            if (elements == null) elements = idsOfRange(from, count);
                            from = -1;
                            nullRows = true;
                            rows[count] = through == null ? row : through[row];
                            elements[count++] = -1;
                        }
                        row++;
                        continue;
                    }
                    int first = starts[row] + element;
                    int take = Math.min(length - element, batchSize - count);
                    IntFill.repeat(rows, count, take, through == null ? row : through[row]);
                    if (from == -2) {
                        from = first;
                    } else if (from >= 0 && first != from + count) {
                        elements = idsOfRange(from, count);
                        from = -1;
                    }
                    if (from == -1) writeRange(elements, count, first, take);
                    count += take;
                    element += take;
                    if (element == length) {
                        row++;
                        element = 0;
                    }
                }
                contiguousFrom = from;
                elementIds = elements;
                return count;
            }

            @Override public void close() { in.close(); }
        };
    }

    /**
     * Each input row's array as {@code starts[r]} (its first element) and {@code lengths[r]} (0 for a null array), for
     * rows [0, n): through the flat array vector's end offsets when the values resolve to one (the usual case), else
     * through the vector's getters.
     */
    private static void extents(ColumnVector values, int n, int[] starts, int[] lengths) {
        FlatRows flat = FlatRows.of(values);
        if (flat != null && flat.base() instanceof ArrayVector arrays) {
            int[] ends = arrays.endOffsets();
            boolean nulls = !flat.noNulls();
            RowCalls.run(n, (from, to) -> arrayExtents(ends, arrays, flat, nulls, starts, lengths, from, to));
            return;
        }
        for (int r = 0; r < n; r++) {
            int length = values.isNull(r) ? 0 : values.arrayLength(r);
            lengths[r] = length;
            starts[r] = length == 0 ? 0 : values.arrayOffset(r);
        }
    }

    /** {@link #extents} of rows [from, to) from an array vector's end offsets: called through {@link RowCalls}, compiled once. */
    private static void arrayExtents(int[] ends, ArrayVector arrays, FlatRows flat, boolean nulls, int[] starts, int[] lengths, int from, int to) {
        for (int r = from; r < to; r++) {
            int p = flat.row(r);
            int start = p == 0 ? 0 : ends[p - 1];
            starts[r] = start;
            lengths[r] = nulls && arrays.isNull(p) ? 0 : ends[p] - start;
        }
    }

    /**
     * {@code ids[at..at+take)} = {@code first, first + 1, ...}. A method of its own, so that {@code collect}'s loop is
     * its only loop: the JIT may compile a method on-stack at each loop whose back-edges reach its threshold, and with
     * this loop inside, C2 compiled the whole of {@code collect} twice that way in one of Q2's profiled runs, and then
     * once more as a method.
     */
    private static void writeRange(int[] ids, int at, int first, int take) {
        for (int k = 0; k < take; k++) ids[at + k] = first + k;
    }

    /** A batch's element ids whose first {@code count} are {@code from, from + 1, ...} (none when from < 0). */
    private int[] idsOfRange(int from, int count) {
        int[] elements = new int[batchSize];
        for (int i = 0; i < count; i++) elements[i] = from + i;
        return elements;
    }

    /**
     * {@code elements} is null when the elements are {@code from, from + 1, ...}; then {@code from} is the first. Else
     * they are not contiguous (unless positions made collect write them), so a view picks them, or a copy with the null
     * rows of an outer generator.
     */
    private Batch assemble(Batch batch, int[] through, ColumnVector values, int[] rows, int[] elements, int from, boolean nullRows,
                           int count) {
        ColumnVector[] out = new ColumnVector[schema.size()];
        int c = 0;
        // the parent columns as views, one shared selection: rows are already the selection's base rows when the input
        // columns share one (a filter's), so no loop composes them
        Batch repeated = through != null ? batch.throughSelection(rows, count) : batch.gather(rows, count);
        for (; c < batch.columnCount(); c++) out[c] = repeated.column(c);
        if (generator.kind() == Generator.Kind.POSEXPLODE) out[c++] = positions(values, rows, elements, count);
        boolean withPositions = generator.kind() == Generator.Kind.POSEXPLODE;
        for (ColumnVector source : sources(values)) {
            if (elements == null) out[c++] = source.slice(from, count);
            else if (withPositions || nullRows) out[c++] = pick(source, elements, count);
            else out[c++] = source.select(elements, count);   // not contiguous, no null rows: what pick would choose
        }
        return new Batch(out, count);
    }

    /** The vectors the generated columns come from, indexed by element. */
    private ColumnVector[] sources(ColumnVector values) {
        if (generator.kind() == Generator.Kind.INLINE) {
            ColumnVector structs = values.elements();
            StructType st = (StructType) structs.type();
            ColumnVector[] out = new ColumnVector[st.size()];
            for (int f = 0; f < out.length; f++) out[f] = structs.child(f);   // a null struct has null fields
            return out;
        }
        if (values.type() instanceof dev.sluice.types.MapType) return new ColumnVector[] {values.elements(), values.mapValues()};
        return new ColumnVector[] {values.elements()};
    }

    private static ColumnVector positions(ColumnVector values, int[] rows, int[] elements, int count) {
        IntVector pos = (IntVector) Vectors.allocate(DataTypes.INT, count);
        for (int i = 0; i < count; i++) {
            if (elements[i] < 0) pos.appendNull();
            else pos.append(elements[i] - values.arrayOffset(rows[i]));
        }
        return pos;
    }

    /** Elements {@code ids} of {@code source}: a slice when contiguous, a view when not, a copy with nulls. */
    private static ColumnVector pick(ColumnVector source, int[] ids, int count) {
        boolean contiguous = true, hasNull = false;
        for (int i = 0; i < count; i++) {
            hasNull |= ids[i] < 0;
            contiguous &= ids[i] == ids[0] + i;
        }
        if (contiguous && !hasNull) return source.slice(ids[0], count);
        if (!hasNull) return source.select(ids, count);
        FlatVector copy = Vectors.allocate(source.type(), count);
        for (int i = 0; i < count; i++) {
            if (ids[i] < 0) copy.appendNull();
            else copy.appendFrom(source, ids[i]);
        }
        return copy;
    }
}
