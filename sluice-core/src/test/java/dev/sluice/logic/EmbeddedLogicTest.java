package dev.sluice.logic;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** Every logic file on the embedded engine, in every verification variant. */
class EmbeddedLogicTest {
    @TestFactory Stream<DynamicTest> logicFiles() { return LogicTests.all(new EmbeddedBackend()); }
}
