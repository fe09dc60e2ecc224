package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.spark.connect.proto.LocalRelation;
import org.apache.spark.connect.proto.Range;

import java.util.List;

/** Data the client sends or describes: {@code createDataFrame} (Arrow in), {@code range}, and one-row results. */
final class LocalRelations {
    private LocalRelations() {}

    static DataFrame range(ConnectSession session, Range r) {
        long start = r.hasStart() ? r.getStart() : 0;
        int partitions = r.hasNumPartitions() ? r.getNumPartitions() : session.sluice().conf().snapshot().parallelism();
        return session.sluice().range(start, r.getEnd(), r.getStep(), partitions);
    }

    static DataFrame local(ConnectSession session, LocalRelation r) {
        StructType schema = r.hasSchema() && !r.getSchema().isBlank() ? SchemaStrings.parseSchema(r.getSchema()) : null;
        if (!r.hasData()) {
            if (schema == null) throw ConnectErrors.unsupported("a local relation without data or schema", "nothing to build");
            return session.sluice().createDataFrame(List.of(), schema);
        }
        return decoded(session, List.of(r.getData().toByteArray()), schema);
    }

    /** A local relation the client uploaded as one cache artifact (a LocalRelation message, as Spark reads it). */
    static DataFrame cached(ConnectSession session, org.apache.spark.connect.proto.CachedLocalRelation r) {
        LocalRelation local;
        try {
            local = LocalRelation.parseFrom(session.cachedArtifacts().get(r.getHash()));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw ConnectErrors.unsupported("a cached local relation that is not a LocalRelation message", e.getMessage());
        }
        return local(session, local);
    }

    /**
     * A large local relation (PySpark above {@code localRelationCacheThreshold}): its Arrow IPC chunks and its schema
     * string were uploaded as cache artifacts and are named here by hash, in order.
     */
    static DataFrame chunked(ConnectSession session, org.apache.spark.connect.proto.ChunkedCachedLocalRelation r) {
        StructType schema = null;
        if (r.hasSchemaHash()) {
            String text = new String(session.cachedArtifacts().get(r.getSchemaHash()), java.nio.charset.StandardCharsets.UTF_8);
            if (!text.isBlank()) schema = SchemaStrings.parseSchema(text);
        }
        List<byte[]> chunks = new java.util.ArrayList<>(r.getDataHashesCount());
        for (String hash : r.getDataHashesList()) chunks.add(session.cachedArtifacts().get(hash));
        if (chunks.isEmpty()) {
            if (schema == null) throw ConnectErrors.unsupported("a local relation without data or schema", "nothing to build");
            return session.sluice().createDataFrame(List.of(), schema);
        }
        return decoded(session, chunks, schema);
    }

    /** Column by column into batches, cut as createDataFrame's MemorySource cuts its rows. */
    private static DataFrame decoded(ConnectSession session, List<byte[]> streams, StructType schema) {
        return session.sluice().read(ArrowLocalRelations.decode(Allocators.root(), streams, schema, session.sluice().conf().batchSize()));
    }

    /** One row, no columns: the input of a select without a FROM ({@code spark.range(1).select(...)} aside). */
    static DataFrame oneRow(ConnectSession session) {
        StructType s = StructType.of(new StructField("__one", DataTypes.INT, false));
        DataFrame df = session.sluice().createDataFrame(List.of(Row.of(s, 1)), s);
        return df.drop("__one");
    }

    static DataFrame singleString(ConnectSession session, String column, String value) {
        StructType s = StructType.of(new StructField(column, DataTypes.STRING, true));
        return session.sluice().createDataFrame(List.of(Row.of(s, value)), s);
    }
}
