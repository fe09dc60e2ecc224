package dev.sluice.io.parquet;

import dev.sluice.expr.And;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Or;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.DictionaryPageReadStore;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Skips a row group when an equality ({@code x = lit}, {@code x <=> lit}) or {@code x IN (lits)} filter names
 * none of the values of {@code x}'s dictionary, for a column chunk whose every data page is dictionary-encoded
 * (its encoding statistics say so): min/max statistics cannot tell that {@code 'b'} is absent between
 * {@code 'a'} and {@code 'c'}. AND skips when either side does, OR when both do. Floating-point columns are left
 * to the statistics ({@code 0.0 = -0.0} is true in Spark though the two encode differently). Conservative like
 * {@link StatisticsFilter}: the engine re-applies every filter.
 */
final class DictionaryFilter {
    private final MessageType fileSchema;

    DictionaryFilter(MessageType fileSchema) { this.fileSchema = fileSchema; }

    /** Whether some filter could use a dictionary of {@code block}: cheap, from the footer only. */
    boolean applies(BlockMetaData block, List<Expression> filters) {
        Map<ColumnPath, ColumnChunkMetaData> chunks = chunks(block);
        for (Expression f : filters) if (applies(f, chunks)) return true;
        return false;
    }

    /** True when no row of {@code block} can satisfy all of {@code filters}; reads the dictionaries it needs. */
    boolean canSkip(BlockMetaData block, List<Expression> filters, Supplier<DictionaryPageReadStore> dictionaries) {
        Map<ColumnPath, ColumnChunkMetaData> chunks = chunks(block);
        Map<ColumnPath, List<Comparable<Object>>> cache = new HashMap<>();
        for (Expression f : filters) if (cannotMatch(f, chunks, dictionaries, cache)) return true;
        return false;
    }

    private static Map<ColumnPath, ColumnChunkMetaData> chunks(BlockMetaData block) {
        Map<ColumnPath, ColumnChunkMetaData> chunks = new HashMap<>();
        for (ColumnChunkMetaData c : block.getColumns()) chunks.put(c.getPath(), c);
        return chunks;
    }

    private boolean applies(Expression e, Map<ColumnPath, ColumnChunkMetaData> chunks) {
        if (e instanceof And a) return applies(a.left(), chunks) || applies(a.right(), chunks);
        if (e instanceof Or o) return applies(o.left(), chunks) && applies(o.right(), chunks);
        Probe p = probe(e);
        return p != null && dictionaryChunk(p.column, chunks) != null;
    }

    private boolean cannotMatch(Expression e, Map<ColumnPath, ColumnChunkMetaData> chunks,
                                Supplier<DictionaryPageReadStore> dictionaries, Map<ColumnPath, List<Comparable<Object>>> cache) {
        if (e instanceof And a) {
            return cannotMatch(a.left(), chunks, dictionaries, cache) || cannotMatch(a.right(), chunks, dictionaries, cache);
        }
        if (e instanceof Or o) {
            return cannotMatch(o.left(), chunks, dictionaries, cache) && cannotMatch(o.right(), chunks, dictionaries, cache);
        }
        Probe p = probe(e);
        if (p == null) return false;
        Chunk chunk = dictionaryChunk(p.column, chunks);
        if (chunk == null) return false;
        List<Comparable<Object>> values = cache.get(chunk.meta.getPath());
        if (values == null) {
            values = dictionary(chunk, p.column, dictionaries.get());
            if (values == null) return false;
            cache.put(chunk.meta.getPath(), values);
        }
        for (Literal lit : p.literals) {
            Comparable<Object> v = StatisticsFilter.domain(p.column.dataType(), null, lit.value());
            if (v == null) return false;
            for (Comparable<Object> d : values) if (d.compareTo(v) == 0) return false;
        }
        return true;
    }

    /** A column compared for equality with non-null literals of its own type. */
    private record Probe(Expression column, List<Literal> literals) {}

    private static Probe probe(Expression e) {
        if (e instanceof Comparison c && (c.op() == Comparison.Op.EQ || c.op() == Comparison.Op.EQ_NULL_SAFE)) {
            if (c.right() instanceof Literal lit) return usable(c.left(), List.of(lit));
            if (c.left() instanceof Literal lit) return usable(c.right(), List.of(lit));
            return null;
        }
        if (e instanceof FunctionCall in && in.name().equals("in")) {
            List<Literal> literals = new ArrayList<>();
            for (Expression item : in.arguments().subList(1, in.arguments().size())) {
                if (!(item instanceof Literal lit)) return null;
                if (lit.value() != null) literals.add(lit);   // a NULL item never makes IN true
            }
            return usable(in.arguments().get(0), literals);
        }
        return null;
    }

    private static Probe usable(Expression column, List<Literal> literals) {
        if (column.dataType() instanceof DoubleType || column.dataType() instanceof FloatType) return null;
        for (Literal lit : literals) {
            if (lit.value() == null || !lit.dataType().equals(column.dataType())) return null;
        }
        return new Probe(column, literals);
    }

    private record Chunk(ColumnChunkMetaData meta, PrimitiveType leaf, String[] path) {}

    /** The chunk {@code column} reads when all its data pages are dictionary-encoded; else null. */
    private Chunk dictionaryChunk(Expression column, Map<ColumnPath, ColumnChunkMetaData> chunks) {
        StatisticsFilter.Leaf leaf = StatisticsFilter.leaf(fileSchema, column);
        if (leaf == null || leaf == StatisticsFilter.Leaf.ABSENT) return null;
        ColumnChunkMetaData meta = chunks.get(ColumnPath.get(leaf.path()));
        if (meta == null) return null;
        EncodingStats stats = meta.getEncodingStats();
        if (stats == null || !stats.hasDictionaryPages() || stats.hasNonDictionaryEncodedPages()) return null;
        if (leaf.type().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) return null;
        return new Chunk(meta, leaf.type(), leaf.path());
    }

    /** The dictionary's values in the column's comparable domain; null when one cannot be compared. */
    private List<Comparable<Object>> dictionary(Chunk chunk, Expression column, DictionaryPageReadStore store) {
        ColumnDescriptor descriptor = fileSchema.getColumnDescription(chunk.path());
        DictionaryPage page = store.readDictionaryPage(descriptor);
        if (page == null) return null;
        Dictionary dictionary;
        try {
            dictionary = page.getEncoding().initDictionary(descriptor, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Comparable<Object>> out = new ArrayList<>(dictionary.getMaxId() + 1);
        for (int id = 0; id <= dictionary.getMaxId(); id++) {
            Object value;
            switch (chunk.leaf().getPrimitiveTypeName()) {
                case INT32: value = dictionary.decodeToInt(id); break;
                case INT64: value = dictionary.decodeToLong(id); break;
                case BINARY: case FIXED_LEN_BYTE_ARRAY: value = dictionary.decodeToBinary(id); break;
                default: return null;
            }
            Comparable<Object> v = StatisticsFilter.domain(column.dataType(), chunk.leaf(), value);
            if (v == null) return null;
            out.add(v);
        }
        return out;
    }
}
