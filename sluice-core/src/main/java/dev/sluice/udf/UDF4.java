package dev.sluice.udf;

/** A Java user-defined function of 4 argument(s) (values as Sluice rows map them); see {@code functions.udf}. */
@FunctionalInterface
public interface UDF4<T1, T2, T3, T4, R> extends java.io.Serializable {
    R call(T1 t1, T2 t2, T3 t3, T4 t4) throws Exception;
}
