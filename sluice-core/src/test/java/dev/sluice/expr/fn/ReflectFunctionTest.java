package dev.sluice.expr.fn;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** reflect / java_method / try_reflect: Spark's method lookup and values, over the JDK classes Sluice lets a query call. */
class ReflectFunctionTest {
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static Object one(String sql) { return sluice.sql(sql).collect().get(0).get(0); }

    static void fails(String sql, ErrorCode code) {
        assertThatThrownBy(() -> one(sql)).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test void callsStaticMethodsWithSparksArgumentTypes() {
        String uuid = "a5cf6c42-0c85-418f-af6c-3e4e5b1328f2";
        assertThat(one("SELECT reflect('java.util.UUID', 'fromString', '" + uuid + "')")).isEqualTo(uuid);
        assertThat(one("SELECT java_method('java.util.UUID', 'fromString', a) FROM VALUES ('" + uuid + "') t(a)")).isEqualTo(uuid);
        assertThat((String) one("SELECT reflect('java.util.UUID', 'randomUUID')")).hasSize(36);
        assertThat(one("SELECT reflect('java.lang.Math', 'max', 3, 7)")).isEqualTo("7");           // int, int
        assertThat(one("SELECT reflect('java.lang.Math', 'abs', -2.5D)")).isEqualTo("2.5");        // double
        assertThat(one("SELECT reflect('java.lang.Integer', 'toHexString', 255)")).isEqualTo("ff");
        assertThat(one("SELECT reflect('java.lang.String', 'valueOf', true)")).isEqualTo("true");
        assertThat(sluice.sql("SELECT java_method('java.lang.Math', 'abs', -1)").columns()).containsExactly("java_method(java.lang.Math, abs, -1)");
    }

    @Test void tryReflectAnswersNullWhereTheCallThrows() {
        assertThat(one("SELECT try_reflect('java.net.URLDecoder', 'decode', '%')")).isNull();
        assertThat(one("SELECT try_reflect('java.lang.Integer', 'parseInt', 'x')")).isNull();
        assertThat(one("SELECT try_reflect('java.lang.Integer', 'parseInt', '12')")).isEqualTo("12");
        fails("SELECT reflect('java.lang.Integer', 'parseInt', 'x')", ErrorCode.INVALID_FUNCTION_INPUT);
    }

    @Test void refusesOtherClassesMissingMethodsAndOtherTypes() {
        fails("SELECT reflect('java.lang.System', 'exit', 1)", ErrorCode.INVALID_ARGUMENT);           // outside the allowed classes
        fails("SELECT try_reflect('java.lang.Runtime', 'getRuntime')", ErrorCode.INVALID_ARGUMENT);
        fails("SELECT reflect('java.lang.Math', 'nosuch', 1)", ErrorCode.INVALID_ARGUMENT);
        fails("SELECT reflect('java.lang.Math', 'max', 1)", ErrorCode.INVALID_ARGUMENT);              // no one-argument max
        fails("SELECT reflect('java.lang.Math', m, 1) FROM VALUES ('abs') t(m)", ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> one("SELECT reflect('java.lang.String', 'valueOf', DATE'2020-01-01')")).isInstanceOf(SluiceException.class);
    }
}
