package dev.sluice.spark;

import dev.sluice.logic.LogicTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** Every logic file of sluice-core on Spark local[2]: the same expected results as the embedded engine. */
class SparkLogicTest {
    @TestFactory Stream<DynamicTest> logicFiles() { return LogicTests.all(new SparkBackend(SharedSpark.get())); }
}
