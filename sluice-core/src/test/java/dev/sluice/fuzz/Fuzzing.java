package dev.sluice.fuzz;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.Split;
import dev.sluice.types.StructType;

import java.util.List;

/** What every fuzz target checks: a reader either reads, or fails with a coded error that is not a bug. */
final class Fuzzing {
    /** Inputs larger than this are cut: the fuzzer explores structure, not size (limits have their own tests). */
    static final int MAX_INPUT = 64 * 1024;

    private Fuzzing() {}

    /** Runs {@code body}; a SluiceException other than INTERNAL_ERROR is an accepted outcome, anything else a finding. */
    static void expectOnlyCodedErrors(Runnable body) {
        try {
            body.run();
        } catch (SluiceException e) {
            if (e.code() == ErrorCode.INTERNAL_ERROR) throw e;
        }
    }

    /** Lists, splits and reads every row of {@code source} with its whole schema. */
    static long drain(DataSource source) {
        long rows = 0;
        StructType schema = source.schema();
        for (Split split : source.splits()) {
            try (BatchReader reader = source.open(split, schema, List.<Expression>of())) {
                for (var b = reader.next(); b != null; b = reader.next()) {
                    rows += b.rowCount();
                    for (int c = 0; c < b.columnCount(); c++) {
                        for (int r = 0; r < b.rowCount(); r++) b.column(c).getObject(r);   // every value materializes
                    }
                }
            }
        }
        return rows;
    }
}
