package dev.sluice.io.orc;

import dev.sluice.io.DataSource;
import dev.sluice.io.FileFormat;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.FileStatus;
import dev.sluice.io.OptionCheck;
import dev.sluice.io.StoragePaths;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import org.apache.orc.Reader;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ORC ({@code read().format("orc")}, {@code write().format("orc")}): the schema is the footer's of the first
 * non-empty file in path order (Spark's default), or with {@code mergeSchema} the union of every file's.
 */
public final class OrcFileFormat implements FileFormat {
    @Override public String name() { return "orc"; }

    @Override public StructType inferSchema(FileSourceContext context, List<String> paths) {
        boolean merge = OptionCheck.flag(context.options(), "mergeSchema", false);
        StructType merged = null;
        String first = null;
        for (FileStatus file : FileListing.resolve(context.storage(), paths, context.listing())) {
            if (file.size() == 0) continue;
            StructType schema = footerSchema(context, file.path());
            if (schema == null) continue;
            if (!merge) return schema;
            if (merged == null) {
                merged = schema;
                first = file.path();
            } else {
                merged = OrcSchemaMerge.merge(merged, schema, "files " + StoragePaths.name(first) + " ... " + StoragePaths.name(file.path()));
            }
        }
        return merged == null ? new StructType(List.of()) : merged;
    }

    /** The schema in a file's footer; null when it is not a struct (a file of no rows written by some tools). */
    private static StructType footerSchema(FileSourceContext context, String path) {
        try (Reader reader = OrcSource.open(context.storage(), path)) {
            DataType t = OrcTypes.toSluice(reader.getSchema(), path);
            return t instanceof StructType st ? st : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override public DataSource source(FileSourceContext context, List<String> paths, StructType schema) {
        for (dev.sluice.types.StructField f : schema.fields()) OrcTypes.toOrc(f.dataType(), f.name());   // refuse types ORC lacks now
        return new OrcSource(context.storage(), paths, schema, context.listing(), context.maxSplitBytes());
    }

    @Override public RecordFormat writer(Map<String, String> options) {
        return new OrcRecordFormat(OrcWriteOptions.parse(options));
    }

    /** {@code mergeSchema}: the schema is the union of every file's (see {@link OrcSchemaMerge}). */
    @Override public Set<String> readOptions() { return Set.of("mergeschema"); }

    /** The {@code orc.*} settings ORC's writer honours (Spark passes every option to ORC's configuration). */
    @Override public Set<String> writeOptions() { return OrcWriteOptions.KEYS; }
}
