package dev.sluice.connect;

import dev.sluice.Sluice;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Spark Connect server on a Sluice engine: {@code SparkSession.builder.remote("sc://127.0.0.1:15002")} in PySpark
 * ({@code pyspark-client}) or the Spark Connect JVM client runs its DataFrame code on Sluice. Binds to loopback
 * unless told otherwise; binding to any other address requires a bearer token.
 */
public final class SluiceConnectServer implements AutoCloseable {
    /** Spark Connect's default port. */
    public static final int DEFAULT_PORT = 15002;
    /** gRPC's message limit, raised as Spark's server does (local relations and results travel in one message). */
    static final int MAX_MESSAGE_BYTES = 128 << 20;

    private final Server server;
    private final Sessions sessions;
    private final ExecutorService queries;
    private final String host;

    private SluiceConnectServer(Server server, Sessions sessions, ExecutorService queries, String host) {
        this.server = server;
        this.sessions = sessions;
        this.queries = queries;
        this.host = host;
    }

    /** Serves on {@code 127.0.0.1:port} (0 picks a free port) without a token. */
    public static SluiceConnectServer start(Sluice sluice, int port) {
        return start(sluice, "127.0.0.1", port, null);
    }

    /**
     * Serves on {@code host:port}. A {@code token} makes every call present {@code authorization: Bearer token};
     * a host other than loopback requires one.
     */
    public static SluiceConnectServer start(Sluice sluice, String host, int port, String token) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        boolean loopback = address.getAddress() != null && address.getAddress().isLoopbackAddress();
        if (!loopback && (token == null || token.isEmpty())) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_OPTION).with("option", "host")
                    .with("value", host).with("reason", "serving beyond loopback requires a token (--token)").build();
        }
        Sessions sessions = new Sessions(sluice);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService queries = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sluice-connect-query-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ConnectService service = new ConnectService(sessions, queries);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address).maxInboundMessageSize(MAX_MESSAGE_BYTES);
        if (token != null && !token.isEmpty()) builder.addService(ServerInterceptors.intercept(service, new BearerTokenCheck(token)));
        else builder.addService(service);
        try {
            Server server = builder.build().start();
            return new SluiceConnectServer(server, sessions, queries, host);
        } catch (IOException e) {
            queries.shutdownNow();
            throw new UncheckedIOException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port served (the chosen one when started with port 0). */
    public int port() { return server.getPort(); }

    /** The address clients connect to, {@code sc://host:port}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "sc://" + h + ":" + port();
    }

    /** Blocks until the server stops. */
    public void awaitTermination() throws InterruptedException { server.awaitTermination(); }

    /** Stops accepting calls, cancels running queries and waits briefly for calls in flight. */
    @Override public void close() {
        sessions.closeAll();
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) server.shutdownNow();
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        queries.shutdownNow();
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
