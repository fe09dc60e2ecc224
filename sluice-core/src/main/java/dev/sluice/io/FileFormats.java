package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.csv.CsvFileFormat;
import dev.sluice.io.json.JsonFileFormat;
import dev.sluice.io.text.TextFileFormat;
import dev.sluice.io.xml.XmlFileFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds file formats by name: the built-in ones and those other modules declare through ServiceLoader. */
public final class FileFormats {
    private static volatile Map<String, FileFormat> formats;

    private FileFormats() {}

    public static FileFormat lookup(String name) {
        FileFormat f = all().get(name.toLowerCase(Locale.ROOT));
        if (f == null) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "the file format '" + name + "'")
                    .with("reason", "known formats are " + String.join(", ", all().keySet())
                            + (name.equalsIgnoreCase("parquet") || name.equalsIgnoreCase("orc") || name.equalsIgnoreCase("avro")
                                    ? "; add the sluice-" + name.toLowerCase(Locale.ROOT) + " module to the classpath" : ""))
                    .build();
        }
        return f;
    }

    public static List<String> names() { return new ArrayList<>(all().keySet()); }

    private static Map<String, FileFormat> all() {
        Map<String, FileFormat> m = formats;
        if (m == null) {
            m = new TreeMap<>();
            for (FileFormat f : List.<FileFormat>of(new JsonFileFormat(), new CsvFileFormat(), new TextFileFormat(), new XmlFileFormat())) m.put(f.name(), f);
            for (FileFormat f : ServiceLoader.load(FileFormat.class)) m.putIfAbsent(f.name(), f);
            formats = m;
        }
        return m;
    }
}
