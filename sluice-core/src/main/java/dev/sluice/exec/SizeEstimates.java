package dev.sluice.exec;

import dev.sluice.io.Split;
import dev.sluice.types.StructType;
import dev.sluice.types.TypeSizes;

/**
 * Rough output sizes of physical subtrees, for choosing which join side to broadcast: a source's own
 * estimate (in-memory rows) or its splits' byte sizes (files), scaled by the share of the row width the scan
 * reads; operators that only drop rows or columns keep their input's estimate (scaled by width for a
 * projection). Anything else is unknown (-1), and an unknown side is never broadcast unless hinted.
 */
final class SizeEstimates {
    private SizeEstimates() {}

    static long of(ExecNode wrapped) {
        ExecNode node = Metered.unwrap(wrapped);
        if (node instanceof ScanExec scan) {
            long size = scan.source().estimatedSizeInBytes();
            if (size < 0) {
                size = 0;
                for (Split s : scan.splits()) size += Math.max(0, s.sizeInBytes());
                if (size == 0 && !scan.splits().isEmpty()) return -1;
            }
            return scale(size, rowWidth(scan.schema()), rowWidth(scan.source().schema()));
        }
        if (node instanceof FilterExec || node instanceof LocalLimitExec || node instanceof GlobalLimitExec
                || node instanceof ExchangeExec) {
            return of(node.children().get(0));
        }
        if (node instanceof ReusedExchangeExec r) return of(r.exchange());
        if (node instanceof ProjectExec p) {
            ExecNode input = p.children().get(0);
            long size = of(input);
            return size < 0 ? -1 : scale(size, rowWidth(p.schema()), rowWidth(input.schema()));
        }
        return -1;
    }

    private static long scale(long size, long width, long fullWidth) {
        if (fullWidth <= 0) return size;
        return (long) Math.ceil(size * ((double) width / fullWidth));
    }

    private static long rowWidth(StructType schema) { return TypeSizes.rowWidth(schema); }
}
