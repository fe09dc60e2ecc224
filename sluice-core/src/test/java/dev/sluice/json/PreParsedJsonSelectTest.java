package dev.sluice.json;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A selection of a whole batch's pre-parsed JSON column is a view through the caller's own selection array (as every
 * other column's select is), so a filter's columns and the parsed struct after it share one selection; a selection
 * of a slice or of a selection still maps its rows. Text and parsed values are the rows asked for either way.
 */
class PreParsedJsonSelectTest {
    private static final DataType SCHEMA = dev.sluice.types.DdlParser.parseType("struct<a:int>");

    private static PreParsedJsonVector batchOf(String... docs) {
        BytesVector raw = (BytesVector) Vectors.of(DataTypes.STRING, Arrays.asList(docs));
        FlatVector results = (FlatVector) FromJsonEvaluator.evaluate(raw, SCHEMA, JsonOptions.DEFAULT, false);
        return new PreParsedJsonVector(raw, new boolean[docs.length], new boolean[docs.length], SCHEMA, JsonOptions.DEFAULT, results, true);
    }

    @Test void aSelectionOfTheWholeBatchSharesTheCallersSelection() {
        PreParsedJsonVector v = batchOf("{\"a\":0}", "{\"a\":1}", "{\"a\":2}", "{\"a\":3}", "{\"a\":4}");
        int[] kept = {0, 2, 3};
        PreParsedJsonVector selected = (PreParsedJsonVector) v.select(kept, 3);
        ColumnVector parsed = selected.parsed(SCHEMA, JsonOptions.DEFAULT);
        assertThat(FlatRows.of(parsed).ids()).isSameAs(kept);
        for (int i = 0; i < 3; i++) {
            assertThat(parsed.child(0).getInt(i)).isEqualTo(kept[i]);
            assertThat(selected.getObject(i).toString()).isEqualTo("{\"a\":" + kept[i] + "}");
        }
    }

    @Test void selectionsOfSlicesAndOfSelectionsMapTheirRows() {
        PreParsedJsonVector v = batchOf("{\"a\":0}", "{\"a\":1}", "{\"a\":2}", "{\"a\":3}", "{\"a\":4}");
        ColumnVector ofSlice = v.slice(1, 4).select(new int[] {0, 3}, 2);         // rows 1 and 4
        ColumnVector ofSelection = v.select(new int[] {4, 1, 3}, 3).select(new int[] {2, 0}, 2);   // rows 3 and 4
        ColumnVector slice = ((PreParsedJsonVector) ofSlice).parsed(SCHEMA, JsonOptions.DEFAULT);
        ColumnVector selection = ((PreParsedJsonVector) ofSelection).parsed(SCHEMA, JsonOptions.DEFAULT);
        assertThat(slice.child(0).getInt(0)).isEqualTo(1);
        assertThat(slice.child(0).getInt(1)).isEqualTo(4);
        assertThat(selection.child(0).getInt(0)).isEqualTo(3);
        assertThat(selection.child(0).getInt(1)).isEqualTo(4);
        assertThat(ofSlice.getObject(1).toString()).isEqualTo("{\"a\":4}");
        assertThat(ofSelection.getObject(0).toString()).isEqualTo("{\"a\":3}");
    }
}
