package dev.sluice.glue;

import dev.sluice.io.FileSplit;
import dev.sluice.io.LineReader;
import dev.sluice.io.Storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The line number of a malformed record, for its error record. Readers see a record as the {@code row}-th record
 * of the byte-range split starting at {@code blockStart} of its file (input_file_block_start and a row counter per
 * task); the line is found only when an error record needs it: in the first split of a file, or when every line is
 * a record (JSON Lines), by arithmetic; otherwise by reading the split again from the last position found in it
 * (so many errors in one split cost one more read of that split, not one per error), and for a split not at offset
 * 0 by counting the newlines before it once (as core's LineReader does for its own error messages).
 */
final class LinePositions {
    /**
     * Which lines of a split are records: every line (text read line by line), lines that are not only JSON
     * whitespace (Sluice's JSON reader), or lines that are not blank, after the header in a file's first split (CSV).
     */
    enum Kind { EVERY_LINE, JSON_RECORDS, CSV_RECORDS, CSV_RECORDS_AFTER_HEADER }

    private record Key(String path, long blockStart) {}

    /** The last record located in a split: its index among the split's records, line number and byte offset. */
    private record Checkpoint(long row, long line, long offset) {}

    private final Storage storage;
    private final Kind kind;
    private final Map<Key, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    LinePositions(Storage storage, Kind kind) {
        this.storage = storage;
        this.kind = kind;
    }

    /** The 1-based line of the {@code row}-th (from 0) record of the split at {@code blockStart} of {@code path}; -1 if unknown. */
    long line(String path, long blockStart, long row) {
        if (path == null || blockStart < 0 || row < 0) return -1;
        if (kind == Kind.EVERY_LINE && blockStart == 0) return row + 1;
        Key key = new Key(path, blockStart);
        Checkpoint from = checkpoints.get(key);
        if (from == null || from.row() > row) from = null;
        Checkpoint found = walk(path, blockStart, from, row);
        if (found == null) return -1;
        checkpoints.merge(key, found, (a, b) -> a.row() >= b.row() ? a : b);
        return found.line();
    }

    private Checkpoint walk(String path, long blockStart, Checkpoint from, long row) {
        long size = storage.status(path).size();
        // read on to the end of the file: the row counter never points past the split's own records
        long start = from == null ? blockStart : from.offset();
        try (LineReader lines = LineReader.open(storage, new FileSplit(path, start, Math.max(1, size - start), size))) {
            long index = from == null ? -1 : from.row() - 1;
            long lineNumber = -1;
            boolean headerPending = from == null && kind == Kind.CSV_RECORDS_AFTER_HEADER && blockStart == 0;
            while (lines.next()) {
                if (lineNumber < 0) lineNumber = from == null ? lines.lineNumber() : from.line();
                else lineNumber++;
                if (kind != Kind.EVERY_LINE && blank(lines, kind == Kind.JSON_RECORDS)) continue;
                if (headerPending) {
                    headerPending = false;
                    continue;
                }
                index++;
                if (index == row) return new Checkpoint(row, lineNumber, lines.lineOffsetInFile());
            }
            return null;
        }
    }

    private static boolean blank(LineReader lines, boolean json) {
        byte[] b = lines.buffer();
        for (int i = lines.offset(), end = lines.offset() + lines.length(); i < end; i++) {
            int c = b[i] & 0xff;
            if (json ? c != ' ' && c != '\t' && c != '\r' && c != '\n' : c > ' ') return false;
        }
        return true;
    }
}
