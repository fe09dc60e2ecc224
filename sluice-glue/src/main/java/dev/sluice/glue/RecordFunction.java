package dev.sluice.glue;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.StructVector;
import dev.sluice.vector.Vectors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link RecordOp} as a function of the engine, carried by its call and evaluated batch by batch inside the
 * plan. Arguments are the input's columns (one per schema field) and then the error column; records are read
 * straight from those vectors ({@link ColumnReaders}) and results are appended straight into the result
 * vectors. The result is {@code struct<recs: array<out>, err: error>}, or for ops with at most one output per
 * record {@code struct<rec: out, err: error>} (no explode needed). Rows that already are errors pass untouched.
 * The op owns the record it gets (read fresh from the vectors, so mutating it is safe); a failing record's
 * input is read again for its error record. Nondeterministic, so the optimizer never evaluates it twice per row.
 */
final class RecordFunction implements ScalarFunction {
    private final GlueStruct output;
    private final RecordOp op;
    private final Stage stage;
    private final boolean single;
    private final StructType resultType;
    private final ColumnReaders.RecordReader reader;
    private final int sourceColumn;   // the input's SourceFiles column (a reader's file), or -1
    private final int blockColumn, rowColumn;   // a line reader's split start and row within it (ErrorLine.tag), or -1
    private final LinePositions positions;

    RecordFunction(GlueStruct input, GlueStruct output, RecordOp op, Stage stage, boolean single) {
        this(input, output, op, stage, single, null);
    }

    /** For a reader's op over the lines of files tagged by {@link ErrorLine#tag}: error records get their line. */
    RecordFunction(GlueStruct input, GlueStruct output, RecordOp op, Stage stage, boolean single, LinePositions positions) {
        this.output = output;
        this.op = op;
        this.stage = stage;
        this.single = single;
        this.resultType = resultType(output, single);
        this.reader = new ColumnReaders.RecordReader(input);
        this.sourceColumn = input.names().indexOf(SourceFiles.COLUMN);
        this.blockColumn = input.names().indexOf(ErrorLine.BLOCK);
        this.rowColumn = input.names().indexOf(ErrorLine.ROW);
        this.positions = positions;
    }

    static StructType resultType(GlueStruct output, boolean single) {
        DataType records = single ? output.dataType() : new ArrayType(output.dataType(), true);
        return new StructType(List.of(StructField.of(single ? "rec" : "recs", records), StructField.of("err", ErrorColumn.TYPE)));
    }

    @Override public String name() { return "glue_" + stage.transform().toLowerCase(java.util.Locale.ROOT); }

    @Override public Signature bind(List<Expression> arguments) {
        List<DataType> types = new ArrayList<>();
        for (Expression e : arguments) types.add(e.dataType());
        return new Signature(types, resultType, false);
    }

    @Override public boolean deterministic() { return false; }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
        ColumnVector errors = arguments[arguments.length - 1];
        ColumnVector[] columns = Arrays.copyOf(arguments, arguments.length - 1);
        StructVector result = (StructVector) Vectors.allocate(resultType, rowCount);
        FlatVector recs = result.writableChild(0), err = result.writableChild(1);
        for (int i = 0; i < rowCount; i++) {
            Row error = null;
            if (!errors.isNull(i)) {
                appendNone(recs);
            } else {
                error = apply(columns, i, recs);
            }
            err.appendObject(error);
            result.finishRow();
        }
        return result;
    }

    private void appendNone(FlatVector recs) {
        if (single) recs.appendNull();
        else recs.appendObject(List.of());
    }

    /** Runs the op on row {@code i}, appends its records and returns the error record's struct (or null). */
    private Row apply(ColumnVector[] columns, int i, FlatVector recs) {
        try {
            List<DynamicRecord> results = op.apply(reader.read(columns, i));
            if (single && results.size() > 1) throw new IllegalStateException("a single-record op returned " + results.size() + " records");
            List<Object> encoded = new ArrayList<>(results.size());
            for (DynamicRecord r : results) {
                if (r.isError()) return errorAt(columns, i, recs, r.getError(), null, r.toJson());
                encoded.add(RecordCodec.encodeRecord(r, output));
            }
            if (single) recs.appendObject(encoded.isEmpty() ? null : encoded.get(0));
            else recs.appendObject(encoded);
            return null;
        } catch (dev.sluice.error.SluiceException e) {
            throw e;   // fail-fast reading, thresholds: the action fails
        } catch (RecordOp.RecordError e) {
            appendNone(recs);
            return ErrorColumn.of(stage, e.getMessage(), null, e.input, source(columns, i), e.partial == null ? null : e.partial.toJson(),
                    e.line != null ? e.line : line(columns, i));
        } catch (Exception | StackOverflowError | AssertionError e) {
            return errorAt(columns, i, recs, String.valueOf(e.getMessage() == null ? e.toString() : e.getMessage()), stackTrace(e), null);
        }
    }

    private Row errorAt(ColumnVector[] columns, int i, FlatVector recs, String msg, String stackTrace, String partial) {
        appendNone(recs);
        return ErrorColumn.of(stage, msg, stackTrace, reader.read(columns, i).toJson(), source(columns, i), partial);
    }

    /** The line of input row {@code i} in its file, when this op reads tagged lines; else null. */
    private Long line(ColumnVector[] columns, int i) {
        if (positions == null || blockColumn < 0 || rowColumn < 0 || columns[blockColumn].isNull(i) || columns[rowColumn].isNull(i)) return null;
        long line = positions.line(source(columns, i), columns[blockColumn].getLong(i), columns[rowColumn].getLong(i));
        return line < 0 ? null : line;
    }

    private String source(ColumnVector[] columns, int i) {
        return sourceColumn < 0 || columns[sourceColumn].isNull(i) ? null : columns[sourceColumn].getString(i);
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }
}
