package dev.sluice.json;

/**
 * A malformed JSON record in FAILFAST mode, with a short reason ("unexpected character ('x' (code 120)) at
 * column 12", "field `status`: expected int, got string"). The file reader wraps it with the file and line.
 */
public final class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String reason) { super(reason); }

    public String reason() { return getMessage(); }
}
