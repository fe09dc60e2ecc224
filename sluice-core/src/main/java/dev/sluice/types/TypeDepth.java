package dev.sluice.types;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * How deep a type nests (an atomic type is 0, {@code struct<a:int>} is 1), and the limit on it. Analysis, evaluation,
 * conversion to rows and writing walk types recursively, so a type nested thousands of levels deep would overflow a
 * thread's stack somewhere; types deeper than {@link #max()} are refused where they enter (a reader's schema, a DDL
 * string, {@code from_json}) with LIMIT_EXCEEDED naming the limit, and JSON inference reads what lies deeper as a
 * STRING holding the JSON text ({@link #capAsString}), so nothing is lost. The limit is the system property
 * {@value #MAX_PROPERTY} (default {@value #DEFAULT_MAX}, Spark's default JSON nesting limit).
 */
public final class TypeDepth {
    public static final String MAX_PROPERTY = "sluice.maxTypeDepth";
    public static final int DEFAULT_MAX = 1_000;

    private TypeDepth() {}

    /** The deepest nesting a type may have. */
    public static int max() { return Math.max(1, Integer.getInteger(MAX_PROPERTY, DEFAULT_MAX)); }

    /** The nesting depth of {@code type}, without recursion. */
    public static int depth(DataType type) {
        int deepest = 0;
        Deque<Object[]> work = new ArrayDeque<>();
        work.push(new Object[] {type, 0});
        while (!work.isEmpty()) {
            Object[] item = work.pop();
            DataType t = (DataType) item[0];
            int d = (Integer) item[1];
            deepest = Math.max(deepest, d);
            for (DataType child : children(t)) work.push(new Object[] {child, d + 1});
        }
        return deepest;
    }

    /** {@code type} itself when it is within the limit; otherwise LIMIT_EXCEEDED naming {@code what} and the limit. */
    public static <T extends DataType> T check(T type, String what) {
        int depth = depth(type);
        if (depth > max()) throw tooDeep(what + " nests " + depth + " levels deep");
        return type;
    }

    /** The error for a type deeper than the limit; {@code what} says which and how deep. */
    public static SluiceException tooDeep(String what) {
        return SluiceException.of(ErrorCode.LIMIT_EXCEEDED).with("what", what)
                .with("limit", max() + " levels of nested types (-D" + MAX_PROPERTY + ")")
                .with("remedy", "Read the deep field as STRING (its JSON text) and parse the part you need with from_json, "
                        + "or raise -D" + MAX_PROPERTY + " together with the stacks (-Xss for your threads, -Dsluice.worker.stackBytes for the "
                        + "workers), as deep types are "
                        + "walked recursively.")
                .build();
    }

    /** {@code type} with everything nested deeper than {@code max} levels replaced by STRING. */
    public static DataType capAsString(DataType type, int max) {
        if (depth(type) <= max) return type;
        return rebuild(type, max);
    }

    /** Rebuilds bottom-up with an explicit stack: children first, then their parent from the rebuilt children. */
    private static DataType rebuild(DataType root, int max) {
        Deque<Object[]> work = new ArrayDeque<>();   // {type, depth, visited}
        Deque<DataType> done = new ArrayDeque<>();
        work.push(new Object[] {root, 0, false});
        while (!work.isEmpty()) {
            Object[] item = work.pop();
            DataType t = (DataType) item[0];
            int d = (Integer) item[1];
            List<DataType> children = children(t);
            if (children.isEmpty()) {
                done.push(t);
            } else if (d >= max) {
                done.push(DataTypes.STRING);
            } else if (!(Boolean) item[2]) {
                work.push(new Object[] {t, d, true});
                for (DataType c : children) work.push(new Object[] {c, d + 1, false});   // last pushed is done first
            } else {
                List<DataType> rebuilt = new ArrayList<>();
                for (int i = 0; i < children.size(); i++) rebuilt.add(done.pop());   // popped in child order
                done.push(withChildren(t, rebuilt));
            }
        }
        return done.pop();
    }

    private static List<DataType> children(DataType t) {
        if (t instanceof StructType s) {
            List<DataType> out = new ArrayList<>(s.size());
            for (StructField f : s.fields()) out.add(f.dataType());
            return out;
        }
        if (t instanceof ArrayType a) return List.of(a.elementType());
        if (t instanceof MapType m) return List.of(m.keyType(), m.valueType());
        return List.of();
    }

    private static DataType withChildren(DataType t, List<DataType> c) {
        if (t instanceof StructType s) {
            List<StructField> fields = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) fields.add(s.field(i).withType(c.get(i)));
            return new StructType(fields);
        }
        if (t instanceof ArrayType a) return new ArrayType(c.get(0), a.containsNull());
        MapType m = (MapType) t;
        return new MapType(c.get(0), c.get(1), m.valueContainsNull());
    }
}
