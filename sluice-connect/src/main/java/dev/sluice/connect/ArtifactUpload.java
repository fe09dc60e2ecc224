package dev.sluice.connect;

import io.grpc.stub.StreamObserver;
import org.apache.spark.connect.proto.AddArtifactsRequest;
import org.apache.spark.connect.proto.AddArtifactsResponse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One AddArtifacts stream: artifacts in batches of whole ones, or one artifact spread over a begin chunk and the
 * chunks after it. Only cache artifacts ({@code cache/<hash>}: a large local relation's chunks) are kept, in the
 * session's {@link CachedArtifacts}; each chunk's CRC-32 is checked and a failed check is reported in the artifact's
 * summary (and the artifact not kept), as Spark's server does. Jars, Python files and other artifacts are refused:
 * Sluice runs no user JVM code.
 */
final class ArtifactUpload implements StreamObserver<AddArtifactsRequest> {
    /**
     * The most a begin chunk's claimed total presizes: with this server's defaults PySpark sends a local relation as
     * artifacts of at most 16 MiB, in 32 KiB chunks; a larger artifact's buffer grows as its chunks arrive, so a
     * claimed size is never allocated before its data is there.
     */
    private static final int INITIAL_CAPACITY_LIMIT = 32 << 20;
    private final Sessions sessions;
    private final StreamObserver<AddArtifactsResponse> observer;
    private final List<AddArtifactsResponse.ArtifactSummary> summaries = new ArrayList<>();
    private ConnectSession session;
    private RuntimeException failure;
    private String chunkedName;             // the artifact being received in chunks, or null
    private ByteArrayOutputStream chunked;
    private boolean chunkedCrcOk;
    private long chunksLeft;

    ArtifactUpload(Sessions sessions, StreamObserver<AddArtifactsResponse> observer) {
        this.sessions = sessions;
        this.observer = observer;
    }

    @Override public void onNext(AddArtifactsRequest req) {
        if (failure != null) return;
        try {
            if (session == null) session = sessions.get(req.getSessionId(), req.getClientObservedServerSideSessionId());
            switch (req.getPayloadCase()) {
                case BATCH -> {
                    for (AddArtifactsRequest.SingleChunkArtifact a : req.getBatch().getArtifactsList()) {
                        keep(a.getName(), a.getData().getData().toByteArray(), crcOk(a.getData()));
                    }
                }
                case BEGIN_CHUNK -> {
                    AddArtifactsRequest.BeginChunkedArtifact b = req.getBeginChunk();
                    cacheName(b.getName());
                    chunkedName = b.getName();
                    chunked = new ByteArrayOutputStream((int) Math.min(INITIAL_CAPACITY_LIMIT, Math.max(0, b.getTotalBytes())));
                    chunkedCrcOk = true;
                    chunksLeft = b.getNumChunks();
                    chunk(b.getInitialChunk());
                }
                case CHUNK -> {
                    if (chunkedName == null) throw ConnectErrors.unsupported("an artifact chunk without its begin chunk", "start with begin_chunk");
                    chunk(req.getChunk());
                }
                default -> throw ConnectErrors.unsupported("an empty AddArtifacts request", "send a batch or chunks");
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void chunk(AddArtifactsRequest.ArtifactChunk c) {
        chunkedCrcOk &= crcOk(c);
        c.getData().copyTo(chunkedBuffer(c.getData().size()), 0);
        chunked.write(chunkedBuffer, 0, c.getData().size());
        if (--chunksLeft <= 0) {
            keep(chunkedName, chunked.toByteArray(), chunkedCrcOk);
            chunkedName = null;
            chunked = null;
        }
    }

    private byte[] chunkedBuffer = new byte[0];

    private byte[] chunkedBuffer(int size) {
        if (chunkedBuffer.length < size) chunkedBuffer = new byte[size];
        return chunkedBuffer;
    }

    private void keep(String name, byte[] data, boolean crcOk) {
        String hash = cacheName(name);
        if (crcOk) session.cachedArtifacts().put(hash, data);
        summaries.add(AddArtifactsResponse.ArtifactSummary.newBuilder().setName(name).setIsCrcSuccessful(crcOk).build());
    }

    /** The hash a cache artifact's name carries; any other artifact is refused. */
    private static String cacheName(String name) {
        if (!name.startsWith(CachedArtifacts.PREFIX) || name.length() == CachedArtifacts.PREFIX.length()) {
            throw ConnectErrors.unsupported("artifacts (addArtifact: " + name + ")",
                    "Sluice runs no user JVM code; only a large local relation's cache artifacts are received");
        }
        return name.substring(CachedArtifacts.PREFIX.length());
    }

    private static boolean crcOk(AddArtifactsRequest.ArtifactChunk c) {
        CRC32 crc = new CRC32();
        crc.update(c.getData().asReadOnlyByteBuffer());
        return crc.getValue() == c.getCrc();
    }

    @Override public void onError(Throwable t) { }   // the client gave up: whatever arrived whole is kept

    @Override public void onCompleted() {
        if (failure == null && chunkedName != null) {
            failure = ConnectErrors.unsupported("a chunked artifact cut short (" + chunkedName + ")", "send all of its chunks");
        }
        if (failure != null) {
            observer.onError(ConnectErrors.toStatus(failure));
            return;
        }
        AddArtifactsResponse.Builder b = AddArtifactsResponse.newBuilder().addAllArtifacts(summaries);
        if (session != null) b.setSessionId(session.sessionId()).setServerSideSessionId(session.serverSideId());
        observer.onNext(b.build());
        observer.onCompleted();
    }
}
