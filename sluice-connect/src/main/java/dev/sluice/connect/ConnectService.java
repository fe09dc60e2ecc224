package dev.sluice.connect;

import io.grpc.stub.StreamObserver;
import org.apache.spark.connect.proto.AddArtifactsRequest;
import org.apache.spark.connect.proto.AddArtifactsResponse;
import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.connect.proto.AnalyzePlanResponse;
import org.apache.spark.connect.proto.ArtifactStatusesRequest;
import org.apache.spark.connect.proto.ArtifactStatusesResponse;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ConfigResponse;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.FetchErrorDetailsRequest;
import org.apache.spark.connect.proto.FetchErrorDetailsResponse;
import org.apache.spark.connect.proto.InterruptRequest;
import org.apache.spark.connect.proto.InterruptResponse;
import org.apache.spark.connect.proto.ReattachExecuteRequest;
import org.apache.spark.connect.proto.ReleaseExecuteRequest;
import org.apache.spark.connect.proto.ReleaseExecuteResponse;
import org.apache.spark.connect.proto.ReleaseSessionRequest;
import org.apache.spark.connect.proto.ReleaseSessionResponse;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc;

import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/** The SparkConnectService RPCs. Errors go back as Spark-shaped {@code google.rpc.Status} ({@link ConnectErrors}). */
final class ConnectService extends SparkConnectServiceGrpc.SparkConnectServiceImplBase {
    private final Sessions sessions;
    private final ExecutorService queries;

    ConnectService(Sessions sessions, ExecutorService queries) {
        this.sessions = sessions;
        this.queries = queries;
    }

    @Override
    public void executePlan(ExecutePlanRequest req, StreamObserver<ExecutePlanResponse> observer) {
        Operation op;
        ConnectSession session;
        try {
            session = sessions.get(req.getSessionId(), req.getClientObservedServerSideSessionId());
            String id = req.hasOperationId() && !req.getOperationId().isEmpty() ? req.getOperationId() : UUID.randomUUID().toString();
            op = session.startOperation(id, new HashSet<>(req.getTagsList()));
        } catch (RuntimeException e) {
            observer.onError(ConnectErrors.toStatus(e));
            return;
        }
        boolean reattachable = false;
        for (var o : req.getRequestOptionsList()) {
            if (o.hasReattachOptions() && o.getReattachOptions().getReattachable()) reattachable = true;
        }
        final ConnectSession s = session;
        final boolean keep = reattachable;
        op.runningAs(queries.submit(() -> {
            try {
                new PlanExecutor(s, op).run(req.getPlan());
                op.complete();
            } catch (Throwable t) {
                op.fail(op.interrupted() ? dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.JOB_CANCELLED).build() : t);
            }
        }));
        op.stream(observer, null);
        if (!keep) s.removeOperation(op.id());
    }

    @Override
    public void reattachExecute(ReattachExecuteRequest req, StreamObserver<ExecutePlanResponse> observer) {
        try {
            ConnectSession s = sessions.get(req.getSessionId(), req.getClientObservedServerSideSessionId());
            Operation op = s.operation(req.getOperationId());
            if (op == null) {
                throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "ReattachExecute")
                        .with("reason", "no operation " + req.getOperationId() + " (INVALID_HANDLE.OPERATION_NOT_FOUND)").build();
            }
            op.stream(observer, req.hasLastResponseId() ? req.getLastResponseId() : null);
        } catch (RuntimeException e) {
            observer.onError(ConnectErrors.toStatus(e));
        }
    }

    @Override
    public void releaseExecute(ReleaseExecuteRequest req, StreamObserver<ReleaseExecuteResponse> observer) {
        answer(observer, () -> {
            ConnectSession s = sessions.get(req.getSessionId(), req.getClientObservedServerSideSessionId());
            Operation op = s.operation(req.getOperationId());
            if (op != null) {
                if (req.hasReleaseAll()) {
                    op.interrupt();
                    s.removeOperation(op.id());
                } else if (req.hasReleaseUntil()) {
                    op.releaseUntil(req.getReleaseUntil().getResponseId());
                }
            }
            return ReleaseExecuteResponse.newBuilder().setSessionId(s.sessionId()).setServerSideSessionId(s.serverSideId())
                    .setOperationId(req.getOperationId()).build();
        });
    }

    @Override
    public void releaseSession(ReleaseSessionRequest req, StreamObserver<ReleaseSessionResponse> observer) {
        answer(observer, () -> {
            ConnectSession s = sessions.release(req.getSessionId());
            ReleaseSessionResponse.Builder b = ReleaseSessionResponse.newBuilder().setSessionId(req.getSessionId());
            if (s != null) b.setServerSideSessionId(s.serverSideId());
            return b.build();
        });
    }

    @Override
    public void interrupt(InterruptRequest req, StreamObserver<InterruptResponse> observer) {
        answer(observer, () -> {
            ConnectSession s = sessions.get(req.getSessionId(), req.getClientObservedServerSideSessionId());
            InterruptResponse.Builder out = InterruptResponse.newBuilder().setSessionId(s.sessionId()).setServerSideSessionId(s.serverSideId());
            for (Operation op : s.operations()) {
                boolean match = switch (req.getInterruptType()) {
                    case INTERRUPT_TYPE_ALL -> true;
                    case INTERRUPT_TYPE_TAG -> op.tags().contains(req.getOperationTag());
                    case INTERRUPT_TYPE_OPERATION_ID -> op.id().equals(req.getOperationId());
                    default -> false;
                };
                if (match) {
                    op.interrupt();
                    out.addInterruptedIds(op.id());
                }
            }
            return out.build();
        });
    }

    @Override
    public void analyzePlan(AnalyzePlanRequest req, StreamObserver<AnalyzePlanResponse> observer) {
        answer(observer, () -> new Analyzer(sessions.get(req.getSessionId(), req.getClientObservedServerSideSessionId()))
                .analyze(req).build());
    }

    @Override
    public void config(ConfigRequest req, StreamObserver<ConfigResponse> observer) {
        answer(observer, () -> {
            ConnectSession s = sessions.get(req.getSessionId(), req.getClientObservedServerSideSessionId());
            return s.config().apply(req.getOperation()).setSessionId(s.sessionId()).setServerSideSessionId(s.serverSideId()).build();
        });
    }

    @Override
    public void fetchErrorDetails(FetchErrorDetailsRequest req, StreamObserver<FetchErrorDetailsResponse> observer) {
        // an error's ErrorInfo carries an errorId; its details are the error and its causes (ErrorDetails)
        answer(observer, () -> {
            ConnectSession s = sessions.get(req.getSessionId(), req.getClientObservedServerSideSessionId());
            return ErrorDetails.details(req.getErrorId()).setSessionId(s.sessionId()).setServerSideSessionId(s.serverSideId()).build();
        });
    }

    @Override
    public StreamObserver<AddArtifactsRequest> addArtifacts(StreamObserver<AddArtifactsResponse> observer) {
        return new ArtifactUpload(sessions, observer);   // a large local relation's chunks; other artifacts are refused
    }

    @Override
    public void artifactStatus(ArtifactStatusesRequest req, StreamObserver<ArtifactStatusesResponse> observer) {
        answer(observer, () -> {
            ConnectSession s = sessions.get(req.getSessionId(), req.getClientObservedServerSideSessionId());
            ArtifactStatusesResponse.Builder b = ArtifactStatusesResponse.newBuilder().setSessionId(s.sessionId())
                    .setServerSideSessionId(s.serverSideId());
            for (String name : req.getNamesList()) {
                boolean cached = name.startsWith(CachedArtifacts.PREFIX)
                        && s.cachedArtifacts().has(name.substring(CachedArtifacts.PREFIX.length()));
                b.putStatuses(name, ArtifactStatusesResponse.ArtifactStatus.newBuilder().setExists(cached).build());
            }
            return b.build();
        });
    }

    private static <T> void answer(StreamObserver<T> observer, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            observer.onError(ConnectErrors.toStatus(e));
            return;
        }
        observer.onNext(result);
        observer.onCompleted();
    }
}
