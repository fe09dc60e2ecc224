package dev.sluice.io.orc;

import org.apache.orc.ColumnStatistics;
import org.apache.orc.Reader;
import org.apache.orc.StripeInformation;
import org.apache.orc.StripeStatistics;

import java.io.IOException;
import java.util.List;

/**
 * The heap ORC's reader holds for one split, charged to the scan's memory budget before its first batch: the reader
 * reads a stripe's included columns whole (their streams, compressed, with their row indexes), decompresses each
 * stream a compression block at a time and decodes string dictionaries whole, and holds one stripe at a time. So a
 * split holds about its largest stripe's included bytes, twice (compressed, and dictionaries and decoded blocks beside
 * them), plus a compression block per stream. The included bytes come from the stripe statistics' bytes on disk per
 * column (ORC writers since 1.6 record them); without them, the stripe's whole index and data length.
 */
final class OrcStripeMemory {
    /** Heap held per byte of included stream read (see the class comment). */
    static final int HEAP_PER_STRIPE_BYTE = 2;
    /** Streams a column reads at once (present, data, length, dictionary). */
    static final int STREAMS_PER_COLUMN = 4;

    private OrcStripeMemory() {}

    /** What reading the stripes that start in {@code [start, start + length)} of {@code reader} holds, in bytes. */
    static long forRange(Reader reader, boolean[] include, long start, long length) {
        List<StripeInformation> stripes = reader.getStripes();
        List<StripeStatistics> stats;
        try {
            stats = reader.getStripeStatistics(include);
        } catch (IOException | RuntimeException e) {
            stats = List.of();   // no per-column sizes: the whole stripe is counted
        }
        long largest = 0;
        for (int s = 0; s < stripes.size(); s++) {
            StripeInformation stripe = stripes.get(s);
            if (stripe.getOffset() < start || stripe.getOffset() >= start + length) continue;
            long whole = stripe.getIndexLength() + stripe.getDataLength();
            long included = s < stats.size() ? includedBytes(stats.get(s), include) : 0;
            largest = Math.max(largest, included > 0 ? Math.min(whole, included) : whole);
        }
        if (largest == 0) return 0;   // no stripe starts in the range: nothing is read
        int columns = 0;
        for (boolean b : include) if (b) columns++;
        long blocks = reader.getCompressionKind() == org.apache.orc.CompressionKind.NONE ? 0
                : (long) columns * STREAMS_PER_COLUMN * reader.getCompressionSize();
        return largest * HEAP_PER_STRIPE_BYTE + blocks;
    }

    private static long includedBytes(StripeStatistics stripe, boolean[] include) {
        ColumnStatistics[] columns = stripe.getColumnStatistics();
        long sum = 0;
        for (int id = 1; id < columns.length && id < include.length; id++) {
            if (include[id] && columns[id] != null) sum += columns[id].getBytesOnDisk();
        }
        return sum;
    }
}
