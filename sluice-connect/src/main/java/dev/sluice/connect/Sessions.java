package dev.sluice.connect;

import dev.sluice.Sluice;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's sessions by the client's session id. Every session computes on the server's Sluice engine but has
 * its own configuration, temporary views and operations.
 */
final class Sessions {
    private final Sluice sluice;
    private final Map<String, ConnectSession> byId = new ConcurrentHashMap<>();

    Sessions(Sluice sluice) { this.sluice = sluice; }

    ConnectSession get(String sessionId, String observedServerSideId) {
        if (sessionId == null || sessionId.isEmpty()) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "the request")
                    .with("reason", "it has no session id (INVALID_HANDLE.FORMAT)").build();
        }
        ConnectSession s = byId.computeIfAbsent(sessionId, id -> new ConnectSession(id, sluice));
        if (observedServerSideId != null && !observedServerSideId.isEmpty() && !observedServerSideId.equals(s.serverSideId())) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "the request")
                    .with("reason", "the session changed on the server (INVALID_HANDLE.SESSION_CHANGED)").build();
        }
        return s;
    }

    ConnectSession release(String sessionId) {
        ConnectSession s = byId.remove(sessionId);
        if (s != null) s.close();
        return s;
    }

    void closeAll() {
        for (ConnectSession s : byId.values()) s.close();
        byId.clear();
    }
}
