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
import dev.sluice.vector.Vectors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RecordOp} as a function of the engine, evaluated batch by batch inside the plan: arguments are the
 * input record (a struct) and the error column; the result is {@code struct<recs: array<out>, err: error>}.
 * Rows that already are errors pass untouched; the op sees a copy of each good record. Nondeterministic, so the
 * optimizer never evaluates it twice per row.
 */
final class RecordFunction implements ScalarFunction {
    private final GlueStruct input;
    private final GlueStruct output;
    private final RecordOp op;
    private final Stage stage;
    private final StructType resultType;

    RecordFunction(GlueStruct input, GlueStruct output, RecordOp op, Stage stage) {
        this.input = input;
        this.output = output;
        this.op = op;
        this.stage = stage;
        this.resultType = resultType(output);
    }

    static StructType resultType(GlueStruct output) {
        return new StructType(List.of(StructField.of("recs", new ArrayType(output.dataType(), true)),
                StructField.of("err", ErrorColumn.TYPE)));
    }

    @Override public String name() { return "glue_record_function"; }

    @Override public Signature bind(List<Expression> arguments) {
        List<DataType> types = new ArrayList<>();
        for (Expression e : arguments) types.add(e.dataType());
        return new Signature(types, resultType, false);
    }

    @Override public boolean deterministic() { return false; }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
        List<Object> out = new ArrayList<>(rowCount);
        ColumnVector records = arguments[0], errors = arguments[1];
        for (int i = 0; i < rowCount; i++) {
            if (!errors.isNull(i)) {
                out.add(new Row(resultType, new Object[] {List.of(), null}));
                continue;
            }
            out.add(apply((Row) records.getObject(i)));
        }
        return Vectors.of(resultType, out);
    }

    private Row apply(Row row) {
        DynamicRecord record = RecordCodec.decodeRecord(row, input);
        try {
            List<DynamicRecord> results = op.apply(record.copy());
            List<Object> encoded = new ArrayList<>(results.size());
            for (DynamicRecord r : results) {
                if (r.isError()) return error(r.getError(), null, record.toJson(), r.toJson());
                encoded.add(RecordCodec.encodeRecord(r, output));
            }
            return new Row(resultType, new Object[] {encoded, null});
        } catch (dev.sluice.error.SluiceException e) {
            throw e;   // fail-fast reading, thresholds: the action fails
        } catch (RecordOp.RecordError e) {
            return error(e.getMessage(), null, e.input, e.partial == null ? null : e.partial.toJson());
        } catch (Exception | StackOverflowError | AssertionError e) {
            return error(String.valueOf(e.getMessage() == null ? e.toString() : e.getMessage()), stackTrace(e), record.toJson(), null);
        }
    }

    private Row error(String msg, String stackTrace, String input, String partial) {
        return new Row(resultType, new Object[] {List.of(), ErrorColumn.of(stage, msg, stackTrace, input, null, partial)});
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }
}
