package dev.sluice.spark;

import dev.sluice.WriteRequest;
import dev.sluice.WriteResult;
import dev.sluice.io.FileStatus;
import dev.sluice.io.SaveMode;
import dev.sluice.io.Storage;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A Sluice write through Spark's own writer (same format name, save mode, options and partitioning). The row
 * count comes from an {@link Observation} on the written Dataset, so the data is computed once.
 */
final class SparkWrites {
    private static final AtomicLong WRITES = new AtomicLong();

    private SparkWrites() {}

    static WriteResult write(Dataset<Row> ds, WriteRequest request, Storage storage) {
        if (request.mode() == SaveMode.IGNORE && exists(storage, request.path())) {
            return new WriteResult(request.path(), 0, 0, 0, true, "the target exists and the save mode is ignore");
        }
        Observation observation = new Observation("sluice_write_" + WRITES.incrementAndGet());
        Dataset<Row> observed = ds.observe(observation, functions.count(functions.lit(1)).as("rows"));
        DataFrameWriter<Row> writer = observed.write().format(request.format()).mode(sparkMode(request.mode()))
                .options(request.options());
        if (!request.partitionBy().isEmpty()) writer = writer.partitionBy(request.partitionBy().toArray(new String[0]));
        writer.save(request.path());
        long rows;
        try {
            rows = ((Number) observation.getAsJava().get("rows")).longValue();   // ready once save() returned
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.JOB_CANCELLED).cause(e).build();
        }
        int files = 0;
        long bytes = 0;
        for (FileStatus f : dataFiles(storage, request.path())) {
            files++;
            bytes += f.size();
        }
        return new WriteResult(request.path(), rows, files, bytes, false, null);
    }

    private static String sparkMode(SaveMode mode) {
        return switch (mode) {
            case ERROR_IF_EXISTS -> "errorifexists";
            case OVERWRITE -> "overwrite";
            case APPEND -> "append";
            case IGNORE -> "ignore";
        };
    }

    private static boolean exists(Storage storage, String path) {
        try {
            return storage.exists(path);
        } catch (RuntimeException e) {
            return false;   // a path Sluice's storage cannot see (hdfs:, s3a:): Spark's ignore mode decides
        }
    }

    /** The files Spark wrote, when Sluice's storage can see the target (file counts are informational). */
    private static java.util.List<FileStatus> dataFiles(Storage storage, String path) {
        java.util.List<FileStatus> out = new java.util.ArrayList<>();
        try {
            collect(storage, path, out);
        } catch (RuntimeException e) {
            out.clear();
        }
        return out;
    }

    private static void collect(Storage storage, String dir, java.util.List<FileStatus> out) {
        for (FileStatus f : storage.list(dir)) {
            String name = f.name();
            if (name.startsWith("_") || name.startsWith(".")) continue;
            if (f.directory()) collect(storage, f.path(), out);
            else out.add(f);
        }
    }
}
