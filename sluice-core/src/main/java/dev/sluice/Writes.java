package dev.sluice;

import dev.sluice.exec.ExecNode;
import dev.sluice.io.DataSink;
import dev.sluice.io.TaskCommit;
import dev.sluice.io.TaskWriter;
import dev.sluice.io.WriteJob;
import dev.sluice.io.WriteStart;
import dev.sluice.io.WriteSummary;
import dev.sluice.vector.Batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a write action: one task writer per partition, then one job commit, or an abort on any failure. */
final class Writes {
    private Writes() {}

    static WriteResult run(ExecNode root, dev.sluice.types.StructType schema, DataSink sink, dev.sluice.exec.Scheduler scheduler,
                           dev.sluice.memory.MemoryPool pool) {
        WriteStart start = sink.begin(schema);
        if (start instanceof WriteStart.Skipped skipped) return WriteResult.skipped(sink.description(), skipped.reason());
        WriteJob job = ((WriteStart.Started) start).job();
        TaskCommit[] commits = new TaskCommit[root.partitionCount()];
        List<dev.sluice.io.SkippedFile> skippedFiles = java.util.Collections.synchronizedList(new ArrayList<>());
        dev.sluice.exec.JobListener skips = new dev.sluice.exec.JobListener() {
            @Override public void onFileSkipped(long jobId, String path, String code, String reason) {
                skippedFiles.add(new dev.sluice.io.SkippedFile(path, code, reason));
            }
        };
        long writerShare = PoolWriteMemory.shareOf(pool.budget(), Math.min(scheduler.parallelism(), root.partitionCount()));
        try {
            scheduler.run(root, "write " + sink.description(), 0, (partition, stream, ctx) -> {
                // what the task's files buffer (Parquet row groups) is reserved from the same pool as the operators
                // feeding it; closing the reservation gives it all back, also when the task fails
                dev.sluice.memory.Reservation memory = pool.newReservation("file writer");
                TaskWriter writer = job.openTask(partition, new PoolWriteMemory(memory, writerShare));
                try (memory) {
                    for (Batch b = stream.next(); b != null; b = stream.next()) {
                        ctx.checkCancelled();
                        writer.write(b);
                    }
                    commits[partition] = writer.commit();
                } catch (Throwable t) {
                    writer.abort();
                    throw t;
                }
            }, skips);
        } catch (RuntimeException | Error e) {
            job.abort();
            throw e;
        }
        List<TaskCommit> done = new ArrayList<>(Arrays.asList(commits));
        done.removeIf(java.util.Objects::isNull);
        WriteSummary summary = job.commit(done);
        List<dev.sluice.io.SkippedFile> skipped;
        synchronized (skippedFiles) {
            skipped = new ArrayList<>(skippedFiles);
        }
        skipped.sort(java.util.Comparator.comparing(dev.sluice.io.SkippedFile::path));   // the same for any parallelism
        return new WriteResult(summary.path(), summary.records(), summary.files(), summary.bytes(), false, null, skipped);
    }
}
