package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.types.Row;
import dev.sluice.Sluice;
import dev.sluice.error.SluiceException;

import java.util.ArrayList;
import java.util.List;

/** What the SQL tests compare: a result as "a,b" lines, or the error code a statement fails with. */
final class SqlTestRows {
    private SqlTestRows() {}

    /** Each row's cells joined by commas, in the result's order. */
    static List<String> lines(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collect()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) cells.add(String.valueOf(r.get(i)));
            out.add(String.join(",", cells));
        }
        return out;
    }

    /** The code of the error that running {@code sql} raises; fails the test when it runs without one. */
    static ErrorCode errorOf(Sluice sluice, String sql) {
        try {
            sluice.sql(sql).collect();
        } catch (SluiceException e) {
            return e.code();
        }
        throw new AssertionError("no error for " + sql);
    }
}
