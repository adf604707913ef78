package dev.jgrad.io;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Model files made to hurt: huge claimed layers, non-finite weights, headers of the wrong shape. */
class HostileModelFileTest {

    private static final String HUGE = "{\"architecture\":{\"type\":\"Linear\",\"in_features\":20000,"
            + "\"out_features\":20000,\"bias\":true},\"parameters\":[{\"name\":\"weight\",\"shape\":[20000,20000]},"
            + "{\"name\":\"bias\",\"shape\":[20000]}],\"metadata\":{}}";

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aHeaderClaimingAHugeLayerIsRefusedBeforeAnythingIsAllocatedForIt() {
        byte[] bytes = ModelBytes.of(HUGE, 6, 1, 2, 3, 4, 5, 6);
        long before = allocatedByThisThread();
        assertThatThrownBy(() -> ModelFile.read(bytes, Path.of("huge.jgrad")))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model file huge.jgrad: corrupt: the header lists 400020000 weights but the file holds 6");
        long allocated = allocatedByThisThread() - before;
        // Building the layer would take 1.6 GB; the refusal must cost next to nothing (JSON parsing, the message).
        assertThat(allocated).as("bytes allocated while refusing").isLessThan(16L << 20);
    }

    @Test
    void aWeightCountLargerThanTheFileIsTruncationNotAnAllocation() {
        byte[] bytes = ModelBytes.of(HUGE, 400020000, 1, 2);
        assertThatThrownBy(() -> ModelFile.read(bytes, Path.of("huge.jgrad")))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("truncated: expected 1600080");
    }

    @Test
    void sizesThatOverflowAreRefused() {
        String header = "{\"architecture\":{\"type\":\"Sequential\",\"layers\":["
                + "{\"type\":\"Linear\",\"in_features\":2147483647,\"out_features\":2147483647,\"bias\":true},"
                + "{\"type\":\"Linear\",\"in_features\":2147483647,\"out_features\":2147483647,\"bias\":true},"
                + "{\"type\":\"Linear\",\"in_features\":2147483647,\"out_features\":2147483647,\"bias\":true}]},"
                + "\"parameters\":[],\"metadata\":{}}";
        assertThatThrownBy(() -> ModelFile.read(ModelBytes.of(header, 0), Path.of("x.jgrad")))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model file x.jgrad: corrupt: the header's sizes overflow");
        String negative = "{\"architecture\":{\"type\":\"Linear\",\"in_features\":-3,\"out_features\":2,\"bias\":true},"
                + "\"parameters\":[],\"metadata\":{}}";
        assertThatThrownBy(() -> ModelFile.read(ModelBytes.of(negative, 0), Path.of("x.jgrad")))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model file x.jgrad: cannot rebuild the model: Linear at architecture: \"in_features\" must be "
                        + "positive, got -3");
    }

    @Test
    void aParameterEntryThatIsNotAnObjectIsCorruptionNotAClassCastException() {
        String header = "{\"architecture\":{\"type\":\"Linear\",\"in_features\":1,\"out_features\":1,\"bias\":false},"
                + "\"parameters\":[7],\"metadata\":{}}";
        assertThatThrownBy(() -> ModelFile.read(ModelBytes.of(header, 1, 0.5f), Path.of("x.jgrad")))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model file x.jgrad: corrupt: parameters[0] is not a JSON object");
    }

    @Test
    void nanAndInfiniteWeightsAreRefusedWithTheParameterName(@TempDir Path dir) throws Exception {
        for (float bad : new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            Sequential m = new Sequential(new Linear(2, 3, Initializers.normal(0, 1), new Random(1)), new Tanh(),
                    new Linear(3, 1, Initializers.normal(0, 1), new Random(2)));
            ((Linear) m.get(2)).weight().data()[1] = bad;
            Path file = dir.resolve("bad.jgrad");
            ModelFile.save(m, Map.of(), file);
            assertThatThrownBy(() -> ModelFile.load(file))
                    .isInstanceOf(ModelFileException.class)
                    .hasMessage("model file " + file + ": parameter 2.weight holds " + bad + " at index 1; a model with "
                            + "NaN or infinite weights is not usable (was it saved after training diverged?)");
        }
    }

    @Test
    void aDirectoryOrFifoIsNotReadAsAModel(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ModelFile.load(dir))
                .isInstanceOf(ModelFileException.class).hasMessage("model file " + dir + ": not a regular file");
        Path fifo = dir.resolve("pipe.jgrad");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            // Reading would block forever waiting for a writer.
            assertThatThrownBy(() -> ModelFile.load(fifo))
                    .isInstanceOf(ModelFileException.class).hasMessage("model file " + fifo + ": not a regular file");
        }
        assertThat(Files.exists(fifo)).isTrue();
    }
}
