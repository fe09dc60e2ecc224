package dev.sluice.glue;

import java.util.ArrayList;
import java.util.List;

/**
 * Glue's JSON reader as a record op over text: each line (or whole file with multiline / jsonPath) becomes its
 * records. A line that is not valid JSON, or holds something other than objects, becomes one error record with
 * the line as input; the next line is read normally (Glue loses the record after a malformed one; Sluice does
 * not). A top-level array's objects are all records (Glue loses the first one).
 */
final class JsonRecordsOp implements RecordOp {
    private final String jsonPath;
    private final boolean failFast;
    private final boolean wholeFile;

    /** {@code wholeFile}: each input is a whole file (multiline, jsonPath), so a parse error's line is Jackson's. */
    JsonRecordsOp(String jsonPath, boolean failFast, boolean wholeFile) {
        this.jsonPath = jsonPath;
        this.failFast = failFast;
        this.wholeFile = wholeFile;
    }

    @Override public List<DynamicRecord> apply(DynamicRecord line) throws Exception {
        String text = (String) line.get("value");
        if (text == null || text.isBlank()) return List.of();
        List<Object> values;
        try {
            values = GlueJsonParser.parseAll(text);
        } catch (java.io.IOException e) {
            String msg = "error in jackson reader: " + e.getMessage().split("\n")[0];
            if (failFast) throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.MALFORMED_RECORD)
                    .with("location", "input " + abbreviate(text)).with("reason", msg).build();
            Long at = wholeFile && e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    && j.getLocation().getLineNr() > 0 ? (long) j.getLocation().getLineNr() : null;
            throw new RecordError(msg, text, null, at);
        }
        List<DynamicRecord> out = new ArrayList<>();
        for (Object v : values) {
            List<Object> selected = jsonPath == null ? (v instanceof List<?> l ? new ArrayList<>(l) : List.of(v))
                    : GlueJsonParser.select(v, jsonPath);
            for (Object o : selected) {
                if (!(o instanceof DynamicRecord r)) throw new RecordError("a JSON record must be an object, found " + abbreviate(String.valueOf(o)), text, null);
                out.add(r);
            }
        }
        return out;
    }

    private static String abbreviate(String s) { return s.length() > 80 ? s.substring(0, 77) + "..." : s; }
}
