package dev.sluice;

import dev.sluice.io.SaveMode;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A write as the user asked for it: where, in which format, with which save mode, options and partitioning;
 * {@code bucketFileNames}: a bucketed table's write, partition i being bucket i, its files named as Spark names buckets.
 */
public record WriteRequest(String path, String format, SaveMode mode, Map<String, String> options, List<String> partitionBy,
                           boolean bucketFileNames) {
    public WriteRequest(String path, String format, SaveMode mode, Map<String, String> options, List<String> partitionBy) {
        this(path, format, mode, options, partitionBy, false);
    }

    public WriteRequest {
        requireNonNull(path, "path");
        requireNonNull(format, "format");
        requireNonNull(mode, "mode");
        options = Map.copyOf(options);
        partitionBy = List.copyOf(partitionBy);
    }
}
