package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.StorageLevel;
import org.apache.spark.connect.proto.CachedRemoteRelation;
import org.apache.spark.connect.proto.CheckpointCommand;
import org.apache.spark.connect.proto.CheckpointCommandResult;
import org.apache.spark.connect.proto.RemoveCachedRemoteRelationCommand;

import java.util.UUID;

/**
 * {@code df.localCheckpoint(eager, storageLevel)}: the CheckpointCommand checkpoints the relation's DataFrame
 * ({@link DataFrame#localCheckpoint(boolean, StorageLevel)}) and answers a CachedRemoteRelation whose id later plans
 * name it by; RemoveCachedRemoteRelationCommand (sent when the client's DataFrame is garbage collected) frees it.
 * {@code checkpoint()} (reliable, to {@code spark.checkpoint.dir}) is refused: Sluice keeps no reliable checkpoints.
 */
final class Checkpoints {
    private Checkpoints() {}

    static void checkpoint(ConnectSession session, PlanExecutor executor, CheckpointCommand c) {
        if (!c.getLocal()) {
            throw ConnectErrors.unsupported("checkpoint()", "Sluice keeps no reliable checkpoints in a checkpoint directory; use localCheckpoint()");
        }
        DataFrame df = new RelationTranslator(new Translation(session)).translate(c.getRelation());
        StorageLevel level = c.hasStorageLevel() ? CacheRequests.fromProto(c.getStorageLevel()) : StorageLevel.MEMORY_AND_DISK;
        DataFrame checkpointed = df.localCheckpoint(c.getEager(), level);
        String id = UUID.randomUUID().toString();
        session.checkpoints().put(id, checkpointed);
        executor.send(executor.response().setCheckpointCommandResult(CheckpointCommandResult.newBuilder()
                .setRelation(CachedRemoteRelation.newBuilder().setRelationId(id))));
    }

    static DataFrame relation(ConnectSession session, CachedRemoteRelation r) {
        DataFrame df = session.checkpoints().get(r.getRelationId());
        if (df == null) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "CachedRemoteRelation")
                    .with("reason", "no DataFrame with id " + r.getRelationId() + " in this session (it was removed, or made by another session)").build();
        }
        return df;
    }

    static void remove(ConnectSession session, RemoveCachedRemoteRelationCommand c) {
        DataFrame df = session.checkpoints().remove(c.getRelation().getRelationId());
        if (df != null) df.unpersist();
    }
}
