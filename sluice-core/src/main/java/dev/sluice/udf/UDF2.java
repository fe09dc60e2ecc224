package dev.sluice.udf;

/** A Java user-defined function of 2 argument(s) (values as Sluice rows map them); see {@code functions.udf}. */
@FunctionalInterface
public interface UDF2<T1, T2, R> extends java.io.Serializable {
    R call(T1 t1, T2 t2) throws Exception;
}
