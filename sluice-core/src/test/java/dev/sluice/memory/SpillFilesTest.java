package dev.sluice.memory;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Spill files: private, round-trip every type, deleted by the operator, the session, or a later session. */
class SpillFilesTest {
    @TempDir Path base;

    private static final StructType SCHEMA = StructType.fromDDL(
            "i INT, l BIGINT, d DOUBLE, s STRING, b BOOLEAN, dec DECIMAL(12,3), "
                    + "st STRUCT<x: INT, y: STRING>, a ARRAY<STRUCT<q: INT>>, m MAP<STRING, DOUBLE>");

    private static Batch batch(int n) {
        List<List<Object>> columns = new ArrayList<>();
        for (int c = 0; c < SCHEMA.size(); c++) columns.add(new ArrayList<>());
        StructType st = (StructType) SCHEMA.field(6).dataType();
        StructType q = StructType.fromDDL("q INT");
        for (int r = 0; r < n; r++) {
            boolean nul = r % 7 == 3;
            columns.get(0).add(nul ? null : r);
            columns.get(1).add(nul ? null : (long) r * 1_000_000_007L);
            columns.get(2).add(nul ? null : r / 3.0);
            columns.get(3).add(nul ? null : "row-" + r + (r % 5 == 0 ? "é😀" : ""));
            columns.get(4).add(nul ? null : r % 2 == 0);
            columns.get(5).add(nul ? null : new BigDecimal(r).movePointLeft(3));
            columns.get(6).add(nul ? null : Row.of(st, r % 4 == 0 ? null : r, "y" + r));
            columns.get(7).add(nul ? null : r % 3 == 0 ? List.of() : Arrays.asList(Row.of(q, r), null, Row.of(q, -r)));
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int k = 0; k < r % 3; k++) m.put("k" + k, k == 1 ? null : (double) k);
            columns.get(8).add(nul ? null : m);
        }
        ColumnVector[] vectors = new ColumnVector[SCHEMA.size()];
        for (int c = 0; c < vectors.length; c++) vectors[c] = Vectors.of(SCHEMA.field(c).dataType(), columns.get(c));
        return new Batch(vectors, n);
    }

    private static List<List<Object>> rows(Batch b) {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < b.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < b.columnCount(); c++) row.add(b.column(c).getObject(r));
            out.add(row);
        }
        return out;
    }

    @Test void blocksRoundTripEveryTypeAndViews() throws Exception {
        try (SpillManager manager = new SpillManager(base)) {
            SpillFile file = manager.newFile("test", SpillListener.NONE);
            Batch b = batch(300);
            Batch view = b.select(new int[] {299, 3, 0, 150}, 4);
            file.write(b);
            file.write(view);
            try (SpillFile.Reader reader = file.reader(SCHEMA)) {
                assertThat(rows(reader.next())).isEqualTo(rows(b));
                assertThat(rows(reader.next())).isEqualTo(rows(view));
                assertThat(reader.next()).isNull();
            }
            try (SpillFile.Reader reader = file.reader(SCHEMA, 1)) {
                assertThat(rows(reader.next())).isEqualTo(rows(view));
            }
            assertThat(file.sizeInBytes()).isPositive();
            file.delete();
            assertThat(Files.exists(file.path())).isFalse();
        }
    }

    /** 256 random hex ids (which LZ4 barely shrinks) or 256 copies of one id (which it shrinks to almost nothing). */
    private static Batch ids(java.util.Random random, boolean repeated) {
        List<Object> values = new ArrayList<>();
        String one = Long.toHexString(random.nextLong());
        for (int r = 0; r < 256; r++) values.add(repeated ? one : Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
        return new Batch(new ColumnVector[] {Vectors.of(dev.sluice.types.DataTypes.STRING, values)}, 256);
    }

    @Test void blocksLz4BarelyShrinksAreStoredAsEncodedAndReadBack() throws Exception {
        StructType schema = StructType.fromDDL("id STRING");
        java.util.Random random = new java.util.Random(5);
        try (SpillManager manager = new SpillManager(base)) {
            SpillFile file = manager.newFile("ids", SpillListener.NONE);
            List<Batch> written = new ArrayList<>();
            long rawIds = 0;
            // incompressible blocks (the first is tried, the next ones stored without trying), then compressible
            // ones, compressed again from the block where the file tries LZ4 again
            for (int b = 0; b < 3 * (SpillFile.STORED_AFTER_INCOMPRESSIBLE + 1); b++) {
                boolean repeated = b >= SpillFile.STORED_AFTER_INCOMPRESSIBLE + 1;
                Batch batch = ids(random, repeated);
                written.add(batch);
                if (!repeated) rawIds += BatchCodec.encode(batch).length;
                file.write(batch);
            }
            try (SpillFile.Reader reader = file.reader(schema)) {
                for (Batch b : written) assertThat(rows(reader.next())).isEqualTo(rows(b));
                assertThat(reader.next()).isNull();
            }
            int middle = SpillFile.STORED_AFTER_INCOMPRESSIBLE + 3;
            try (SpillFile.Reader reader = file.reader(schema, middle)) {
                for (Batch b : written.subList(middle, written.size())) assertThat(rows(reader.next())).isEqualTo(rows(b));
                assertThat(reader.next()).isNull();
            }
            // the random ids are stored whole (header and encoded bytes); the repeated ones mostly compressed
            long repeatedRaw = BatchCodec.encode(written.get(written.size() - 1)).length;
            assertThat(file.sizeInBytes()).isGreaterThan(rawIds).isLessThan(rawIds + 2L * written.size() * repeatedRaw / 3);
        }
    }

    /** A file told to store its blocks (a sort's runs) writes even well-compressible blocks as encoded. */
    @Test void aFileToldToStoreItsBlocksDoesNotCompressThem() throws Exception {
        StructType schema = StructType.fromDDL("id STRING");
        java.util.Random random = new java.util.Random(5);
        try (SpillManager manager = new SpillManager(base)) {
            SpillFile file = manager.newFile("run", SpillListener.NONE).storeUncompressed();
            List<Batch> written = new ArrayList<>();
            long raw = 0;
            for (int b = 0; b < 4; b++) {
                Batch batch = ids(random, true);
                written.add(batch);
                raw += BatchCodec.encode(batch).length;
                file.write(batch);
            }
            try (SpillFile.Reader reader = file.reader(schema)) {
                for (Batch b : written) assertThat(rows(reader.next())).isEqualTo(rows(b));
                assertThat(reader.next()).isNull();
            }
            assertThat(file.sizeInBytes()).isGreaterThanOrEqualTo(raw);
        }
    }

    @Test void directoryAndFilesArePrivateAndGoWithTheSession() throws Exception {
        Path dir;
        Path path;
        try (SpillManager manager = new SpillManager(base)) {
            SpillFile file = manager.newFile("private", SpillListener.NONE);
            file.write(batch(10));
            file.finishWriting();
            dir = manager.directory();
            path = file.path();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
            assertThat(manager.liveFiles()).isEqualTo(1);
        }
        assertThat(Files.exists(path)).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test void aLaterSessionDeletesWhatADeadJvmLeft() throws Exception {
        Path stale = Files.createDirectories(base.resolve("session-2147483000-deadbeef"));
        Files.writeString(stale.resolve("sort-run-1.spill"), "left behind");
        Path foreign = Files.createDirectories(base.resolve("not-a-session"));
        Path mine = Files.createDirectories(base.resolve("session-" + ProcessHandle.current().pid() + "-cafe0000"));
        try (SpillManager ignored = new SpillManager(base)) {
            assertThat(Files.exists(stale)).isFalse();
            assertThat(Files.exists(foreign)).isTrue();
            assertThat(Files.exists(mine)).as("another session of this live JVM").isTrue();
        }
    }
}
