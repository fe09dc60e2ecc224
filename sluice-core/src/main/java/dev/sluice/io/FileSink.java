package dev.sluice.io;

import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Writes a directory of files in a {@link RecordFormat}, atomically per job through a
 * {@link JobCommitter} (the rename-based {@link FileCommitProtocol}, or the storage's own):
 * {@code part-00000-<jobId>.c000.json[.gz]} and {@code _SUCCESS}.
 * A partition with no rows writes no file.
 */
public final class FileSink implements DataSink {
    private final Storage storage;
    private final String path;
    private final SaveMode mode;
    private final RecordFormat format;
    private final FileSinkOptions options;
    private final Supplier<String> jobIds;
    private List<String> partitionColumns = List.of();

    public FileSink(Storage storage, String path, SaveMode mode, RecordFormat format, FileSinkOptions options) {
        this(storage, path, mode, format, options, FileCommitProtocol::newJobId);
    }

    /** Writes rows into one sub-directory per value of these columns ({@code year=2026/}), Hive style. */
    public FileSink partitionBy(List<String> columns) {
        this.partitionColumns = List.copyOf(columns);
        return this;
    }

    /** As above with the job ids given (tests use fixed ones to name the files). */
    public FileSink(Storage storage, String path, SaveMode mode, RecordFormat format, FileSinkOptions options,
                    Supplier<String> jobIds) {
        this.storage = requireNonNull(storage, "storage");
        this.path = StoragePaths.normalize(requireNonNull(path, "path"));
        this.mode = requireNonNull(mode, "mode");
        this.format = requireNonNull(format, "format");
        this.options = requireNonNull(options, "options");
        this.jobIds = requireNonNull(jobIds, "jobIds");
    }

    @Override public String description() {
        StringBuilder sb = new StringBuilder(format.extension()).append(' ').append(path)
                .append(" mode=").append(mode.name().toLowerCase(Locale.ROOT));
        if (options.compression() != Compression.NONE) sb.append(" compression=").append(options.compression().name().toLowerCase(Locale.ROOT));
        if (options.rollsFiles()) sb.append(" maxRecordsPerFile=").append(options.maxRecordsPerFile());
        if (!partitionColumns.isEmpty()) sb.append(" partitionBy=").append(partitionColumns);
        if (replacesPartitions()) sb.append(" partitionOverwriteMode=dynamic");
        return sb.toString();
    }

    @Override public WriteStart begin(StructType schema) {
        requireNonNull(schema, "schema");
        new PartitionWriting(schema, partitionColumns);   // a bad partition column fails before anything is written
        JobCommitter protocol = committer(jobIds.get());
        if (!protocol.setupJob()) {
            return new WriteStart.Skipped(path + " already exists and the save mode is ignore: nothing was written");
        }
        return new WriteStart.Started(new Job(protocol, schema));
    }

    /**
     * The rename-based protocol where the storage serving the path renames atomically; otherwise the
     * storage's own committer (an object store publishes without rename).
     */
    private JobCommitter committer(String jobId) {
        Storage owner = storage.forPath(path);
        boolean replace = replacesPartitions();
        return owner.atomicRename() ? new FileCommitProtocol(storage, path, mode, replace, jobId) : owner.jobCommitter(path, mode, replace, jobId);
    }

    /**
     * Spark's dynamic partition overwrite (InsertIntoHadoopFsRelationCommand): only an overwrite that writes partition
     * directories replaces just those; without partition columns an overwrite replaces the whole target in either mode.
     */
    private boolean replacesPartitions() {
        return options.dynamicPartitionOverwrite() && mode == SaveMode.OVERWRITE && !partitionColumns.isEmpty();
    }

    private final class Job implements WriteJob {
        private final JobCommitter protocol;
        private final StructType schema;

        Job(JobCommitter protocol, StructType schema) {
            this.protocol = protocol;
            this.schema = schema;
        }

        @Override public TaskWriter openTask(int partition) { return openTask(partition, WriteMemory.UNBOUNDED); }

        @Override public TaskWriter openTask(int partition, WriteMemory memory) {
            String extension = format.extension() + options.compression().extension();
            TaskAttempt task = protocol.setupTask(partition);
            if (options.bucketFileNames()) task.writesBucket(partition);   // one task per bucket: the table write repartitions so
            return new FileTaskWriter(storage, protocol, task, format, schema,
                    extension, options, partitionColumns, memory);
        }

        @Override public WriteSummary commit(List<TaskCommit> tasks) {
            List<Integer> partitions = new ArrayList<>(tasks.size());
            int files = 0;
            long records = 0;
            long bytes = 0;
            for (TaskCommit t : tasks) {
                partitions.add(t.partition());
                files += t.files().size();
                records += t.records();
                bytes += t.bytes();
            }
            protocol.commitJob(partitions);
            return new WriteSummary(path, files, records, bytes);
        }

        @Override public void abort() { protocol.abortJob(); }
    }
}
