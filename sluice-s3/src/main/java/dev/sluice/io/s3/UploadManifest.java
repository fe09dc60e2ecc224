package dev.sluice.io.s3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The task manifest of {@link S3JobCommitter}: the pending uploads a committed task leaves for the job commit. */
final class UploadManifest {
    private static final JsonFactory JSON = new JsonFactory();

    private UploadManifest() {}

    /** The manifest: one JSON object per pending upload, {@code {"key":..,"uploadId":..,"bytes":n,"parts":[[1,"etag"],..]}}. */
    static byte[] encode(List<PendingUpload> uploads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (PendingUpload u : uploads) {
                g.writeStartObject();
                g.writeStringField("key", u.key());
                g.writeStringField("uploadId", u.uploadId());
                g.writeNumberField("bytes", u.bytes());
                g.writeArrayFieldStart("parts");
                for (CompletedPart p : u.parts()) {
                    g.writeStartArray();
                    g.writeNumber(p.partNumber());
                    g.writeString(p.eTag());
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    static List<PendingUpload> decode(byte[] bytes) throws IOException {
        List<PendingUpload> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(new String(bytes, StandardCharsets.UTF_8))) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String key = null;
                String uploadId = null;
                long size = 0;
                List<CompletedPart> parts = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "key" -> key = p.getText();
                        case "uploadId" -> uploadId = p.getText();
                        case "bytes" -> size = p.getLongValue();
                        case "parts" -> {
                            while (p.nextToken() == JsonToken.START_ARRAY) {
                                p.nextToken();
                                int number = p.getIntValue();
                                p.nextToken();
                                String etag = p.getText();
                                expect(p.nextToken(), JsonToken.END_ARRAY);
                                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                            }
                        }
                        default -> throw new IOException("unknown manifest field " + field);
                    }
                }
                if (key == null || uploadId == null) throw new IOException("manifest entry without key or upload id");
                out.add(new PendingUpload(key, uploadId, parts, size));
            }
        }
        return out;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) throw new IOException("bad manifest: expected " + expected + ", found " + actual);
    }

}
