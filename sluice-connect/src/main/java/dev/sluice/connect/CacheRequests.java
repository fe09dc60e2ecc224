package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.StorageLevel;
import org.apache.spark.connect.proto.AnalyzePlanRequest;

/**
 * AnalyzePlan's Persist, Unpersist and GetStorageLevel: the relation's DataFrame is cached in the Sluice session
 * ({@code persist} with the level's flags; Spark's default MEMORY_AND_DISK_DESER when none is given) and kept by
 * relation, so later plans built on that relation are translated to the same DataFrame and read its stored rows.
 */
final class CacheRequests {
    private CacheRequests() {}

    static void persist(ConnectSession session, AnalyzePlanRequest.Persist p) {
        DataFrame df = session.persisted().get(p.getRelation());
        if (df == null) df = new RelationTranslator(new Translation(session)).translate(p.getRelation());
        df.persist(p.hasStorageLevel() ? fromProto(p.getStorageLevel()) : StorageLevel.MEMORY_AND_DISK_DESER);
        session.persisted().put(p.getRelation(), df);
    }

    static void unpersist(ConnectSession session, AnalyzePlanRequest.Unpersist u) {
        DataFrame df = session.persisted().remove(u.getRelation());
        if (df != null) df.unpersist();
    }

    static org.apache.spark.connect.proto.StorageLevel storageLevel(ConnectSession session, AnalyzePlanRequest.GetStorageLevel g) {
        DataFrame df = session.persisted().get(g.getRelation());
        return toProto(df == null ? StorageLevel.NONE : df.storageLevel());
    }

    static StorageLevel fromProto(org.apache.spark.connect.proto.StorageLevel l) {
        return StorageLevel.of(l.getUseDisk(), l.getUseMemory(), l.getUseOffHeap(), l.getDeserialized(), Math.max(1, l.getReplication()));
    }

    static org.apache.spark.connect.proto.StorageLevel toProto(StorageLevel l) {
        return org.apache.spark.connect.proto.StorageLevel.newBuilder().setUseDisk(l.useDisk()).setUseMemory(l.useMemory())
                .setUseOffHeap(l.useOffHeap()).setDeserialized(l.deserialized()).setReplication(l.replication()).build();
    }
}
