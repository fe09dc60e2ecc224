package dev.sluice.io;

import static java.util.Objects.requireNonNull;

/**
 * The byte range {@code [start, start + length)} of one file. A reader of text records owns the records
 * that start inside the range (see {@link LineReader}); {@code fileSize} lets it know whether it may read past
 * the range to finish its last record.
 */
public record FileSplit(String path, long start, long length, long fileSize) implements Split {
    public FileSplit {
        requireNonNull(path, "path");
        if (start < 0 || length < 0 || start + length > fileSize) {
            throw new IllegalArgumentException("split [" + start + ", " + (start + length) + ") outside "
                    + path + " of " + fileSize + " bytes");
        }
    }

    /** A whole file as one split. */
    public static FileSplit whole(FileStatus file) { return new FileSplit(file.path(), 0, file.size(), file.size()); }

    public long end() { return start + length; }

    @Override public String description() { return path + "[" + start + ", " + end() + ")"; }

    @Override public long sizeInBytes() { return length; }

    @Override public String filePath() { return path; }

    @Override public long fileStart() { return start; }

    @Override public long fileLength() { return length; }

    @Override public boolean packable() { return true; }
}
