package dev.sluice.io.orc;

import dev.sluice.io.DataSource;
import dev.sluice.io.FileFormat;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.FileStatus;
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
 * non-empty file in path order (Spark's default without {@code mergeSchema}).
 */
public final class OrcFileFormat implements FileFormat {
    @Override public String name() { return "orc"; }

    @Override public StructType inferSchema(FileSourceContext context, List<String> paths) {
        for (FileStatus file : FileListing.resolve(context.storage(), paths, context.listing())) {
            if (file.size() == 0) continue;
            try (Reader reader = OrcSource.open(context.storage(), file.path())) {
                DataType t = OrcTypes.toSluice(reader.getSchema(), file.path());
                if (t instanceof StructType st) return st;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new StructType(List.of());
    }

    @Override public DataSource source(FileSourceContext context, List<String> paths, StructType schema) {
        for (dev.sluice.types.StructField f : schema.fields()) OrcTypes.toOrc(f.dataType(), f.name());   // refuse types ORC lacks now
        return new OrcSource(context.storage(), paths, schema, context.listing());
    }

    @Override public RecordFormat writer(Map<String, String> options) {
        return new OrcRecordFormat(OrcWriteOptions.parse(options));
    }

    /** The file-source options of every format; ORC has no reader options of its own that Sluice honours. */
    @Override public Set<String> readOptions() { return Set.of(); }

    /** The {@code orc.*} settings ORC's writer honours (Spark passes every option to ORC's configuration). */
    @Override public Set<String> writeOptions() { return OrcWriteOptions.KEYS; }
}
