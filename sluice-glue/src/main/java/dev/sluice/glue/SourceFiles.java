package dev.sluice.glue;

import dev.sluice.DataFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.sluice.functions.lit;

/**
 * Reads a source's files so that every row knows the file it came from (column {@link #COLUMN}), for the
 * {@code source} of reader error records: each file is read as its own DataFrame tagged with its path, and the
 * reads are unioned as a balanced tree (depth log n, so thousands of files make no deep plan). The rows and their
 * order within each file are those of one read over all the files.
 */
final class SourceFiles {
    static final String COLUMN = "__glue_source";

    private SourceFiles() {}

    static DataFrame read(List<String> paths, Function<String, DataFrame> readOne) {
        List<DataFrame> parts = new ArrayList<>(paths.size());
        for (String p : paths) parts.add(readOne.apply(p).withColumn(COLUMN, lit(p)));
        return unionAll(parts, 0, parts.size());
    }

    private static DataFrame unionAll(List<DataFrame> parts, int from, int to) {
        if (to - from == 1) return parts.get(from);
        int mid = (from + to) >>> 1;
        return unionAll(parts, from, mid).union(unionAll(parts, mid, to));
    }
}
