package dev.sluice.io.parquet;

import dev.sluice.Sluice;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random nested schemas (structs, arrays and maps inside each other, nullable or not at every level) and random
 * batches (nulls, empty collections) written by the vector writer. The file must hold exactly the records, column
 * statistics and encodings that parquet-java's record API writes for the same batches (read back with
 * parquet-java's own record assembly into its example {@link Group}s), and Sluice must read the rows back.
 */
class ColumnarWriterPropertyTest {
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(1).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static IntStream seeds() { return IntStream.range(0, 60); }

    @ParameterizedTest @MethodSource("seeds")
    void writesTheRecordsStatisticsAndEncodingsOfTheRecordApi(int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StructType schema = randomStruct(random, 0, 1 + random.nextInt(4));
        List<Row> rows = new ArrayList<>();
        List<Batch> batches = new ArrayList<>();
        int batchCount = 1 + random.nextInt(3);
        for (int b = 0; b < batchCount; b++) {
            List<Row> batchRows = new ArrayList<>();
            int n = random.nextInt(5) == 0 ? 1 : random.nextInt(1, 300);
            for (int i = 0; i < n; i++) batchRows.add((Row) value(random, schema, 0));
            rows.addAll(batchRows);
            batches.add(batch(schema, batchRows));
        }
        ParquetWriteOptions.TimestampType ts = ParquetWriteOptions.TimestampType.values()[seed % 3];
        ParquetWriteOptions options = new ParquetWriteOptions(
                seed % 2 == 0 ? CompressionCodecName.SNAPPY : CompressionCodecName.UNCOMPRESSED,
                ParquetWriteOptions.DEFAULT_ROW_GROUP_SIZE, ts);

        Path expected = dir.resolve("record-api-" + seed + ".parquet");
        RecordApiWriter.write(new LocalOutputFile(expected), schema, options, batches);
        Path actual = dir.resolve("columnar-" + seed + ".parquet");
        try (OutputStream out = Files.newOutputStream(actual)) {
            ColumnarParquetWriter writer = new ColumnarParquetWriter(new StreamOutputFile(out), schema, options,
                    options.rowGroupSize());
            for (Batch b : batches) writer.write(b);
            writer.close();
        }

        assertThat(records(actual)).as("schema %s", schema.simpleString()).isEqualTo(records(expected));
        assertThat(chunks(actual)).as("schema %s", schema.simpleString()).isEqualTo(chunks(expected));
        assertThat(footer(actual).getFileMetaData().getKeyValueMetaData())
                .isEqualTo(footer(expected).getFileMetaData().getKeyValueMetaData());

        List<Row> back = sluice.read().parquet(actual.toString()).collect();
        assertThat(normalize(back)).as("schema %s", schema.simpleString()).isEqualTo(normalize(rows, ts));
    }

    // ---- what the files hold

    static ParquetMetadata footer(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), Footers.OPTIONS)) {
            return r.getFooter();
        }
    }

    /** Every record, as parquet-java's record assembly rebuilds it from the levels. */
    static List<String> records(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), Footers.OPTIONS)) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) out.add(records.read().toString());
            }
        }
        return out;
    }

    /** Per column chunk: path, values, encodings and statistics (min, max, null count). */
    static List<String> chunks(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (BlockMetaData block : footer(file).getBlocks()) {
            out.add("rows " + block.getRowCount());
            for (ColumnChunkMetaData c : block.getColumns()) {
                out.add(c.getPath() + " values=" + c.getValueCount() + " codec=" + c.getCodec()
                        + " encodings=" + c.getEncodings() + " stats=" + c.getStatistics());
            }
        }
        return out;
    }

    // ---- random schemas and values

    static StructType randomStruct(SplittableRandom random, int depth, int fields) {
        List<StructField> out = new ArrayList<>();
        for (int i = 0; i < fields; i++) {
            out.add(new StructField("f" + depth + "_" + i, randomType(random, depth + 1), random.nextInt(4) != 0));
        }
        return new StructType(out);
    }

    static DataType randomType(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 4 : 7);
        if (kind >= 4) {
            switch (kind) {
                case 4: return randomStruct(random, depth, 1 + random.nextInt(3));
                case 5: return new ArrayType(randomType(random, depth + 1), random.nextInt(3) != 0);
                default: return new MapType(primitive(random), randomType(random, depth + 1), random.nextInt(3) != 0);
            }
        }
        return primitive(random);
    }

    static DataType primitive(SplittableRandom random) {
        DataType[] types = {DataTypes.INT, DataTypes.LONG, DataTypes.STRING, DataTypes.DOUBLE, DataTypes.BOOLEAN,
                DataTypes.FLOAT, DataTypes.DATE, DataTypes.TIMESTAMP, DataTypes.BINARY, DataTypes.decimal(5, 2),
                DataTypes.decimal(18, 3), DataTypes.decimal(30, 5), DataTypes.BYTE, DataTypes.SHORT, DataTypes.TIMESTAMP_NTZ};
        return types[random.nextInt(types.length)];
    }

    /** A random value of {@code type}, null one time in {@code nullOdds} when {@code nullOdds} > 0. */
    static Object value(SplittableRandom random, DataType type, int nullOdds) {
        if (nullOdds > 0 && random.nextInt(nullOdds) == 0) return null;
        if (type instanceof StructType s) {
            Object[] values = new Object[s.size()];
            for (int i = 0; i < values.length; i++) values[i] = value(random, s.field(i).dataType(), s.field(i).nullable() ? 4 : 0);
            return new Row(s, values);
        }
        if (type instanceof ArrayType a) {
            int n = random.nextInt(4);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < n; i++) out.add(value(random, a.elementType(), a.containsNull() ? 3 : 0));
            return out;
        }
        if (type instanceof MapType m) {
            int n = random.nextInt(4);
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Object key = value(random, m.keyType(), 0);
                if (key instanceof byte[]) continue;   // arrays have no value equality: keys could repeat
                out.put(key, value(random, m.valueType(), m.valueContainsNull() ? 3 : 0));
            }
            return out;
        }
        // few distinct values, so that dictionaries and repeated statistics bounds are exercised
        int pick = random.nextInt(12) - 6;
        if (type.equals(DataTypes.INT)) return pick * 1_000_003;
        if (type.equals(DataTypes.LONG)) return pick * 10_000_000_019L;
        if (type.equals(DataTypes.BYTE)) return (byte) pick;
        if (type.equals(DataTypes.SHORT)) return (short) (pick * 1000);
        if (type.equals(DataTypes.STRING)) return pick == 0 ? "" : "s" + pick + (pick > 3 ? "é✓" : "");
        if (type.equals(DataTypes.DOUBLE)) return pick == 5 ? Double.NaN : pick / 3.0;
        if (type.equals(DataTypes.FLOAT)) return pick / 4f;
        if (type.equals(DataTypes.BOOLEAN)) return pick > 0;
        if (type.equals(DataTypes.DATE)) return LocalDate.ofEpochDay(pick * 4000L);
        if (type.equals(DataTypes.TIMESTAMP)) return Instant.ofEpochSecond(pick * 100_000_000L, pick * 123_456_000L);
        if (type.equals(DataTypes.TIMESTAMP_NTZ)) return Instant.ofEpochSecond(pick * 100_000_000L, 7000)
                .atZone(java.time.ZoneOffset.UTC).toLocalDateTime();
        if (type.equals(DataTypes.BINARY)) return new byte[]{(byte) pick, 0, (byte) -pick};
        if (type instanceof DecimalType d) {
            BigInteger unscaled = BigInteger.valueOf(pick).multiply(BigInteger.TEN.pow(d.precision() - 2)).add(BigInteger.valueOf(pick));
            return new BigDecimal(unscaled, d.scale());
        }
        throw new IllegalArgumentException(type.simpleString());
    }

    static Batch batch(StructType schema, List<Row> rows) {
        ColumnVector[] columns = new ColumnVector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            FlatVector v = Vectors.allocate(schema.field(c).dataType(), rows.size());
            for (Row r : rows) v.appendObject(r.get(c));
            columns[c] = v;
        }
        return new Batch(columns, rows.size());
    }

    // ---- comparing rows: byte arrays by content, timestamps as the chosen Parquet type keeps them

    static List<Object> normalize(List<Row> rows) { return normalize(rows, ParquetWriteOptions.TimestampType.INT96); }

    static List<Object> normalize(List<Row> rows, ParquetWriteOptions.TimestampType ts) {
        List<Object> out = new ArrayList<>();
        for (Row r : rows) out.add(normalizeValue(r, ts));
        return out;
    }

    static Object normalizeValue(Object v, ParquetWriteOptions.TimestampType ts) {
        if (v instanceof byte[] b) return HexFormat.of().formatHex(b);
        if (v instanceof Row r) {
            List<Object> out = new ArrayList<>();
            for (Object x : r.values()) out.add(normalizeValue(x, ts));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(normalizeValue(x, ts));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(normalizeValue(k, ts), normalizeValue(x, ts)));
            return out;
        }
        if (v instanceof Byte b) return (int) b;
        if (v instanceof Short s) return (int) s;
        if (v instanceof Instant i && ts == ParquetWriteOptions.TimestampType.TIMESTAMP_MILLIS) {
            return Instant.ofEpochMilli(Math.floorDiv(i.getEpochSecond() * 1_000_000L + i.getNano() / 1000, 1000L));
        }
        return v;
    }
}
