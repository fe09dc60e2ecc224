package dev.sluice.io;

import dev.sluice.expr.Expression;
import dev.sluice.types.StructType;

import java.util.List;

/**
 * A table that can be scanned: files in a format, or in-memory rows. Building one must not read data
 * (except documented schema inference); {@link #splits} and {@link #open} run only inside an action.
 */
public interface DataSource {
    /** Short format name for explain: {@code json}, {@code parquet}, {@code memory}. */
    String formatName();

    /** What explain prints after the format: a stable, relative description (no absolute paths). */
    String description();

    /** The full schema of the table. */
    StructType schema();

    /** Cuts the input into independent pieces; the same pieces for any number of workers. */
    List<Split> splits();

    /**
     * The splits, given the filters the optimizer pushed (AND-ed, naming columns of {@link #schema()} by {@code ColumnRef}): a source
     * may leave out pieces that cannot hold a matching row (partition pruning). The engine still applies the
     * filters, so ignoring them is always correct.
     */
    default List<Split> splits(List<Expression> filters) { return splits(); }

    /**
     * Opens one split, producing batches of exactly {@code projection} (a pruned form of {@link #schema()}:
     * a subset of its fields, nested structs possibly narrowed). {@code filters} are AND-ed conditions the
     * source may use to skip data; the engine still applies them, so a source may ignore any of them.
     */
    BatchReader open(Split split, StructType projection, List<Expression> filters);

    /**
     * A rough size of the whole table in bytes, or -1 when unknown (the default; file sources are then
     * estimated from their splits' sizes). The planner broadcasts a join side estimated under the threshold.
     */
    default long estimatedSizeInBytes() { return -1; }

    /** The table's exact row count when the source holds its rows (in-memory tables), or -1 (the default): statistics. */
    default long knownRowCount() { return -1; }

    /**
     * This table, read with {@code calls} evaluated while reading where the format can (JSON Lines): the planner's
     * hint that the query parses these string columns with from_json right after the scan. Results must not change
     * (the columns still read as their text). The default ignores the hint.
     */
    default DataSource withFromJson(List<dev.sluice.json.FromJsonColumn> calls) { return this; }

    /** The calls this source's readers evaluate while reading ({@link #withFromJson}); empty when none. */
    default List<dev.sluice.json.FromJsonColumn> fromJson() { return List.of(); }
}
