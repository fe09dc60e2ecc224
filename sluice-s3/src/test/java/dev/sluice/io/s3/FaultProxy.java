package dev.sluice.io.s3;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A tiny HTTP/1.1 proxy on 127.0.0.1 in front of the test server that can answer chosen requests with an
 * error instead of forwarding them: {@code 503 SlowDown} (throttling) or {@code 500 InternalError}. Requests
 * are forwarded byte for byte (the Host header included, so AWS signatures stay valid), one per connection.
 */
final class FaultProxy implements AutoCloseable {
    /** A fault: requests whose request line matches {@code when} get {@code status} until {@code remaining} runs out. */
    record Fault(Predicate<String> when, int status, String code, AtomicInteger remaining) {}

    private final ServerSocket server;
    private final int upstreamPort;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Fault> faults = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger injected = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();

    FaultProxy(URI upstream) throws IOException {
        this.upstreamPort = upstream.getPort();
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        pool.execute(this::acceptLoop);
    }

    URI endpoint() { return URI.create("http://127.0.0.1:" + server.getLocalPort()); }

    /** The next {@code times} requests whose request line (e.g. {@code GET /bucket/key?x HTTP/1.1}) matches get {@code status}. */
    void fail(Predicate<String> when, int status, String code, int times) {
        faults.add(new Fault(when, status, code, new AtomicInteger(times)));
    }

    void clearFaults() { faults.clear(); }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.execute(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) return;
            List<String> headers = new ArrayList<>();
            long length = 0;
            boolean expectContinue = false;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) length = Long.parseLong(h.substring(15).trim());
                if (lower.startsWith("expect:")) { expectContinue = true; continue; }
                if (lower.startsWith("connection:")) continue;
                headers.add(h);
            }
            if (expectContinue) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            byte[] body = in.readNBytes((int) length);
            for (Fault f : faults) {
                if (f.when().test(requestLine) && f.remaining().getAndDecrement() > 0) {
                    injected.incrementAndGet();
                    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + f.code() + "</Code><Message>injected by the test</Message>"
                            + "<RequestId>fault</RequestId></Error>";
                    byte[] b = xml.getBytes(StandardCharsets.UTF_8);
                    String head = "HTTP/1.1 " + f.status() + " " + f.code() + "\r\nContent-Type: application/xml\r\nContent-Length: "
                            + b.length + "\r\nConnection: close\r\n\r\n";
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    if (!requestLine.startsWith("HEAD ")) out.write(b);
                    out.flush();
                    return;
                }
            }
            forwarded.incrementAndGet();
            try (Socket up = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                OutputStream upOut = up.getOutputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                head.write((requestLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                for (String h : headers) head.write((h + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                head.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                upOut.write(head.toByteArray());
                upOut.write(body);
                upOut.flush();
                up.getInputStream().transferTo(out);
                out.flush();
            }
        } catch (IOException e) {
            // the client or the server went away: the client sees a broken connection, as in real life
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
        }
        if (c < 0 && b.size() == 0) return null;
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
