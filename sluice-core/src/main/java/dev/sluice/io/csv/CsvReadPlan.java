package dev.sluice.io.csv;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.json.ParseMode;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one CSV reader does with each record, shared by the String and the byte reader: where each projected column
 * comes from, which data columns are converted (all of them when the mode or the corrupt-record column judges the
 * whole record), and Spark's header check for {@code enforceSchema=false}.
 */
final class CsvReadPlan {
    final List<StructField> dataColumns;
    /** Per projected column: its data column index, or -1 for the corrupt-record column. */
    final int[] outputSource;
    /** The data column indexes converted for each record, in order. */
    final int[] converted;
    /** Per data column: whether the tokenizer copies it. */
    final boolean[] needed;
    /** Whether every record is judged whole (field count and every column), not only the columns read. */
    final boolean judgeAll;

    CsvReadPlan(List<StructField> dataColumns, String corruptName, StructType projection, ParseMode mode) {
        this.dataColumns = dataColumns;
        outputSource = new int[projection.size()];
        boolean corruptProjected = false;
        for (int i = 0; i < projection.size(); i++) {
            String name = projection.field(i).name();
            if (name.equals(corruptName)) {
                outputSource[i] = -1;
                corruptProjected = true;
            } else {
                outputSource[i] = dataIndex(name);
            }
        }
        judgeAll = mode != ParseMode.PERMISSIVE || corruptProjected;
        needed = new boolean[dataColumns.size()];
        if (judgeAll) {
            Arrays.fill(needed, true);
        } else {
            for (int s : outputSource) if (s >= 0) needed[s] = true;
        }
        int n = 0;
        for (boolean b : needed) if (b) n++;
        converted = new int[n];
        for (int i = 0, k = 0; i < needed.length; i++) if (needed[i]) converted[k++] = i;
    }

    private int dataIndex(String name) {
        for (int i = 0; i < dataColumns.size(); i++) if (dataColumns.get(i).name().equals(name)) return i;
        throw SluiceException.internal("projected column " + name + " is not in the CSV data columns " + dataColumns);
    }

    /** The problem of a record of {@code count} fields when judged whole, or null. */
    String countProblem(int count) {
        return judgeAll && count != dataColumns.size() ? count + " fields where the schema has " + dataColumns.size() : null;
    }

    /** The problem of field {@code text} that is not a value of data column {@code j}. */
    String invalidProblem(String text, int j) {
        return "'" + text + "' is not a valid " + dataColumns.get(j).dataType().sql() + " for column `" + dataColumns.get(j).name() + "`";
    }

    /** FAILFAST's error for a malformed record at {@code location} ({@code path:line}). */
    static SluiceException malformed(String location, String problem) {
        return SluiceException.of(ErrorCode.MALFORMED_RECORD).with("location", location).with("reason", problem).build();
    }

    /** Spark's CSVHeaderChecker: the header names the schema's columns (without the corrupt-record column) in order. */
    void checkHeader(String[] header, String path) {
        if (header == null) return;   // an empty file has no header to check
        List<String> names = new ArrayList<>();
        for (StructField f : dataColumns) names.add(f.name());
        String problem = null;
        if (header.length != names.size()) {
            problem = "the header has " + header.length + " columns and the schema " + names.size();
        } else {
            for (int i = 0; i < header.length && problem == null; i++) {
                String h = header[i] == null ? "" : header[i];
                if (!h.equalsIgnoreCase(names.get(i))) {
                    problem = "expected `" + names.get(i) + "` but found `" + h + "` at position " + (i + 1);
                }
            }
        }
        if (problem != null) {
            throw SluiceException.of(ErrorCode.CSV_HEADER_MISMATCH).with("path", path)
                    .with("reason", problem + " (header: " + String.join(", ", header) + "; schema: "
                            + String.join(", ", names) + ")")
                    .build();
        }
    }
}
