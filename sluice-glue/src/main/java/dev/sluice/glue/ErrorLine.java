package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.io.Storage;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.call_function;
import static dev.sluice.functions.col;
import static dev.sluice.functions.input_file_block_start;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.monotonically_increasing_id;
import static dev.sluice.functions.pmod;

/**
 * The line of a malformed record in a columnar read (CSV, JSON Lines read by schema), for the {@code line} of its
 * error record: {@code glue_error_line(bad, source, block, row)} is null for good records and otherwise asks
 * {@link LinePositions}. {@link #tag} adds the split's start and the record's index within its task to a read, so
 * the line can be found later; both come from the task reading the split (Sluice reads one split per task).
 */
final class ErrorLine implements ScalarFunction {
    static final String BLOCK = "__glue_block";
    static final String ROW = "__glue_row";
    private static final long ROW_MASK = (1L << 33) - 1;   // monotonically_increasing_id's row within its partition

    private final LinePositions positions;

    private ErrorLine(LinePositions positions) { this.positions = positions; }

    /**
     * A read's rows with the start of their split and their index within it (right after the scan). The filter,
     * true for every row, keeps the optimizer from merging the counter into a later projection, where it could land
     * inside a conditional branch (the error struct's {@code when}) and count only the rows that reach it.
     */
    static dev.sluice.DataFrame tag(dev.sluice.DataFrame read) {
        return read.withColumn(BLOCK, input_file_block_start()).withColumn(ROW, pmod(monotonically_increasing_id(), lit(ROW_MASK + 1)))
                .filter(col(ROW).geq(lit(0L)));
    }

    /** The line of the record when {@code bad}, else null. */
    static Column of(Storage storage, LinePositions.Kind kind, Column bad) {
        return call_function(new ErrorLine(new LinePositions(storage, kind)), bad, col(SourceFiles.COLUMN), col(BLOCK), col(ROW));
    }

    @Override public String name() { return "glue_error_line"; }

    @Override public Signature bind(List<Expression> arguments) {
        List<DataType> types = new ArrayList<>();
        for (Expression e : arguments) types.add(e.dataType());
        return new Signature(types, DataTypes.LONG, true);
    }

    /** The same record always has the same line, so filters on the error column may move past it. */
    @Override public boolean deterministic() { return true; }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
        FlatVector out = Vectors.allocate(DataTypes.LONG, rows);
        for (int i = 0; i < rows; i++) {
            if (args[0].isNull(i) || !args[0].getBoolean(i) || args[1].isNull(i)) {
                out.appendNull();
                continue;
            }
            long line = positions.line(args[1].getString(i), args[2].getLong(i), args[3].getLong(i));
            if (line < 0) out.appendNull();
            else out.appendObject(line);
        }
        return out;
    }
}
