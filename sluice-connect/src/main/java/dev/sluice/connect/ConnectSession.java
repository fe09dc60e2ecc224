package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client session (by the client's {@code session_id}): its configuration, temporary views, cached
 * DataFrames, the DataFrames built for plan ids (so that {@code df["col"]} resolves against the right side of a
 * join), running operations and recent errors for {@code FetchErrorDetails}.
 */
final class ConnectSession {
    private final String sessionId;
    private final String serverSideId = UUID.randomUUID().toString();
    private final Sluice sluice;
    private final SessionConfig config = new SessionConfig();
    private final Map<String, DataFrame> views = new ConcurrentHashMap<>();
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    ConnectSession(String sessionId, Sluice sluice) {
        this.sessionId = sessionId;
        this.sluice = sluice;
    }

    String sessionId() { return sessionId; }

    String serverSideId() { return serverSideId; }

    Sluice sluice() { return sluice; }

    SessionConfig config() { return config; }

    void createView(String name, DataFrame df, boolean replace) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!replace && views.containsKey(key)) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT)
                    .with("function", "createTempView")
                    .with("reason", "the temporary view `" + name + "` already exists (TEMP_TABLE_OR_VIEW_ALREADY_EXISTS)").build();
        }
        views.put(key, df);
    }

    DataFrame view(String name) { return views.get(name.toLowerCase(Locale.ROOT)); }

    boolean dropView(String name) { return views.remove(name.toLowerCase(Locale.ROOT)) != null; }

    List<String> viewNames() { return new ArrayList<>(views.keySet()); }

    Operation startOperation(String id, java.util.Set<String> tags) {
        Operation op = new Operation(id, tags);
        if (operations.putIfAbsent(id, op) != null) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "ExecutePlan")
                    .with("reason", "the operation id " + id + " is already in use (INVALID_HANDLE.OPERATION_ALREADY_EXISTS)").build();
        }
        return op;
    }

    Operation operation(String id) { return operations.get(id); }

    void removeOperation(String id) { operations.remove(id); }

    List<Operation> operations() { return new ArrayList<>(operations.values()); }

    void close() {
        for (Operation op : operations()) op.interrupt();
        operations.clear();
    }
}
