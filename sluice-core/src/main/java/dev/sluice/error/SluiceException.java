package dev.sluice.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one exception of Sluice: an {@link ErrorCode}, the facts that fill its template, and optionally
 * where it happened (API call site, file and line). Built fluently and thrown:
 * {@code throw SluiceException.of(COLUMN_NOT_FOUND).with("column", name).build();}
 * Tests assert {@link #code()}, never the message text.
 */
public final class SluiceException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, String> facts;
    private final String location;

    private SluiceException(ErrorCode code, Map<String, String> facts, String location, Throwable cause) {
        super(render(code, facts, location), cause);
        this.code = code;
        this.facts = Map.copyOf(facts);
        this.location = location;
    }

    public static Builder of(ErrorCode code) { return new Builder(code); }

    /** An internal error: a broken invariant inside Sluice, not the user's fault. */
    public static SluiceException internal(String reason) {
        return of(ErrorCode.INTERNAL_ERROR).with("reason", reason).build();
    }

    public ErrorCode code() { return code; }

    public Map<String, String> facts() { return facts; }

    public String fact(String name) { return facts.get(name); }

    public String location() { return location; }

    private static String render(ErrorCode code, Map<String, String> facts, String location) {
        String text = code.template();
        for (Map.Entry<String, String> e : facts.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue() == null ? "null" : e.getValue());
        }
        text = text.replaceAll("\\{[a-z]+}", "");
        StringBuilder sb = new StringBuilder("[").append(code.name()).append("] ").append(text);
        if (location != null) sb.append(" (at ").append(location).append(')');
        return sb.toString();
    }

    /** Collects the facts of an error before it is thrown. */
    public static final class Builder {
        private final ErrorCode code;
        private final Map<String, String> facts = new LinkedHashMap<>();
        private String location;
        private Throwable cause;

        private Builder(ErrorCode code) { this.code = code; }

        public Builder with(String name, Object value) {
            facts.put(name, String.valueOf(value));
            return this;
        }

        public Builder at(String where) {
            this.location = where;
            return this;
        }

        public Builder cause(Throwable t) {
            this.cause = t;
            return this;
        }

        public SluiceException build() { return new SluiceException(code, facts, location, cause); }
    }
}
