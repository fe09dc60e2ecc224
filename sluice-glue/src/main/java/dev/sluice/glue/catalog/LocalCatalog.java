package dev.sluice.glue.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local Data Catalog: {@code <root>/<database>/<table>.json}, each file an object
 * <pre>
 * {"location": "s3://bucket/medicare/", "format": "csv", "formatOptions": {"withHeader": "true"},
 *  "columns": [{"name": "drg", "type": "string"}, {"name": "provider id", "type": "bigint"}],
 *  "partitionKeys": [{"name": "year", "type": "string"}], "parameters": {"boundedFiles": "10"}}
 * </pre>
 * Types are Glue or Hive names. Reading a table opens only its file.
 */
public final class LocalCatalog {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path root;

    public LocalCatalog(Path root) { this.root = root; }

    public Path root() { return root; }

    public CatalogTable table(String database, String table) {
        if (root == null) throw missing("any table: no catalog directory is set (GlueContext.builder().catalog(dir) or -Dsluice.glue.catalog=DIR)");
        Path file = root.resolve(database).resolve(table + ".json");
        if (!Files.isRegularFile(file)) {
            if (!Files.isDirectory(root.resolve(database))) throw missing("database " + database);
            throw missing("table " + database + "." + table + " (" + file + ")");
        }
        try (JsonParser p = JSON.createParser(file.toFile())) {
            return parse(database, table, p);
        } catch (IOException e) {
            throw SluiceException.of(ErrorCode.IO_ERROR).with("path", file).with("reason", e.getMessage()).cause(e).build();
        }
    }

    private SluiceException missing(String entity) {
        return SluiceException.of(ErrorCode.GLUE_CATALOG_ENTITY_NOT_FOUND).with("root", root).with("entity", entity).build();
    }

    private static CatalogTable parse(String database, String table, JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("a table file holds one JSON object");
        String location = null, format = "json";
        Map<String, String> formatOptions = Map.of(), parameters = Map.of();
        GlueStruct columns = GlueStruct.EMPTY, keys = GlueStruct.EMPTY;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "location": location = p.getText(); break;
                case "format": format = p.getText(); break;
                case "formatOptions": formatOptions = strings(p); break;
                case "parameters": parameters = strings(p); break;
                case "columns": columns = fields(p); break;
                case "partitionKeys": keys = fields(p); break;
                default: p.skipChildren();
            }
        }
        if (location == null) throw new IOException("table " + database + "." + table + " has no location");
        return new CatalogTable(database, table, location, format, formatOptions, columns, keys, parameters);
    }

    private static Map<String, String> strings(JsonParser p) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            m.put(k, p.getText());
        }
        return m;
    }

    private static GlueStruct fields(JsonParser p) throws IOException {
        List<GlueField> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null, type = "string";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                if (k.equals("name")) name = p.getText();
                else if (k.equals("type")) type = p.getText();
                else p.skipChildren();
            }
            out.add(new GlueField(name, GlueTypes.parse(type)));
        }
        return new GlueStruct(out);
    }
}
