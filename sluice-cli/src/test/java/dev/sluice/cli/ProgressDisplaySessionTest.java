package dev.sluice.cli;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The display wired to a real session, as the demo does: the engine's events reach it and end in a summary. */
class ProgressDisplaySessionTest {
    @Test
    void aSessionJobEndsWithADoneSummaryCountingAllRows() {
        StructType schema = DdlParser.parseSchema("a INT");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) rows.add(Row.of(schema, i));
        StringWriter text = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, System::nanoTime);
        try (Sluice sluice = Sluice.builder().parallelism(2).batchSize(100).listener(display).build()) {
            DataFrame df = sluice.createDataFrame(rows, schema);
            assertThat(df.count()).isEqualTo(1000);
        }
        assertThat(text.toString()).startsWith("count: done").doesNotContain("\r");
    }
}
