package dev.sluice.plan;

import dev.sluice.io.RangeSource;
import dev.sluice.io.Split;
import dev.sluice.types.StructType;
import dev.sluice.types.TypeSizes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The size statistics {@code explain("cost")} prints on each node, estimated as Spark does without the cost-based
 * optimizer: a scan's size is its source's (in-memory rows, a range) or its files' bytes, scaled to the columns it
 * reads; a node with one input scales its input's size by the ratio of the row widths (8 bytes of row overhead each,
 * as Spark), keeping the row count where it cannot change; a filter forgets the row count, a limit caps it, a global
 * aggregate has one row; a join multiplies its inputs' sizes (semi and anti joins keep the left's); a union adds.
 * Unknown sizes print as Spark's default, {@code 8.0 EiB}. Listing a file source's splits touches storage, as
 * Spark's explain does.
 */
public final class PlanStatistics {
    /** {@code sizeInBytes} (BigInteger: a product of sizes may exceed a long) and {@code rowCount} (-1 unknown). */
    public record Statistics(BigInteger sizeInBytes, long rowCount) {
        /** Spark's {@code Statistics(sizeInBytes=1024.0 B, rowCount=3)}. */
        public String simpleString() {
            return "Statistics(sizeInBytes=" + bytesToString(sizeInBytes)
                    + (rowCount < 0 ? "" : ", rowCount=" + new BigDecimal(rowCount).round(new MathContext(3, RoundingMode.HALF_UP)).toString()) + ")";
        }
    }

    private static final BigInteger UNKNOWN = BigInteger.valueOf(Long.MAX_VALUE);

    private PlanStatistics() {}

    public static Statistics of(LogicalPlan plan) {
        if (plan instanceof Scan s) return scan(s);
        if (plan instanceof CachedRelation c) return of(c.data().plan());
        if (plan instanceof Filter f) return new Statistics(of(f.input()).sizeInBytes(), -1);
        if (plan instanceof Limit l) return limited(of(l.input()), l.count(), l.schema());
        if (plan instanceof Aggregate a && a.groupingExpressions().isEmpty()) return rows(1, a.schema());
        if (plan instanceof Join j) {
            if (j.joinType() == JoinType.LEFT_SEMI || j.joinType() == JoinType.LEFT_ANTI) return of(j.left());
            return new Statistics(of(j.left()).sizeInBytes().multiply(of(j.right()).sizeInBytes()), -1);
        }
        if (plan instanceof Union u) {
            BigInteger size = BigInteger.ZERO;
            long rows = 0;
            for (LogicalPlan input : u.inputs()) {
                Statistics s = of(input);
                size = size.add(s.sizeInBytes());
                rows = rows < 0 || s.rowCount() < 0 ? -1 : rows + s.rowCount();
            }
            return new Statistics(size, rows);
        }
        if (plan instanceof SetOperation op) return new Statistics(of(op.left()).sizeInBytes(), -1);
        if (plan instanceof Expand e) {   // every row once per projection, as Spark estimates it
            Statistics in = of(e.input());
            int copies = e.projections().size();
            BigInteger size = scale(in.sizeInBytes(), e.schema(), e.input().schema()).multiply(BigInteger.valueOf(copies));
            return new Statistics(size, in.rowCount() < 0 ? -1 : in.rowCount() * copies);
        }
        if (plan.children().size() == 1) {
            LogicalPlan input = plan.children().get(0);
            Statistics in = of(input);
            boolean keepsRows = plan instanceof Project || plan instanceof Sort || plan instanceof SubqueryAlias || plan instanceof BroadcastHint
                    || plan instanceof CoalescePartitions || plan instanceof RoundRobinPartitions || plan instanceof RepartitionByExpression
                    || plan instanceof Window;
            return new Statistics(scale(in.sizeInBytes(), plan.schema(), input.schema()), keepsRows ? in.rowCount() : -1);
        }
        return new Statistics(UNKNOWN, -1);
    }

    private static Statistics scan(Scan scan) {
        long rows = scan.source().knownRowCount();
        if (scan.source() instanceof RangeSource r) rows = r.count();
        long size = scan.source().estimatedSizeInBytes();
        if (size < 0) {
            size = 0;
            for (Split s : scan.source().splits(scan.pushedFilters())) size += Math.max(0, s.sizeInBytes());
        }
        if (!scan.pushedFilters().isEmpty()) rows = -1;
        return new Statistics(scale(BigInteger.valueOf(size), scan.output(), scan.source().schema()), rows);
    }

    private static Statistics limited(Statistics in, long limit, StructType schema) {
        long rows = in.rowCount() < 0 ? limit : Math.min(limit, in.rowCount());
        return rows(rows, schema);
    }

    private static Statistics rows(long rows, StructType schema) {
        return new Statistics(rows == 0 ? BigInteger.ONE : BigInteger.valueOf(rows).multiply(BigInteger.valueOf(rowSize(schema))), rows);
    }

    private static long rowSize(StructType schema) { return 8 + TypeSizes.rowWidth(schema); }

    private static BigInteger scale(BigInteger size, StructType out, StructType in) {
        if (size.equals(UNKNOWN)) return size;
        BigInteger scaled = size.multiply(BigInteger.valueOf(rowSize(out))).divide(BigInteger.valueOf(rowSize(in)));
        return scaled.signum() == 0 ? BigInteger.ONE : scaled;   // as Spark: never 0, so a size never reads as empty
    }

    /** Spark's {@code Utils.bytesToString}: {@code 12.0 B}, {@code 3.5 KiB}, ..., {@code 8.0 EiB}. */
    static String bytesToString(BigInteger size) {
        if (size.bitLength() >= 64) return String.format(Locale.US, "%.1f EiB", new BigDecimal(size).divide(BigDecimal.valueOf(1L << 60)).doubleValue());
        long s = size.longValue();
        String[] units = {"EiB", "PiB", "TiB", "GiB", "MiB", "KiB"};
        int[] shifts = {60, 50, 40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (s >= 2 * unit) return String.format(Locale.US, "%.1f %s", (double) s / unit, units[i]);
        }
        return String.format(Locale.US, "%.1f B", (double) s);
    }

    /** The tree with each node's statistics after its line, as Spark's cost mode. */
    public static String tree(LogicalPlan plan) {
        StringBuilder sb = new StringBuilder();
        append(sb, plan, 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, LogicalPlan plan, int depth) {
        sb.append("  ".repeat(depth)).append(Explain.line(plan)).append(", ").append(of(plan).simpleString()).append('\n');
        for (LogicalPlan child : plan.children()) append(sb, child, depth + 1);
    }
}
