package dev.sluice.io.s3;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * How to reach S3, read from the session's settings, then the AWS SDK's environment variables, then defaults.
 * Every key has a {@code sluice.s3.} name; Hadoop's S3A names ({@code spark.hadoop.fs.s3a.endpoint} or
 * {@code fs.s3a.endpoint}) are accepted where they mean the same thing. Any other {@code sluice.s3.*} or
 * {@code fs.s3a.*} key is refused (INVALID_OPTION), never ignored. {@link #toString()} shows no secret.
 */
record S3Settings(Optional<URI> endpoint, Optional<String> region, boolean pathStyleAccess,
                  Optional<String> accessKey, Optional<String> secretKey, Optional<String> sessionToken,
                  boolean anonymous, int maxAttempts, long retryBaseDelayMillis, long retryMaxDelayMillis,
                  long partSize, long readAhead, int listPageSize, long connectTimeoutMillis, long socketTimeoutMillis,
                  boolean multiObjectDelete) {

    static final String PREFIX = "sluice.s3.";
    static final long MIN_PART_SIZE = 5L << 20;   // S3 refuses smaller parts except the last
    static final long MAX_PART_SIZE = 5L << 30;

    /** The sluice.s3 name of each setting, with its S3A alias (null when S3A has none with the same meaning). */
    private static final Map<String, String> KEYS = new LinkedHashMap<>();
    static {
        KEYS.put("endpoint", "endpoint");
        KEYS.put("region", "endpoint.region");
        KEYS.put("pathStyleAccess", "path.style.access");
        KEYS.put("accessKey", "access.key");
        KEYS.put("secretKey", "secret.key");
        KEYS.put("sessionToken", "session.token");
        KEYS.put("anonymous", null);
        KEYS.put("retry.maxAttempts", "attempts.maximum");
        KEYS.put("retry.baseDelay", null);
        KEYS.put("retry.maxDelay", null);
        KEYS.put("multipart.partSize", "multipart.size");
        KEYS.put("readAhead", "readahead.range");
        KEYS.put("listPageSize", "paging.maximum");
        KEYS.put("connectTimeout", "connection.establish.timeout");
        KEYS.put("socketTimeout", "connection.timeout");
        KEYS.put("sslEnabled", "connection.ssl.enabled");
        KEYS.put("multiObjectDelete", "multiobjectdelete.enable");
    }
    private static final List<String> S3A_PREFIXES = List.of("spark.hadoop.fs.s3a.", "fs.s3a.");

    S3Settings {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(region, "region");
    }

    /** Whether {@code key} is an S3 setting (known or not: unknown ones are refused by {@link #from}). */
    static boolean claims(String key) {
        if (key.startsWith(PREFIX)) return true;
        for (String p : S3A_PREFIXES) if (key.startsWith(p)) return true;
        return false;
    }

    /** Reads the settings; {@code env} looks up environment variables ({@code System::getenv} outside tests). */
    static S3Settings from(Map<String, String> settings, Function<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();   // sluice.s3 name -> value
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String name = canonical(e.getKey());
            if (name == null) continue;
            values.put(name, e.getValue().trim());
        }
        boolean ssl = bool(values, "sslEnabled", true);
        Optional<URI> endpoint = Optional.ofNullable(values.get("endpoint"))
                .or(() -> nonBlank(env.apply("AWS_ENDPOINT_URL_S3")))
                .or(() -> nonBlank(env.apply("AWS_ENDPOINT_URL")))
                .map(e -> endpointUri(e, ssl));
        Optional<String> region = Optional.ofNullable(values.get("region"))
                .or(() -> nonBlank(env.apply("AWS_REGION")))
                .or(() -> nonBlank(env.apply("AWS_DEFAULT_REGION")));
        boolean pathStyle = values.containsKey("pathStyleAccess") ? bool(values, "pathStyleAccess", false)
                : endpoint.map(S3Settings::isLocalOrIp).orElse(false);
        Optional<String> accessKey = Optional.ofNullable(values.get("accessKey"));
        Optional<String> secretKey = Optional.ofNullable(values.get("secretKey"));
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw invalid(accessKey.isPresent() ? "sluice.s3.secretKey" : "sluice.s3.accessKey", "(not set)",
                    "an access key and a secret key go together: set both, or neither to use the default credential chain");
        }
        long partSize = size(values, "multipart.partSize", 8L << 20);
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw invalid("sluice.s3.multipart.partSize", Long.toString(partSize), "S3 accepts parts of 5 MiB to 5 GiB");
        }
        long readAhead = size(values, "readAhead", 1L << 20);
        if (readAhead < 1) throw invalid("sluice.s3.readAhead", Long.toString(readAhead), "must be at least 1 byte");
        int maxAttempts = (int) number(values, "retry.maxAttempts", 10);
        if (maxAttempts < 1 || maxAttempts > 100) throw invalid("sluice.s3.retry.maxAttempts", Integer.toString(maxAttempts), "must be 1 to 100");
        int pageSize = (int) number(values, "listPageSize", 1000);
        if (pageSize < 1 || pageSize > 1000) throw invalid("sluice.s3.listPageSize", Integer.toString(pageSize), "S3 pages hold 1 to 1000 keys");
        long baseDelay = millis(values, "retry.baseDelay", 100);
        long maxDelay = millis(values, "retry.maxDelay", 20_000);
        if (baseDelay < 1 || maxDelay < baseDelay) {
            throw invalid("sluice.s3.retry.maxDelay", Long.toString(maxDelay), "needs 1 <= retry.baseDelay <= retry.maxDelay (milliseconds)");
        }
        return new S3Settings(endpoint, region, pathStyle, accessKey, secretKey, Optional.ofNullable(values.get("sessionToken")),
                bool(values, "anonymous", false), maxAttempts, baseDelay, maxDelay, partSize, readAhead, pageSize,
                millis(values, "connectTimeout", 10_000), millis(values, "socketTimeout", 60_000),
                bool(values, "multiObjectDelete", true));
    }

    /** The sluice.s3 name of a key, or null when the key is not an S3 setting; unknown S3 keys fail. */
    private static String canonical(String key) {
        if (key.startsWith(PREFIX)) {
            String name = key.substring(PREFIX.length());
            if (KEYS.containsKey(name)) return name;
            throw invalid(key, "(not shown)", "not an S3 setting; known: sluice.s3." + String.join(", sluice.s3.", KEYS.keySet()));
        }
        for (String p : S3A_PREFIXES) {
            if (!key.startsWith(p)) continue;
            String alias = key.substring(p.length());
            for (Map.Entry<String, String> e : KEYS.entrySet()) if (alias.equals(e.getValue())) return e.getKey();
            throw invalid(key, "(not shown)", "this S3A setting has no Sluice equivalent; Sluice understands fs.s3a."
                    + String.join(", fs.s3a.", KEYS.values().stream().filter(v -> v != null).toList()));
        }
        return null;
    }

    private static URI endpointUri(String text, boolean ssl) {
        String t = text.contains("://") ? text : (ssl ? "https://" : "http://") + text;
        try {
            URI uri = URI.create(t);
            if (uri.getHost() == null) throw new IllegalArgumentException("no host");
            return uri;
        } catch (IllegalArgumentException e) {
            throw invalid("sluice.s3.endpoint", text, "not a URL such as http://127.0.0.1:9000 or https://s3.eu-west-1.amazonaws.com");
        }
    }

    /** An endpoint on this machine or at an IP address has no bucket DNS names: path-style access. */
    static boolean isLocalOrIp(URI endpoint) {
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("[")) return true;
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    private static Optional<String> nonBlank(String s) { return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim()); }

    private static boolean bool(Map<String, String> values, String name, boolean dflt) {
        String v = values.get(name);
        if (v == null) return dflt;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw invalid(PREFIX + name, v, "must be true or false");
    }

    private static long number(Map<String, String> values, String name, long dflt) {
        String v = values.get(name);
        if (v == null) return dflt;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(PREFIX + name, v, "must be a whole number");
        }
    }

    /** Bytes, with an optional K/M/G suffix (binary, as S3A reads them). */
    private static long size(Map<String, String> values, String name, long dflt) {
        String v = values.get(name);
        if (v == null) return dflt;
        String s = v.toUpperCase(Locale.ROOT).replaceAll("I?B$", "");
        long unit = 1;
        if (s.endsWith("K")) unit = 1L << 10;
        else if (s.endsWith("M")) unit = 1L << 20;
        else if (s.endsWith("G")) unit = 1L << 30;
        if (unit > 1) s = s.substring(0, s.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(s.trim()), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(PREFIX + name, v, "must be a size in bytes, e.g. 8388608 or 8M");
        }
    }

    /** Milliseconds, or with a unit suffix ms / s / m. */
    private static long millis(Map<String, String> values, String name, long dflt) {
        String v = values.get(name);
        if (v == null) return dflt;
        String s = v.toLowerCase(Locale.ROOT).trim();
        long unit = 1;
        if (s.endsWith("ms")) s = s.substring(0, s.length() - 2);
        else if (s.endsWith("s")) { unit = 1000; s = s.substring(0, s.length() - 1); }
        else if (s.endsWith("m")) { unit = 60_000; s = s.substring(0, s.length() - 1); }
        try {
            long n = Math.multiplyExact(Long.parseLong(s.trim()), unit);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(PREFIX + name, v, "must be a duration such as 500, 500ms or 30s");
        }
    }

    private static SluiceException invalid(String option, String value, String reason) {
        return SluiceException.of(ErrorCode.INVALID_OPTION).with("option", option).with("value", value).with("reason", reason).build();
    }

    /** For logs and errors: the secrets are never shown, only whether they are set. */
    @Override public String toString() {
        return "S3Settings[endpoint=" + endpoint.map(URI::toString).orElse("(AWS)") + ", region=" + region.orElse("(default)")
                + ", pathStyleAccess=" + pathStyleAccess + ", credentials=" + credentialSource()
                + ", maxAttempts=" + maxAttempts + ", partSize=" + partSize + ", readAhead=" + readAhead
                + ", listPageSize=" + listPageSize + "]";
    }

    String credentialSource() {
        if (anonymous) return "anonymous";
        if (accessKey.isPresent()) return "session settings (not shown)";
        return "default AWS chain";
    }
}
