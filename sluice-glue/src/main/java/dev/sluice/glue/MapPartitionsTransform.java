package dev.sluice.glue;

import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.SchemaMerge;
import dev.sluice.plan.PartitionFunction;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * mapPartitions / mapPartitionsWithIndex: the user's function gets an iterator over one partition's good records
 * (copies, read as it pulls them) and returns the partition's output records, streamed through the engine's
 * MapPartitions operator. Error records of the input pass through untouched; an output that is null, marked
 * with setError or does not fit the schema becomes an error record of this stage; an exception thrown by the
 * function fails the action (USER_RAISED_EXCEPTION), since no single record can carry it. The output schema is
 * found by one pass running the function (skipped with withFrameSchema), as for map.
 */
final class MapPartitionsTransform {
    private MapPartitionsTransform() {}

    /** The user's function: partition index and the partition's records in, output records out. */
    @FunctionalInterface
    interface PartitionRecords extends BiFunction<Integer, Iterator<DynamicRecord>, Iterator<DynamicRecord>> { }

    static DynamicFrame apply(DynamicFrame frame, PartitionRecords f, TransformOptions options) {
        return frame.deriveOpen("mapPartitions", options, (stage, schema) -> {
            FramePlan in = frame.plan();
            GlueStruct out = schema != null ? schema : infer(in, f);
            StructType rowType = FrameRows.type(out);
            DataFrame mapped = in.data().mapPartitions((p, rows) -> new Output(stage, in.schema(), out, rowType, f, p, rows, false), rowType);
            return new FramePlan(mapped, out);
        });
    }

    private static GlueStruct infer(FramePlan in, PartitionRecords f) {
        StructType shapeType = StructType.of(StructField.of("shape", DataTypes.STRING));
        Stage stage = Stage.next("schemaPass", TransformOptions.DEFAULT);
        DataFrame shapes = in.data().mapPartitions((p, rows) -> new Output(stage, in.schema(), null, shapeType, f, p, rows, true), shapeType);
        GlueType merged = GlueStruct.EMPTY;
        Set<String> seen = new HashSet<>();
        try (CloseableIterator<Row> it = shapes.toLocalIterator()) {
            while (it.hasNext()) {
                String shape = it.next().getString(0);
                if (seen.add(shape)) merged = SchemaMerge.merge(merged, TypeSignature.parse(shape));
            }
        }
        return (GlueStruct) merged;
    }

    /** One partition's output rows: queued input error rows first, then the function's records as they come. */
    private static final class Output implements Iterator<Row> {
        private final Stage stage;
        private final GlueStruct input;
        private final GlueStruct output;
        private final StructType rowType;
        private final boolean shapesOnly;
        private final Deque<Row> errors = new ArrayDeque<>();
        private final Iterator<DynamicRecord> produced;

        Output(Stage stage, GlueStruct input, GlueStruct output, StructType rowType, PartitionRecords f, int partition,
               Iterator<Row> rows, boolean shapesOnly) {
            this.stage = stage;
            this.input = input;
            this.output = output;
            this.rowType = rowType;
            this.shapesOnly = shapesOnly;
            this.produced = guarded(() -> f.apply(partition, new GoodRecords(rows)));
        }

        /** The input's good records; its error rows are set aside to pass through. */
        private final class GoodRecords implements Iterator<DynamicRecord> {
            private final Iterator<Row> rows;
            private Row next;

            GoodRecords(Iterator<Row> rows) { this.rows = rows; }

            @Override public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Row r = rows.next();
                    Object error = r.get(input.size());
                    if (error == null) next = r;
                    else if (!shapesOnly) errors.add(passThrough((Row) error));
                }
                return next != null;
            }

            @Override public DynamicRecord next() {
                if (!hasNext()) throw new NoSuchElementException();
                Row r = next;
                next = null;
                return RecordCodec.decodeRecord(r, input);
            }
        }

        private Row passThrough(Row error) {
            Object[] values = new Object[rowType.size()];
            values[values.length - 1] = error;
            return new Row(rowType, values);
        }

        @Override public boolean hasNext() { return !errors.isEmpty() || guarded(produced::hasNext) || !errors.isEmpty(); }

        @Override public Row next() {
            if (!errors.isEmpty()) return errors.poll();
            if (!hasNext()) throw new NoSuchElementException();
            if (!errors.isEmpty()) return errors.poll();
            DynamicRecord r = guarded(produced::next);
            if (shapesOnly) {
                String shape = r == null || r.isError() ? TypeSignature.of(GlueStruct.EMPTY) : TypeSignature.of(r.schema());
                return new Row(rowType, new Object[] {shape});
            }
            if (r == null) return error("User-specified function returned None instead of DynamicRecord", null);
            if (r.isError()) return error(r.getError(), r.toJson());
            try {
                Row data = RecordCodec.encodeRecord(r, output);
                Object[] values = new Object[rowType.size()];
                for (int i = 0; i < output.size(); i++) values[i] = data.get(i);
                return new Row(rowType, values);
            } catch (RecordCodec.Mismatch e) {
                return error(e.getMessage(), r.toJson());
            }
        }

        private Row error(String msg, String record) {
            Object[] values = new Object[rowType.size()];
            values[values.length - 1] = ErrorColumn.of(stage, msg, null, null, null, record);
            return new Row(rowType, values);
        }

        private static <T> T guarded(java.util.function.Supplier<T> call) {
            try {
                return call.get();
            } catch (SluiceException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                throw SluiceException.of(ErrorCode.USER_RAISED_EXCEPTION)
                        .with("message", "the mapPartitions function failed: " + (e.getMessage() == null ? e.toString() : e.getMessage())).build();
            }
        }
    }

    /** {@code f} over each partition's records, without the partition index. */
    static PartitionRecords withoutIndex(Function<Iterator<DynamicRecord>, Iterator<DynamicRecord>> f) {
        return (p, records) -> f.apply(records);
    }
}
