package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PanelAlignmentTest {

    @Test
    void sixtyFourByteObjectAlignmentStartsPanelsPastTheHeader() {
        PanelAlignment a = PanelAlignment.decide(16, Map.of("ObjectAlignmentInBytes", "64", "UseG1GC", "true",
                "G1HeapRegionSize", "4194304")::get);
        assertThat(a.offsetFloats()).isEqualTo(12); // 16 + 12 * 4 = 64
        assertThat(a.minBufferFloats()).isZero(); // any array is aligned: no need to be humongous
        assertThat(a.description()).contains("ObjectAlignmentInBytes=64");
    }

    @Test
    void compactHeadersMoveTheOffset() {
        PanelAlignment a = PanelAlignment.decide(12, Map.of("ObjectAlignmentInBytes", "128")::get);
        assertThat(a.offsetFloats()).isEqualTo(13); // 12 + 13 * 4 = 64
    }

    @Test
    void g1AlignsThroughAHumongousBuffer() {
        PanelAlignment a = PanelAlignment.decide(16, Map.of("ObjectAlignmentInBytes", "8", "UseG1GC", "true",
                "G1HeapRegionSize", "2097152")::get);
        assertThat(a.offsetFloats()).isEqualTo(12);
        // Half a 2 MB region is 1 MB = 262144 floats; one more makes the array (with its header) humongous.
        assertThat(a.minBufferFloats()).isEqualTo(262_145);
        assertThat(a.description()).contains("G1 humongous buffer, region 2 MB");
    }

    @Test
    void otherCollectorsOrHugeRegionsLeavePanelsUnaligned() {
        PanelAlignment parallel = PanelAlignment.decide(16, Map.of("ObjectAlignmentInBytes", "8", "UseG1GC", "false",
                "G1HeapRegionSize", "0")::get);
        assertThat(parallel.offsetFloats()).isZero();
        assertThat(parallel.minBufferFloats()).isZero();
        assertThat(parallel.description()).contains("not aligned").contains("-XX:ObjectAlignmentInBytes=64");

        PanelAlignment hugeRegions = PanelAlignment.decide(16, Map.of("UseG1GC", "true",
                "G1HeapRegionSize", String.valueOf(64L << 20))::get);
        assertThat(hugeRegions.minBufferFloats()).isZero();
        assertThat(hugeRegions.description()).contains("not aligned");
    }

    @Test
    void unknownBaseOffsetOrOptionsAreNotGuessed() {
        assertThat(PanelAlignment.decide(-1, name -> "64").offsetFloats()).isZero();
        assertThat(PanelAlignment.decide(16, name -> null).description()).contains("not aligned");
    }

    @Test
    void thisJvmGetsADecisionItCanExplain() {
        PanelAlignment a = PanelAlignment.detect();
        assertThat(a.offsetFloats()).isBetween(0, 15);
        assertThat(a.description()).startsWith("packed panels");
    }
}
