package dev.sluice.udf;

/** A Java user-defined function of 3 argument(s) (values as Sluice rows map them); see {@code functions.udf}. */
@FunctionalInterface
public interface UDF3<T1, T2, T3, R> extends java.io.Serializable {
    R call(T1 t1, T2 t2, T3 t3) throws Exception;
}
