package dev.sluice.glue;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.SchemaMerge;
import dev.sluice.io.Compression;
import dev.sluice.io.Storage;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Glue's XML source, streamed: the files are spread over the partitions (one row per file), and each partition
 * reads its files with StAX, one record element at a time, so memory holds one record, never a whole file. Without
 * {@code withSchema} one pass over the files finds the schema first (each record's shape is sent to the driver,
 * which merges each distinct shape once). XML that is not well-formed ends its file's records with one error record
 * naming the line and column (the records before it are read; StAX cannot resume after a syntax error).
 */
final class XmlRecords {
    private static final StructType FILES = new StructType(List.of(StructField.of("path", DataTypes.STRING)));
    private static final StructType SHAPES = new StructType(List.of(StructField.of("shape", DataTypes.STRING)));

    private XmlRecords() {}

    static FramePlan read(Sluice sluice, List<String> paths, XmlFormat format, Stage stage) {
        List<Row> rows = new ArrayList<>();
        for (String p : paths) rows.add(new Row(FILES, new Object[] {p}));
        DataFrame files = sluice.createDataFrame(rows, FILES);
        int parts = Math.min(paths.size(), sluice.conf().parallelism());
        if (parts > 1) files = files.repartition(parts);
        Storage storage = sluice.storage();
        GlueStruct schema = format.schema() != null ? format.schema() : infer(files, storage, format);
        StructType rowType = FrameRows.type(schema);
        DataFrame data = files.mapPartitions((p, it) -> new Output(storage, format, schema, rowType, stage, it), rowType);
        return new FramePlan(data, schema);
    }

    private static GlueStruct infer(DataFrame files, Storage storage, XmlFormat format) {
        Stage stage = Stage.next("schemaPass", TransformOptions.DEFAULT);
        DataFrame shapes = files.mapPartitions((p, it) -> new Output(storage, format, null, SHAPES, stage, it), SHAPES);
        GlueType merged = GlueStruct.EMPTY;
        Set<String> seen = new HashSet<>();
        try (CloseableIterator<Row> it = shapes.toLocalIterator()) {
            while (it.hasNext()) {
                Object shape = it.next().get(0);
                if (shape != null && seen.add((String) shape)) merged = SchemaMerge.merge(merged, TypeSignature.parse((String) shape));
            }
        }
        return (GlueStruct) merged;
    }

    /** One partition's rows: the records of its files in order (or, with no schema, each record's shape). */
    private static final class Output implements Iterator<Row> {
        private final Storage storage;
        private final XmlFormat format;
        private final GlueStruct schema;   // null: the schema pass, rows are shapes
        private final StructType rowType;
        private final Stage stage;
        private final Iterator<Row> files;
        private String path;
        private InputStream in;
        private XMLStreamReader reader;
        private Row next;

        Output(Storage storage, XmlFormat format, GlueStruct schema, StructType rowType, Stage stage, Iterator<Row> files) {
            this.storage = storage;
            this.format = format;
            this.schema = schema;
            this.rowType = rowType;
            this.stage = stage;
            this.files = files;
        }

        @Override public boolean hasNext() {
            while (next == null) {
                if (reader == null) {
                    if (!files.hasNext()) return false;
                    open(files.next().getString(0));
                }
                next = advance();
            }
            return true;
        }

        @Override public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            Row r = next;
            next = null;
            return r;
        }

        private void open(String file) {
            path = file;
            try {
                in = Compression.forPath(file).decompress(storage.open(file));
                reader = XmlFormat.factory().createXMLStreamReader(in, "UTF-8");
            } catch (IOException | XMLStreamException e) {
                closeFile();
                throw SluiceException.of(dev.sluice.error.ErrorCode.IO_ERROR).with("path", file).with("reason", String.valueOf(e.getMessage())).cause(e).build();
            }
        }

        /** The next row of the open file; null (and the file closed) at its end. */
        private Row advance() {
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals(format.rowTag())) {
                        long line = reader.getLocation() == null ? -1 : reader.getLocation().getLineNumber();
                        DynamicRecord record = format.record(reader);
                        return row(record, line);
                    }
                }
                closeFile();
                return null;
            } catch (XMLStreamException e) {
                String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
                Long line = e.getLocation() == null ? null : (long) e.getLocation().getLineNumber();
                String file = path;
                closeFile();
                if (schema == null) return null;   // the schema pass skips what the read makes an error record
                return error("malformed XML" + where + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")
                        + " (the rest of the file is not read)", null, file, line);
            }
        }

        private Row row(DynamicRecord record, long line) {
            if (schema == null) return new Row(rowType, new Object[] {TypeSignature.of(record.schema())});
            Long at = line < 0 ? null : line;
            DynamicRecord fitted = record;
            try {
                if (format.schema() != null) fitted = XmlSchemaFit.fit(record, schema, format.valueTag());
                Row data = RecordCodec.encodeRecord(fitted, schema);
                Object[] values = new Object[rowType.size()];
                for (int i = 0; i < schema.size(); i++) values[i] = data.get(i);
                return new Row(rowType, values);
            } catch (XmlSchemaFit.Misfit | RecordCodec.Mismatch e) {
                return error(e.getMessage(), record.toJson(), path, at);
            }
        }

        private Row error(String msg, String input, String source, Long line) {
            Object[] values = new Object[rowType.size()];
            values[values.length - 1] = ErrorColumn.of(stage, msg, null, input, source, null, line);
            return new Row(rowType, values);
        }

        private void closeFile() {
            try {
                if (reader != null) reader.close();
            } catch (XMLStreamException e) {
                // closing after the end or an error: nothing left to read
            }
            try {
                if (in != null) in.close();
            } catch (IOException e) {
                // the file was read; closing it cannot lose records
            }
            reader = null;
            in = null;
        }
    }
}
