package dev.sluice.cli;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's web-service logs (workload v1, {@code shared/bench/WORKLOAD.md}) as JSON Lines,
 * byte for byte the same for the same seed, row count and malformed rate.
 *
 * <p>Each line has {@code ts, request_id, service, method, path, status, latency_ms} and {@code response_body}, a
 * JSON object serialized into a JSON string: {@code {"user":{"id","country","plan"},"items":[{"sku","qty","price"}...],
 * "error":null|{"code","message"}}}, where {@code error} is an object exactly when {@code status >= 400} (about 17% of
 * rows). A few error messages contain {@code "} and {@code \} so that the string escaping is exercised.
 *
 * <p>With a malformed rate R &gt; 0, a fraction R of the rows get a broken {@code response_body} (the rest of the line
 * stays valid JSON), one of: the body cut short; {@code "qty":"two"} in the first item; {@code "id":"u123"} (a
 * string where a bigint is expected); {@code "user":"anonymous"} (a string where a struct is expected); not JSON at
 * all ({@code <html>...}); the empty string. Which rows are broken comes from a random stream of its own, so every
 * other row is identical to the row of the same number generated with R = 0 — handy for differential tests.
 *
 * <p>Speed matters (a million rows should take a couple of seconds): every line is written as bytes straight into
 * one large buffer, constant pieces are pre-encoded once, and numbers are written digit by digit.
 */
public final class LogGenerator {
    /** What a run wrote. */
    public record Result(long rows, long bytes) {}

    static final String[] SERVICES = {"auth", "billing", "catalog", "checkout", "inventory", "search", "shipping", "users"};
    static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "IN", "JP", "BR", "CA", "AU", "ES",
                                       "IT", "NL", "SE", "MX", "KR", "CN", "SG", "PL", "ZA", "NG"};
    static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
    /** Cumulative percentages of {@link #METHODS}: GET 60, POST 25, PUT 10, DELETE 5. */
    private static final int[] METHOD_CUMULATIVE = {60, 85, 95, 100};
    static final int[] STATUSES = {200, 201, 204, 400, 404, 500, 503};
    /** Cumulative percentages of {@link #STATUSES}: 75, 5, 3, 5, 7, 4, 1. */
    private static final int[] STATUS_CUMULATIVE = {75, 80, 83, 88, 95, 99, 100};
    private static final String[] PLANS = {"free", "pro", "enterprise"};
    /** Cumulative percentages of {@link #PLANS}: free 70, pro 25, enterprise 5. */
    private static final int[] PLAN_CUMULATIVE = {70, 95, 100};

    private static final String[] MESSAGES_400 = {"missing field \"sku\"", "invalid quantity", "bad character '\\' in path"};
    private static final String[] MESSAGES_404 = {"not found", "no such user"};
    private static final String[] MESSAGES_500 = {"internal error", "upstream timed out after 30s"};
    private static final String[] MESSAGES_503 = {"service unavailable", "retry later"};

    private static final long START_MILLIS = LocalDate.of(2026, 10, 1).toEpochDay() * 86_400_000L;
    private static final int FLUSH_AT = 1 << 20;
    private static final int MAX_LINE = 4096;

    // Constant pieces, pre-encoded. The response body is a JSON document inside a JSON string, so its pieces are
    // escaped once for JSON (its own strings) and once more for the string that holds it (every " becomes \").
    private static final byte[] TS = ascii("{\"ts\":\"");
    private static final byte[] REQUEST_ID = ascii("\",\"request_id\":\"");
    private static final byte[] SERVICE = ascii("\",\"service\":\"");
    private static final byte[] METHOD = ascii("\",\"method\":\"");
    private static final byte[] PATH = ascii("\",\"path\":\"/api/v1/");
    private static final byte[] STATUS = ascii("\",\"status\":");
    private static final byte[] LATENCY = ascii(",\"latency_ms\":");
    private static final byte[] BODY = ascii(",\"response_body\":\"");
    private static final byte[] END = ascii("\"}\n");
    private static final byte[] USER_ID = nested("{\"user\":{\"id\":");
    private static final byte[] COUNTRY = nested(",\"country\":\"");
    private static final byte[] PLAN = nested("\",\"plan\":\"");
    private static final byte[] ITEMS = nested("\"},\"items\":[");
    private static final byte[] SKU = nested("{\"sku\":\"SKU-");
    private static final byte[] QTY = nested("\",\"qty\":");
    private static final byte[] PRICE = nested(",\"price\":");
    private static final byte[] ERROR_NULL = nested("],\"error\":null}");
    private static final byte[] ERROR_CODE = nested("],\"error\":{\"code\":\"E");
    private static final byte[] ERROR_MESSAGE = nested("\",\"message\":");
    private static final byte[] ERROR_END = nested("}}");
    private static final byte[][] SERVICE_BYTES = asciiAll(SERVICES);
    private static final byte[][] METHOD_BYTES = asciiAll(METHODS);
    private static final byte[][] COUNTRY_BYTES = asciiAll(COUNTRIES);
    private static final byte[][] PLAN_BYTES = asciiAll(PLANS);
    private static final byte[][] MESSAGE_400 = nestedLiterals(MESSAGES_400);
    private static final byte[][] MESSAGE_404 = nestedLiterals(MESSAGES_404);
    private static final byte[][] MESSAGE_500 = nestedLiterals(MESSAGES_500);
    private static final byte[][] MESSAGE_503 = nestedLiterals(MESSAGES_503);
    private static final byte[] QTY_WORD = nested("\"two\"");
    private static final byte[] ID_WORD = nested("\"u");
    private static final byte[] ID_WORD_END = nested("\"");
    private static final byte[] USER_WORD = nested("{\"user\":\"anonymous\",\"items\":[");
    private static final byte[] NOT_JSON = nested("<html><body>502 Bad Gateway</body></html>");

    /** The ways a malformed row's body is broken; one is picked at random per malformed row. */
    private enum Malformation { TRUNCATED, QTY_AS_WORD, ID_AS_WORD, USER_AS_STRING, NOT_JSON, EMPTY }

    private static final Malformation[] MALFORMATIONS = Malformation.values();

    private final long seed;
    private final double malformedRate;

    /** @param malformedRate fraction of rows, in [0, 1], whose response_body is broken on purpose */
    public LogGenerator(long seed, double malformedRate) {
        if (!(malformedRate >= 0.0 && malformedRate <= 1.0)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT)
                    .with("function", "LogGenerator")
                    .with("reason", "the malformed rate must be between 0 and 1, got " + malformedRate)
                    .build();
        }
        this.seed = seed;
        this.malformedRate = malformedRate;
    }

    /**
     * Writes {@code rows} lines to {@code file} through a temporary file renamed at the end, so an interrupted
     * run never leaves a partial file that looks complete. Creates the parent directories.
     */
    public Result writeFile(Path file, long rows) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Result result;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                result = write(out, rows);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code rows} lines to {@code out} (not closed) in chunks of about a megabyte. */
    public Result write(OutputStream out, long rows) throws IOException {
        if (rows < 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT)
                    .with("function", "LogGenerator").with("reason", "rows must be >= 0, got " + rows).build();
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom rnd = root.split();
        SplittableRandom bad = root.split();   // its own stream: breaking a row never shifts the others
        AsciiBuffer buf = new AsciiBuffer(FLUSH_AT + MAX_LINE);
        RowWriter writer = new RowWriter(rnd, buf);
        long bytes = 0;
        for (long i = 0; i < rows; i++) {
            Malformation malformation = null;
            if (malformedRate > 0 && bad.nextDouble() < malformedRate) {
                malformation = MALFORMATIONS[bad.nextInt(MALFORMATIONS.length)];
            }
            writer.writeRow(malformation, bad);
            if (buf.size() >= FLUSH_AT) {
                bytes += buf.size();
                buf.writeTo(out);
            }
        }
        bytes += buf.size();
        buf.writeTo(out);
        out.flush();
        return new Result(rows, bytes);
    }

    /** The per-run state: the random stream, the clock, and the cached date prefix of the current day. */
    private static final class RowWriter {
        private final SplittableRandom rnd;
        private final AsciiBuffer buf;
        private long millis = START_MILLIS;
        private long cachedDay = Long.MIN_VALUE;
        private byte[] datePrefix;

        RowWriter(SplittableRandom rnd, AsciiBuffer buf) {
            this.rnd = rnd;
            this.buf = buf;
        }

        void writeRow(Malformation malformation, SplittableRandom bad) {
            millis += 1 + rnd.nextInt(20);
            int serviceIndex = rnd.nextInt(SERVICES.length);
            int status = STATUSES[pick(STATUS_CUMULATIVE)];

            buf.put(TS);
            putTimestamp();
            buf.put(REQUEST_ID);
            buf.putHex(rnd.nextLong());
            buf.putHex(rnd.nextLong());
            buf.put(SERVICE);
            buf.put(SERVICE_BYTES[serviceIndex]);
            buf.put(METHOD);
            buf.put(METHOD_BYTES[pick(METHOD_CUMULATIVE)]);
            buf.put(PATH);
            buf.put(SERVICE_BYTES[serviceIndex]);
            buf.put((byte) '/');
            buf.putLong(1 + rnd.nextInt(100_000));
            buf.put(STATUS);
            buf.putLong(status);
            buf.put(LATENCY);
            buf.putFixed2(latencyHundredths(status));
            buf.put(BODY);
            int bodyStart = buf.size();
            putBody(status, malformation);
            if (malformation != null) breakBody(malformation, bodyStart, bad);
            buf.put(END);
        }

        private void putBody(int status, Malformation malformation) {
            long userId = 1 + rnd.nextLong(5_000_000_000L);   // beyond int range on purpose: the schema says bigint
            int country = rnd.nextInt(COUNTRIES.length);
            int plan = pick(PLAN_CUMULATIVE);
            if (malformation == Malformation.USER_AS_STRING) {
                buf.put(USER_WORD);
            } else {
                buf.put(USER_ID);
                if (malformation == Malformation.ID_AS_WORD) {
                    buf.put(ID_WORD);
                    buf.putLong(userId);
                    buf.put(ID_WORD_END);
                } else {
                    buf.putLong(userId);
                }
                buf.put(COUNTRY);
                buf.put(COUNTRY_BYTES[country]);
                buf.put(PLAN);
                buf.put(PLAN_BYTES[plan]);
                buf.put(ITEMS);
            }
            int items = rnd.nextInt(6);
            for (int i = 0; i < items; i++) {
                if (i > 0) buf.put((byte) ',');
                buf.put(SKU);
                buf.putLong(10_000 + rnd.nextInt(90_000));
                buf.put(QTY);
                int qty = 1 + rnd.nextInt(5);
                if (i == 0 && malformation == Malformation.QTY_AS_WORD) buf.put(QTY_WORD); else buf.putLong(qty);
                buf.put(PRICE);
                buf.putFixed2(99 + rnd.nextInt(49_901));
                buf.put((byte) '}');
            }
            if (status < 400) {
                buf.put(ERROR_NULL);
            } else {
                buf.put(ERROR_CODE);
                buf.putLong(status / 100);
                buf.putPadded(rnd.nextInt(100), 2);
                buf.put(ERROR_MESSAGE);
                byte[][] messages = status == 400 ? MESSAGE_400 : status == 404 ? MESSAGE_404
                        : status == 500 ? MESSAGE_500 : MESSAGE_503;
                buf.put(messages[rnd.nextInt(messages.length)]);
                buf.put(ERROR_END);
            }
        }

        /** Replaces or cuts the body just written; the random draws of the row were all made already. */
        private void breakBody(Malformation malformation, int bodyStart, SplittableRandom bad) {
            if (malformation == Malformation.NOT_JSON) {
                buf.truncate(bodyStart);
                buf.put(NOT_JSON);
            } else if (malformation == Malformation.EMPTY) {
                buf.truncate(bodyStart);
            } else if (malformation == Malformation.TRUNCATED) {
                int length = buf.size() - bodyStart;
                int cut = bodyStart + 1 + bad.nextInt(length - 1);
                // never cut inside an escape: an odd run of backslashes before the cut would escape the closing quote
                int backslashes = 0;
                while (cut - backslashes - 1 >= bodyStart && buf.byteAt(cut - backslashes - 1) == '\\') backslashes++;
                if ((backslashes & 1) == 1) cut--;
                buf.truncate(cut);
            }
            // QTY_AS_WORD, ID_AS_WORD and USER_AS_STRING were written that way by putBody
        }

        /** yyyy-MM-ddTHH:mm:ss.SSSZ in UTC; the date part is formatted once per day. */
        private void putTimestamp() {
            long day = Math.floorDiv(millis, 86_400_000L);
            if (day != cachedDay) {
                cachedDay = day;
                datePrefix = ascii(LocalDate.ofEpochDay(day) + "T");
            }
            buf.put(datePrefix);
            int ofDay = (int) (millis - day * 86_400_000L);
            buf.putPadded(ofDay / 3_600_000, 2);
            buf.put((byte) ':');
            buf.putPadded(ofDay / 60_000 % 60, 2);
            buf.put((byte) ':');
            buf.putPadded(ofDay / 1000 % 60, 2);
            buf.put((byte) '.');
            buf.putPadded(ofDay % 1000, 3);
            buf.put((byte) 'Z');
        }

        /**
         * Log-normal latency (median about 30 ms, long right tail; server errors slower), in hundredths of a ms.
         * StrictMath, not Math: the same seed must give the same bytes on every JVM.
         */
        private long latencyHundredths(int status) {
            double u1 = 1.0 - rnd.nextDouble();   // in (0, 1]: log(0) would be -infinity
            double u2 = rnd.nextDouble();
            double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
            double ms = StrictMath.exp(3.4 + 0.9 * z) * (status >= 500 ? 3.0 : 1.0);
            return Math.max(1, Math.min(6_000_000L, Math.round(ms * 100.0)));
        }

        /** An index drawn by the cumulative percentages {@code cumulative} (last entry 100). */
        private int pick(int[] cumulative) {
            int r = rnd.nextInt(100);
            int i = 0;
            while (r >= cumulative[i]) i++;
            return i;
        }
    }

    private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    private static byte[][] asciiAll(String[] values) {
        byte[][] out = new byte[values.length][];
        for (int i = 0; i < values.length; i++) out[i] = ascii(values[i]);
        return out;
    }

    /** A piece of the body's JSON text as it appears inside the response_body string. */
    private static byte[] nested(String bodyJson) { return ascii(escape(bodyJson)); }

    /** Each text as a JSON string literal of the body, then escaped for the response_body string. */
    private static byte[][] nestedLiterals(String[] texts) {
        byte[][] out = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) out[i] = nested("\"" + escape(texts[i]) + "\"");
        return out;
    }

    /** JSON string escaping of ASCII text (what goes between the quotes). */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
