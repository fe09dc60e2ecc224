package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The format-independent options of a file write: {@code compression} (none, gzip, zstd) and
 * {@code maxRecordsPerFile} (roll to a new file after that many rows; 0 or less means no limit, as in Spark);
 * {@code bucketFileNames}: each task writes one bucket of a bucketed table (bucket id = task partition), and its files
 * carry the id as Spark names them ({@code part-00003-<job>_00003.c000.json}), so Spark reads them as buckets.
 * Set by the catalog's table writes, never by a user option. {@code dynamicPartitionOverwrite}: Spark's
 * {@code partitionOverwriteMode} write option (static or dynamic, any case), which the writer also sets from the session's
 * {@code spark.sql.sources.partitionOverwriteMode} when the user gave none; an overwrite of partition directories then
 * replaces only the partitions written ({@link FileSink}).
 */
public record FileSinkOptions(Compression compression, long maxRecordsPerFile, boolean bucketFileNames, boolean dynamicPartitionOverwrite) {
    public static final FileSinkOptions DEFAULT = new FileSinkOptions(Compression.NONE, 0);

    public FileSinkOptions {
        requireNonNull(compression, "compression");
    }

    public FileSinkOptions(Compression compression, long maxRecordsPerFile) { this(compression, maxRecordsPerFile, false, false); }

    /** These options, the files named as buckets. */
    public FileSinkOptions withBucketFileNames(boolean bucketed) {
        return new FileSinkOptions(compression, maxRecordsPerFile, bucketed, dynamicPartitionOverwrite);
    }

    /** The value of the {@code partitionOverwriteMode} option: true for dynamic; INVALID_OPTION unless static or dynamic. */
    public static boolean dynamicMode(String key, String value) {
        String mode = value.trim().toUpperCase(Locale.ROOT);
        if (mode.equals("DYNAMIC")) return true;
        if (mode.equals("STATIC")) return false;
        throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", value)
                .with("reason", "use static or dynamic (Spark: No value found for '" + mode + "')").build();
    }

    /** Reads the two options from writer options (keys ignore case, as Spark's do); other keys are left to the format. */
    public static FileSinkOptions parse(Map<String, String> options) { return parse(options, false); }

    /**
     * As {@link #parse(Map)} for a given output format: when the format compresses itself (see
     * {@link RecordFormat#compressesItself()}), {@code compression} is the format's option and the stream stays as it is.
     */
    public static FileSinkOptions parse(Map<String, String> options, RecordFormat format) {
        return parse(options, format.compressesItself());
    }

    private static FileSinkOptions parse(Map<String, String> options, boolean formatCompresses) {
        Compression compression = Compression.NONE;
        long maxRecords = 0;
        boolean dynamic = false;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if ((key.equals("compression") || key.equals("codec")) && !formatCompresses) {
                compression = Compression.fromOption(e.getValue());
            } else if (key.equals("partitionoverwritemode")) {
                dynamic = dynamicMode(e.getKey(), e.getValue());
            } else if (key.equals("maxrecordsperfile")) {
                try {
                    maxRecords = Long.parseLong(e.getValue().trim());
                } catch (NumberFormatException nfe) {
                    throw SluiceException.of(ErrorCode.INVALID_OPTION)
                            .with("option", "maxRecordsPerFile").with("value", e.getValue())
                            .with("reason", "it must be a whole number of rows (0 for no limit)")
                            .build();
                }
            }
        }
        return new FileSinkOptions(compression, maxRecords, false, dynamic);
    }

    public boolean rollsFiles() { return maxRecordsPerFile > 0; }
}
