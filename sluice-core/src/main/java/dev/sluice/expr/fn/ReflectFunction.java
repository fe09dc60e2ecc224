package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.BooleanType;
import dev.sluice.types.ByteType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.ShortType;
import dev.sluice.types.StringType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code reflect(class, method, args...)} / {@code java_method} / {@code try_reflect}: Spark's
 * CallMethodViaReflection, a public static method found by name and argument count whose parameters accept the
 * arguments' types (boolean, tinyint, smallint, int, bigint, float, double, string, boxed or primitive), called per
 * row, its result as {@code String.valueOf}; try_reflect answers NULL where the call throws. Class and method must
 * be constant strings. Unlike Spark, which calls any class on its class path, Sluice calls only classes of the
 * JDK whose static methods compute values from their arguments ({@link #CLASSES}: no I/O, no process or JVM state),
 * since a query must not run arbitrary code in the engine's JVM; any other class is refused (INVALID_ARGUMENT).
 */
final class ReflectFunction implements ScalarFunction {
    /** The classes whose static methods reflect may call. */
    static final Set<String> CLASSES = Set.of("java.util.UUID", "java.lang.Math", "java.lang.StrictMath", "java.lang.String",
            "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
            "java.lang.Double", "java.lang.Character", "java.net.URLEncoder", "java.net.URLDecoder");

    private final String name;
    private final boolean nullOnError;

    ReflectFunction(String name, boolean nullOnError) {
        this.name = name;
        this.nullOnError = nullOnError;
    }

    static List<ScalarFunction> all() {
        return List.of(new ReflectFunction("reflect", false), new ReflectFunction("java_method", false),
                new ReflectFunction("try_reflect", true));
    }

    @Override public String name() { return name; }

    @Override public boolean deterministic() { return false; }   // randomUUID and the like, as Spark's Nondeterministic

    @Override public Signature bind(List<Expression> args) {
        if (args.size() < 2) throw FnArgs.invalid(name, "takes a class, a method and its arguments, got " + args.size() + " arguments");
        String className = constantString(args, 0, "class"), methodName = constantString(args, 1, "method");
        if (!CLASSES.contains(className)) {
            throw FnArgs.invalid(name, "Sluice calls static methods of " + String.join(", ", new java.util.TreeSet<>(CLASSES))
                    + " only, not of " + className);
        }
        List<DataType> types = new ArrayList<>(List.of(DataTypes.STRING, DataTypes.STRING));
        List<Class<?>[]> accepted = new ArrayList<>();
        for (int i = 2; i < args.size(); i++) {
            DataType t = args.get(i).dataType();
            Class<?>[] classes = jvmClasses(t);
            if (classes == null) throw FnArgs.mismatch(name, args, i, "a boolean, tinyint, smallint, int, bigint, float, double or string");
            accepted.add(classes);
            types.add(t);
        }
        Method method = find(className, methodName, accepted);
        if (method == null) {
            throw FnArgs.invalid(name, "cannot find a static method " + methodName + " of " + className + " that takes these "
                    + accepted.size() + " arguments");
        }
        return new Signature(types, DataTypes.STRING, true, method);
    }

    private String constantString(List<Expression> args, int i, String what) {
        if (!(args.get(i).dataType() instanceof StringType)) throw FnArgs.mismatch(name, args, i, "a string naming the " + what);
        Object v = FnArgs.constant(args.get(i), DataTypes.STRING);
        if (!(v instanceof String s)) throw FnArgs.invalid(name, "the " + what + " must be a constant string");
        return s;
    }

    /** The JVM parameter types a value of {@code t} may be passed as (Spark's typeMapping), or null. */
    private static Class<?>[] jvmClasses(DataType t) {
        if (t instanceof BooleanType) return new Class<?>[] {Boolean.class, boolean.class};
        if (t instanceof ByteType) return new Class<?>[] {Byte.class, byte.class};
        if (t instanceof ShortType) return new Class<?>[] {Short.class, short.class};
        if (t instanceof IntegerType) return new Class<?>[] {Integer.class, int.class};
        if (t instanceof LongType) return new Class<?>[] {Long.class, long.class};
        if (t instanceof FloatType) return new Class<?>[] {Float.class, float.class};
        if (t instanceof DoubleType) return new Class<?>[] {Double.class, double.class};
        if (t instanceof StringType) return new Class<?>[] {String.class};
        return null;
    }

    /** The first public static method of that name whose parameters accept the arguments, as Spark's findMethod. */
    private static Method find(String className, String methodName, List<Class<?>[]> accepted) {
        Class<?> type;
        try {
            type = Class.forName(className, false, ReflectFunction.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        candidates:
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(methodName) || !Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != accepted.size()) continue;
            Class<?>[] parameters = m.getParameterTypes();
            for (int i = 0; i < parameters.length; i++) {
                boolean ok = false;
                for (Class<?> c : accepted.get(i)) ok |= parameters[i].isAssignableFrom(c);
                if (!ok) continue candidates;
            }
            return m;
        }
        return null;
    }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
        Method method = (Method) signature.state();
        FlatVector out = Vectors.allocate(DataTypes.STRING, rows);
        Object[] values = new Object[args.length - 2];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < values.length; i++) values[i] = args[i + 2].isNull(r) ? null : args[i + 2].getObject(r);
            try {
                out.appendObject(String.valueOf(method.invoke(null, values)));
            } catch (InvocationTargetException | IllegalAccessException | IllegalArgumentException | NullPointerException e) {
                if (nullOnError) {
                    out.appendNull();
                    continue;
                }
                Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
                throw FnArgs.badInput(name, method.getDeclaringClass().getName() + "." + method.getName() + " failed: " + cause);
            }
        }
        return out;
    }
}
