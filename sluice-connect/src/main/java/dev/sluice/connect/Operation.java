package dev.sluice.connect;

import io.grpc.stub.StreamObserver;
import org.apache.spark.connect.proto.ExecutePlanResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * One ExecutePlan: its responses are buffered until the client releases them, so that a client whose stream broke
 * can reattach ({@code ReattachExecute}) and continue after the last response it saw. The query runs on a server
 * thread, not on the stream's; an interrupt cancels it.
 */
final class Operation {
    private final String id;
    private final Set<String> tags;
    private final List<ExecutePlanResponse> buffer = new ArrayList<>();
    private long released;          // responses before this index were released by the client
    private boolean done;
    private Throwable failure;
    private volatile boolean interrupted;
    private Future<?> running;
    private AutoCloseable query;    // the running query's result iterator: closing it cancels the job

    Operation(String id, Set<String> tags) {
        this.id = id;
        this.tags = Set.copyOf(tags);
    }

    String id() { return id; }

    Set<String> tags() { return tags; }

    boolean interrupted() { return interrupted; }

    synchronized void runningAs(Future<?> future) { this.running = future; }

    synchronized void queryIs(AutoCloseable query) {
        this.query = query;
        if (interrupted) closeQuietly();
    }

    synchronized void add(ExecutePlanResponse response) {
        buffer.add(response);
        notifyAll();
    }

    synchronized void complete() {
        done = true;
        notifyAll();
    }

    synchronized void fail(Throwable t) {
        failure = t;
        done = true;
        notifyAll();
    }

    /** Cancels the query; the stream ends with OPERATION_CANCELED. */
    void interrupt() {
        Future<?> f;
        synchronized (this) {
            interrupted = true;
            closeQuietly();
            f = running;
        }
        if (f != null) f.cancel(true);
    }

    private void closeQuietly() {
        if (query == null) return;
        try {
            query.close();
        } catch (Exception ignored) {
            // cancelling: the job is being torn down anyway
        }
    }

    /** Drops the responses up to and including {@code responseId}. */
    synchronized void releaseUntil(String responseId) {
        for (int i = 0; i < buffer.size(); i++) {
            ExecutePlanResponse r = buffer.get(i);
            if (r != null && r.getResponseId().equals(responseId)) {
                for (int j = (int) released; j <= i; j++) buffer.set(j, null);
                released = i + 1;
                return;
            }
        }
    }

    /**
     * Sends the responses after {@code lastResponseId} (all when null) to {@code observer} as they come, and ends
     * the stream when the operation is done.
     */
    void stream(StreamObserver<ExecutePlanResponse> observer, String lastResponseId) {
        int next;
        synchronized (this) {
            next = (int) released;
            if (lastResponseId != null) {
                for (int i = 0; i < buffer.size(); i++) {
                    ExecutePlanResponse r = buffer.get(i);
                    if (r != null && r.getResponseId().equals(lastResponseId)) next = i + 1;
                }
            }
        }
        while (true) {
            ExecutePlanResponse r;
            synchronized (this) {
                while (next >= buffer.size() && !done) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        observer.onError(ConnectErrors.toStatus(e));
                        return;
                    }
                }
                if (next >= buffer.size()) {
                    if (failure != null) observer.onError(ConnectErrors.toStatus(failure));
                    else observer.onCompleted();
                    return;
                }
                r = buffer.get(next++);
            }
            if (r != null) observer.onNext(r);
        }
    }
}
