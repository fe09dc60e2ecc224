package dev.sluice.io.csv;

import dev.sluice.io.FileListing;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.FileSplit;
import dev.sluice.io.FileStatus;
import dev.sluice.io.Storage;
import dev.sluice.io.text.TextLines;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The schema of CSV files when the user gave none: the one documented exception to laziness. The first record
 * (of the first file) fixes the number of columns and, with {@code header}, their names (made unique as Spark
 * does: empty names become {@code _c<i>}, case-insensitive duplicates get their index appended); otherwise they
 * are {@code _c0, _c1, ...}. Every column is STRING unless {@code inferSchema}: then the first
 * {@code sampleRecords} records (0 = all) are read in file order and each column gets the narrowest type of
 * Spark's CSV inference that holds all its values: int, bigint, decimal(p,0), double, date, timestamp, boolean,
 * string (NULL and {@code nullValue} fields count for nothing; a column of only NULLs is string).
 */
public final class CsvInference {
    private final CsvOptions options;
    private final CsvValues values;

    private CsvInference(CsvOptions options) {
        this.options = options;
        this.values = new CsvValues(options);
    }

    public static StructType infer(Storage storage, List<String> paths, CsvOptions options, int sampleRecords) {
        return new CsvInference(options).run(storage, paths, sampleRecords);
    }

    private StructType run(Storage storage, List<String> paths, int sampleRecords) {
        List<FileStatus> files = FileListing.resolve(storage, paths, ListingOptions.of(options.values()));
        String[] names = null;
        DataType[] types = null;
        long seen = 0;
        String nullValue = options.nullValue();
        boolean wholeFile = options.multiLine() || !TextLines.newlineIsOneByte(options.charset())
                || (options.lineSep() != null && !options.lineSep().equals("\n") && !options.lineSep().equals("\r\n"));
        for (FileStatus file : files) {
            try (CsvRecords records = new CsvRecords(CsvSource.openLines(storage, FileSplit.whole(file), options, wholeFile),
                    options, names != null && options.header())) {
                if (names == null) {
                    String[] first = records.header();
                    if (first == null) continue;
                    names = options.header() ? safeHeader(first) : positionalNames(first.length);
                    types = new DataType[names.length];
                    java.util.Arrays.fill(types, DataTypes.NULL);
                    if (!options.inferSchema()) break;
                    if (!options.header()) seen += add(first, types, nullValue);
                }
                while ((sampleRecords <= 0 || seen < sampleRecords) && records.next(null)) {
                    CsvTokenizer t = records.tokens();
                    String[] fields = new String[t.count()];
                    for (int i = 0; i < fields.length; i++) fields[i] = t.field(i);
                    seen += add(fields, types, nullValue);
                }
            }
            if (sampleRecords > 0 && seen >= sampleRecords) break;
        }
        if (names == null) return StructType.EMPTY;
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            DataType t = types[i] instanceof NullType ? DataTypes.STRING : types[i];
            fields.add(StructField.of(names[i], t));
        }
        return new StructType(fields);
    }

    private int add(String[] fields, DataType[] types, String nullValue) {
        if (!options.inferSchema()) return 1;
        for (int i = 0; i < Math.min(fields.length, types.length); i++) {
            String f = fields[i];
            if (f == null || f.isEmpty() || f.equals(nullValue)) continue;
            DataType merged = merge(types[i], inferField(types[i], f));
            types[i] = merged == null ? DataTypes.STRING : merged;
        }
        return 1;
    }

    /** The type of {@code field} given the column's type so far: Spark's CSVInferSchema ladder, starting at that type. */
    DataType inferField(DataType soFar, String field) {
        if (soFar instanceof NullType || soFar instanceof IntegerType) return tryInt(field);
        if (soFar instanceof LongType) return tryLong(field);
        if (soFar instanceof DecimalType) return tryDecimal(field);
        if (soFar instanceof DoubleType) return tryDouble(field);
        if (soFar instanceof DateType) return tryDate(field);
        if (soFar instanceof TimestampType) return tryTimestamp(field);
        if (soFar instanceof BooleanType) return tryBoolean(field);
        return DataTypes.STRING;
    }

    private DataType tryInt(String f) {
        try {
            Integer.parseInt(f);
            return DataTypes.INT;
        } catch (NumberFormatException e) {
            return tryLong(f);
        }
    }

    private DataType tryLong(String f) {
        try {
            Long.parseLong(f);
            return DataTypes.LONG;
        } catch (NumberFormatException e) {
            return tryDecimal(f);
        }
    }

    private DataType tryDecimal(String f) {
        BigDecimal d = CsvValues.parseDecimal(f);
        // only whole numbers become decimals (too big for bigint); anything with a fraction is a double
        if (d != null && d.scale() == 0 && d.precision() <= DecimalType.MAX_PRECISION) return new DecimalType(d.precision(), 0);
        return tryDouble(f);
    }

    private DataType tryDouble(String f) {
        if (values.parse(f, DataTypes.DOUBLE) != CsvValues.INVALID) return DataTypes.DOUBLE;
        return tryDate(f);
    }

    private DataType tryDate(String f) {
        if (isDate(f)) return DataTypes.DATE;
        return tryTimestamp(f);
    }

    /** Inference takes a date only in the exact {@code dateFormat} (default yyyy-MM-dd), never a timestamp's text. */
    private boolean isDate(String f) {
        if (values.hasDateFormat()) return values.parseDate(f) != Long.MIN_VALUE;
        return f.length() == 10 && f.charAt(4) == '-' && f.charAt(7) == '-' && values.parseDate(f) != Long.MIN_VALUE;
    }

    private DataType tryTimestamp(String f) {
        if (values.parseTimestamp(f) != Long.MIN_VALUE) return DataTypes.TIMESTAMP;
        return tryBoolean(f);
    }

    private DataType tryBoolean(String f) {
        return f.equalsIgnoreCase("true") || f.equalsIgnoreCase("false") ? DataTypes.BOOLEAN : DataTypes.STRING;
    }

    /** Spark's CSV compatibleType: null when the two have no common type (the column becomes string). */
    static DataType merge(DataType a, DataType b) {
        if (a.equals(b)) return a;
        if (a instanceof NullType) return b;
        if (b instanceof NullType) return a;
        if (a instanceof StringType || b instanceof StringType) return DataTypes.STRING;
        if (rank(a) > 0 && rank(b) > 0) return rank(a) >= rank(b) ? a : b;   // int < bigint < double
        if (a instanceof DecimalType || b instanceof DecimalType) {
            DecimalType da = asDecimal(a), db = asDecimal(b);
            if (a instanceof DoubleType || b instanceof DoubleType) return DataTypes.DOUBLE;
            if (da == null || db == null) return null;
            int scale = Math.max(da.scale(), db.scale());
            int range = Math.max(da.precision() - da.scale(), db.precision() - db.scale());
            return range + scale > DecimalType.MAX_PRECISION ? DataTypes.DOUBLE : new DecimalType(range + scale, scale);
        }
        if ((a instanceof DateType && b instanceof TimestampType) || (a instanceof TimestampType && b instanceof DateType)) {
            return DataTypes.TIMESTAMP;
        }
        return null;
    }

    private static int rank(DataType t) {
        if (t instanceof IntegerType) return 1;
        if (t instanceof LongType) return 2;
        if (t instanceof DoubleType) return 3;
        return 0;
    }

    private static DecimalType asDecimal(DataType t) {
        if (t instanceof DecimalType d) return d;
        if (t instanceof IntegerType) return new DecimalType(10, 0);
        if (t instanceof LongType) return new DecimalType(20, 0);
        return null;
    }

    private static String[] positionalNames(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) names[i] = "_c" + i;
        return names;
    }

    /** Spark's makeSafeHeader (case-insensitive, the default). */
    private String[] safeHeader(String[] header) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        for (String h : header) {
            if (h != null && !seen.add(h.toLowerCase(Locale.ROOT))) duplicates.add(h.toLowerCase(Locale.ROOT));
        }
        String[] names = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            String h = header[i];
            if (h == null || h.isEmpty() || h.equals(options.nullValue())) names[i] = "_c" + i;
            else if (duplicates.contains(h.toLowerCase(Locale.ROOT))) names[i] = h + i;
            else names[i] = h;
        }
        return names;
    }
}
