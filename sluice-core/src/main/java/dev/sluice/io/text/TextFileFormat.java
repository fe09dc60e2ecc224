package dev.sluice.io.text;

import dev.sluice.io.DataSource;
import dev.sluice.io.FileFormat;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.StructType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plain text files: one {@code value STRING} row per line in, one line per row out. */
public final class TextFileFormat implements FileFormat {
    @Override public String name() { return "text"; }

    /** Reads nothing: text files always have the one column {@code value STRING}. */
    @Override public StructType inferSchema(FileSourceContext context, List<String> paths) { return TextSource.defaultSchema(); }

    @Override public DataSource source(FileSourceContext context, List<String> paths, StructType schema) {
        return new TextSource(context.storage(), paths, schema, context.options(), context.maxSplitBytes());
    }

    @Override public boolean infersSchemaFromData() { return false; }

    @Override public Set<String> writeOptions() { return Set.of("linesep"); }

    @Override public RecordFormat writer(Map<String, String> options) { return new TextFormat(options); }

    @Override public Set<String> readOptions() { return Set.of("wholetext", "linesep", "recursivefilelookup", "pathglobfilter"); }
}
