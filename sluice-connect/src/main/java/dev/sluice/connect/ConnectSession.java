package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client session (by the client's {@code session_id}): its Sluice session (temporary views), configuration,
 * and running operations.
 */
final class ConnectSession {
    private final String sessionId;
    private final String serverSideId = UUID.randomUUID().toString();
    private final Sluice sluice;
    private final SessionConfig config;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final PythonWorkers pythonWorkers = new PythonWorkers(this::pythonExecutable);
    private final Map<org.apache.spark.connect.proto.Relation, dev.sluice.DataFrame> persisted = new ConcurrentHashMap<>();
    private final Map<String, dev.sluice.DataFrame> checkpoints = new ConcurrentHashMap<>();
    private final CachedArtifacts cachedArtifacts = new CachedArtifacts();

    /** A session on {@code engine}'s engine with its own catalog of temporary views. */
    ConnectSession(String sessionId, Sluice engine) {
        this.sessionId = sessionId;
        this.sluice = engine.newSession();
        this.config = new SessionConfig(sluice.conf());
    }

    String sessionId() { return sessionId; }

    String serverSideId() { return serverSideId; }

    Sluice sluice() { return sluice; }

    SessionConfig config() { return config; }

    /** The Python workers that run this session's Python UDFs (ended when the session is released). */
    PythonWorkers pythonWorkers() { return pythonWorkers; }

    /** The Python for UDF workers: {@code spark.pyspark.python}, else {@code PYSPARK_PYTHON}, else {@code python3}. */
    String pythonExecutable() {
        String configured = config.get("spark.pyspark.python");
        if (configured != null && !configured.isBlank()) return configured;
        String env = System.getenv("PYSPARK_PYTHON");
        return env != null && !env.isBlank() ? env : "python3";
    }

    /** The session time zone (pandas UDFs see timestamps in it). */
    String timeZone() {
        String zone = config.get("spark.sql.session.timeZone");
        return zone == null ? java.time.ZoneId.systemDefault().getId() : zone;
    }

    void createView(String name, DataFrame df, boolean replace) {
        if (replace) df.createOrReplaceTempView(name);
        else df.createTempView(name);
    }

    /**
     * The DataFrames persisted through Connect, by the relation the client sent: a later relation containing it is
     * translated to the same DataFrame, whose plan the session's cache recognizes (see {@link CacheRequests}).
     */
    Map<org.apache.spark.connect.proto.Relation, dev.sluice.DataFrame> persisted() { return persisted; }

    /** The DataFrames of {@code localCheckpoint}, by the id of the CachedRemoteRelation the client refers to them by. */
    Map<String, dev.sluice.DataFrame> checkpoints() { return checkpoints; }

    Operation startOperation(String id, java.util.Set<String> tags) {
        Operation op = new Operation(id, tags);
        if (operations.putIfAbsent(id, op) != null) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "ExecutePlan")
                    .with("reason", "the operation id " + id + " is already in use (INVALID_HANDLE.OPERATION_ALREADY_EXISTS)").build();
        }
        return op;
    }

    /** The chunks of large local relations this session's client uploaded (AddArtifacts). */
    CachedArtifacts cachedArtifacts() { return cachedArtifacts; }

    Operation operation(String id) { return operations.get(id); }

    void removeOperation(String id) { operations.remove(id); }

    List<Operation> operations() { return new ArrayList<>(operations.values()); }

    void close() {
        for (Operation op : operations()) op.interrupt();
        operations.clear();
        pythonWorkers.close();
        cachedArtifacts.clear();
    }
}
