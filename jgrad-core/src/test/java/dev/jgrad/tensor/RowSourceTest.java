package dev.jgrad.tensor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowSourceTest {

    @Test
    void floatRowsAreGatheredInTheGivenOrderFromTheTensorsOwnArray() {
        float[] values = {0, 1, 10, 11, 20, 21, 30, 31};
        RowSource rows = RowSource.of(Tensor.wrap(values, 4, 2));
        assertThat(rows.rows()).isEqualTo(4);
        assertThat(rows.width()).isEqualTo(2);
        assertThat(rows.shape()).containsExactly(4, 2);
        float[] out = new float[4];
        rows.gather(new int[] {9, 3, 0, 2}, 1, 2, out);
        assertThat(out).containsExactly(30, 31, 0, 1);
        values[0] = 5; // read in place, not copied
        rows.gather(new int[] {0}, 0, 1, out);
        assertThat(out[0]).isEqualTo(5);
    }

    @Test
    void theFirstRowsOfLongerArraysAreReadInPlace() {
        float[] f = {1, 2, 3, 4, 5, 6};
        RowSource rows = RowSource.ofFloats(f, 2, 2);
        assertThat(rows.shape()).containsExactly(2, 2);
        float[] out = new float[2];
        rows.gather(new int[] {1}, 0, 1, out);
        assertThat(out).containsExactly(3, 4);
        float[] table = new float[256];
        table[9] = 0.5f;
        RowSource bytes = RowSource.ofUnsignedBytes(new byte[] {0, 9, 9, 9}, 1, 2, table);
        assertThat(bytes.rows()).isEqualTo(1);
        bytes.gather(new int[] {0}, 0, 1, out);
        assertThat(out).containsExactly(0, 0.5f);
    }

    @Test
    void floatRowsKeepTheShapeOfEachSample() {
        RowSource rows = RowSource.of(Tensor.zeros(3, 2, 5));
        assertThat(rows.shape()).containsExactly(3, 2, 5);
        assertThat(rows.width()).isEqualTo(10);
    }

    @Test
    void unsignedBytesAreTurnedIntoTheirTableValues() {
        float[] table = new float[256];
        for (int b = 0; b < 256; b++) {
            table[b] = b / 255f;
        }
        byte[] values = {0, (byte) 255, (byte) 128, 7, 1, 2};
        RowSource rows = RowSource.ofUnsignedBytes(values, 3, 2, table);
        assertThat(rows.rows()).isEqualTo(3);
        assertThat(rows.shape()).containsExactly(3, 2);
        float[] out = new float[6];
        rows.gather(new int[] {1, 2, 0}, 0, 3, out);
        assertThat(out).containsExactly(128 / 255f, 7 / 255f, 1 / 255f, 2 / 255f, 0f, 1f);
        table[7] = -1; // the table is copied
        rows.gather(new int[] {1}, 0, 1, out);
        assertThat(out[1]).isEqualTo(7 / 255f);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> RowSource.ofUnsignedBytes(new byte[4], 2, 2, new float[255]))
                .hasMessage("RowSource.ofUnsignedBytes: the decode table needs 256 entries, one per byte value, got 255");
        assertThatThrownBy(() -> RowSource.ofUnsignedBytes(new byte[5], 3, 2, new float[256]))
                .hasMessage("RowSource.ofUnsignedBytes: need at least one row of width > 0 within the values, got 3 rows"
                        + " of 2 in 5 bytes");
        assertThatThrownBy(() -> RowSource.ofFloats(new float[5], 0, 2))
                .hasMessage("RowSource.ofFloats: need at least one row of width > 0 within the values, got 0 rows of 2"
                        + " in 5 values");
        assertThatThrownBy(() -> RowSource.of(Tensor.zeros(0, 3)))
                .hasMessage("RowSource.of: need a tensor with a sample axis and at least one row, got [0, 3]");
    }
}
