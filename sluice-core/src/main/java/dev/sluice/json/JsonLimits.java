package dev.sluice.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

/**
 * The size limits of one JSON value, with the options that raise them: {@code maxNestingDepth} (default 10,000
 * levels of objects and arrays), {@code maxStringLen} (default: no limit below a Java array's; a record is
 * bounded by its line anyway) and {@code maxNumLen} (default 1,000 characters, Jackson's). A record beyond a
 * limit is never turned into a corrupt record (it is not malformed): it fails with LIMIT_EXCEEDED naming the
 * limit and the option.
 */
public final class JsonLimits {
    public static final int DEFAULT_MAX_NESTING_DEPTH = 10_000;
    public static final int DEFAULT_MAX_STRING_LEN = Integer.MAX_VALUE;
    public static final int DEFAULT_MAX_NUM_LEN = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;

    private JsonLimits() {}

    /** The Jackson constraints for these options. */
    static StreamReadConstraints constraints(JsonOptions o) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(o.positiveInt("maxNestingDepth", DEFAULT_MAX_NESTING_DEPTH))
                .maxStringLength(o.positiveInt("maxStringLen", DEFAULT_MAX_STRING_LEN))
                .maxNumberLength(o.positiveInt("maxNumLen", DEFAULT_MAX_NUM_LEN))
                .build();
    }

    /**
     * The generator's nesting limit equals the parser's: a STRING field over an object keeps the object's JSON text by
     * writing it again, which Jackson's default write limit (1,000 levels) refused below maxNestingDepth.
     */
    static com.fasterxml.jackson.core.StreamWriteConstraints writeConstraints(JsonOptions o) {
        return com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                .maxNestingDepth(o.positiveInt("maxNestingDepth", DEFAULT_MAX_NESTING_DEPTH)).build();
    }

    /** Whether the options keep every default limit (then the shared, cached parser factories apply). */
    static boolean defaults(JsonOptions o) {
        return o.get("maxNestingDepth", null) == null && o.get("maxStringLen", null) == null && o.get("maxNumLen", null) == null;
    }

    /** The coded error for a record beyond a limit. */
    public static SluiceException exceeded(StreamConstraintsException e, String location) {
        String m = String.valueOf(e.getMessage());
        String option = m.contains("nesting depth") ? "maxNestingDepth" : m.contains("String value length") ? "maxStringLen"
                : m.contains("Number value length") ? "maxNumLen" : "maxNestingDepth";
        return SluiceException.of(ErrorCode.LIMIT_EXCEEDED).with("what", "A JSON value at " + location)
                .with("limit", option + " (" + m.replaceAll(" \\(from `StreamReadConstraints.*", "").trim() + ")")
                .with("remedy", "Raise the limit with the JSON option " + option + ", e.g. option(\"" + option + "\", \"100000\").")
                .cause(e).build();
    }
}
