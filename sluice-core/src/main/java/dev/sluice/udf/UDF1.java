package dev.sluice.udf;

/** A Java user-defined function of 1 argument(s) (values as Sluice rows map them); see {@code functions.udf}. */
@FunctionalInterface
public interface UDF1<T1, R> extends java.io.Serializable {
    R call(T1 t1) throws Exception;
}
