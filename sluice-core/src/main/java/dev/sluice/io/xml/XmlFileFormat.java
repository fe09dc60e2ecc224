package dev.sluice.io.xml;

import dev.sluice.io.DataSource;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.FileStatus;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.StructType;
import dev.sluice.types.TypeDepth;
import dev.sluice.xml.XmlOptions;
import dev.sluice.xml.XmlSchemaInference;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * XML in and out, as Spark 4.1's built-in {@code xml} source: rows are the {@code rowTag} elements (a required
 * read option), written under a {@code rootTag} element after an XML declaration.
 */
public final class XmlFileFormat implements dev.sluice.io.FileFormat {
    @Override public String name() { return "xml"; }

    /** Infers from the first {@code inferenceSampleSize} records in file order (0 = all), as the JSON reader samples. */
    @Override public StructType inferSchema(FileSourceContext context, List<String> paths) {
        XmlOptions options = XmlOptions.of(context.options()).validateForReading();
        long sample = Integer.parseInt(context.option("inferenceSampleSize", String.valueOf(context.inferenceSampleSize())));
        XmlSchemaInference inference = new XmlSchemaInference(options);
        long seen = 0;
        for (FileStatus file : FileListing.resolve(context.storage(), paths, context.listing())) {
            try (XmlRecords records = new XmlRecords(context.storage(), file.path(), options.rowTag(), options.readCharset())) {
                for (XmlRecords.Record r; (r = records.next()) != null; ) {
                    if (r.malformed() != null) inference.addMalformed(r.malformed(), r.location());
                    else inference.add(r.text(), r.location());
                    if (sample > 0 && ++seen >= sample) return cap(inference.result());
                }
            }
        }
        return cap(inference.result());
    }

    private static StructType cap(StructType inferred) {
        // what nests deeper than types may is read as STRING (its inner XML): nothing lost
        return (StructType) TypeDepth.capAsString(inferred, TypeDepth.max());
    }

    @Override public DataSource source(FileSourceContext context, List<String> paths, StructType schema) {
        return new XmlSource(context.storage(), paths, schema, XmlOptions.of(context.options()), context.maxSplitBytes());
    }

    @Override public RecordFormat writer(Map<String, String> options) {
        return new XmlFormat(XmlOptions.of(options).validateForWriting());
    }

    @Override public Set<String> readOptions() { return XmlOptions.READ_KEYS; }

    @Override public Set<String> readOptionsWithoutEffect() { return XmlOptions.READ_KEYS_WITHOUT_EFFECT; }

    @Override public Set<String> writeOptions() { return XmlOptions.WRITE_KEYS; }
}
