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
 * Set by the catalog's table writes, never by a user option.
 */
public record FileSinkOptions(Compression compression, long maxRecordsPerFile, boolean bucketFileNames) {
    public static final FileSinkOptions DEFAULT = new FileSinkOptions(Compression.NONE, 0);

    public FileSinkOptions {
        requireNonNull(compression, "compression");
    }

    public FileSinkOptions(Compression compression, long maxRecordsPerFile) { this(compression, maxRecordsPerFile, false); }

    /** These options, the files named as buckets. */
    public FileSinkOptions withBucketFileNames(boolean bucketed) { return new FileSinkOptions(compression, maxRecordsPerFile, bucketed); }

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
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if ((key.equals("compression") || key.equals("codec")) && !formatCompresses) {
                compression = Compression.fromOption(e.getValue());
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
        return new FileSinkOptions(compression, maxRecords);
    }

    public boolean rollsFiles() { return maxRecordsPerFile > 0; }
}
