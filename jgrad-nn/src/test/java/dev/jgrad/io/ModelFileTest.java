package dev.jgrad.io;

import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.GELU;
import dev.jgrad.nn.Identity;
import dev.jgrad.nn.LeakyReLU;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Softmax;
import dev.jgrad.nn.Step;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFileTest {

    @TempDir
    Path dir;

    private static Sequential everyLayer() {
        Random rng = new Random(5);
        Sequential m = new Sequential(new Linear(3, 6, Initializers.heNormal(), rng), new GELU(), new Dropout(0.2f, rng),
                new Linear(6, 5, rng), new LeakyReLU(0.05f), new Linear(5, 4, false, Initializers.glorotNormal(), rng),
                new ReLU(), new Identity(), new Tanh(), new Sigmoid(), new Linear(4, 3, rng), new Softmax(1));
        // Non-zero biases, so they are really saved.
        for (Parameter p : m.parameters()) {
            float[] d = p.data();
            for (int i = 0; i < d.length; i++) {
                d[i] += 0.01f * i;
            }
        }
        return m;
    }

    @Test
    void saveThenLoadGivesBitIdenticalPredictions() throws Exception {
        Sequential m = everyLayer();
        Path file = dir.resolve("model.jgrad");
        Map<String, Object> meta = Map.of("class_names", List.of("a", "b", "c"),
                "normalization", Map.of("mean", List.of(1.5, 2.0, -3.0)), "input_features", List.of("u", "v", "w"));
        ModelFile.save(m, meta, file);
        SavedModel loaded = ModelFile.load(file);

        assertThat(loaded.model().toString()).isEqualTo(m.toString());
        assertThat(loaded.model().namedParameters().keySet()).containsExactlyElementsOf(m.namedParameters().keySet());
        assertThat(loaded.model().isTraining()).isFalse();
        assertThat(loaded.metadata()).isEqualTo(meta);
        m.eval();
        Tensor x = Tensor.randn(new Random(9), 16, 3);
        assertThat(loaded.model().forward(x).toArray()).containsExactly(m.forward(x).toArray());
        // Only the target remains in the directory: the temporary file was moved into place.
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model.jgrad");
        }
    }

    @Test
    void fileLayoutIsMagicVersionHeaderWeightsChecksum() throws Exception {
        Linear l = new Linear(2, 1, Initializers.constant(0.5f), new Random(0));
        Path file = dir.resolve("linear.jgrad");
        ModelFile.save(l, Map.of(), file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("JGRAD");
        assertThat(b.getInt(5)).isEqualTo(2);
        int h = b.getInt(9);
        assertThat(new String(bytes, 13, h, StandardCharsets.UTF_8)).isEqualTo("{\"architecture\":{\"type\":\"Linear\","
                + "\"in_features\":2,\"out_features\":1,\"bias\":true},\"parameters\":[{\"name\":\"weight\",\"shape\":[1,2]},"
                + "{\"name\":\"bias\",\"shape\":[1]}],\"card\":{},\"metadata\":{}}");
        assertThat(b.getInt(13 + h)).isEqualTo(3);
        assertThat(b.getFloat(17 + h)).isEqualTo(0.5f);
        assertThat(b.getFloat(25 + h)).isEqualTo(0f);
        assertThat(bytes).hasSize(17 + h + 12 + 4);
        assertThat(ModelFile.load(file).model()).isInstanceOf(Linear.class);
    }

    @Test
    void savingReplacesAnExistingFile() throws Exception {
        Path file = dir.resolve("m.jgrad");
        ModelFile.save(new Linear(2, 2, new Random(1)), Map.of("v", 1), file);
        ModelFile.save(new Linear(2, 3, new Random(1)), Map.of("v", 2), file);
        SavedModel s = ModelFile.load(file);
        assertThat(s.metadata()).containsEntry("v", 2);
        assertThat(((Linear) s.model()).outFeatures()).isEqualTo(3);
    }

    private Path saved() throws Exception {
        Path file = dir.resolve("good.jgrad");
        ModelFile.save(everyLayer(), Map.of("k", "v"), file);
        return file;
    }

    @Test
    void truncatedFilesAreReportedAsTruncated() throws Exception {
        byte[] bytes = Files.readAllBytes(saved());
        for (int keep : new int[]{3, 12, 40, bytes.length - 100, bytes.length - 1}) {
            Path cut = dir.resolve("cut-" + keep + ".jgrad");
            Files.write(cut, Arrays.copyOf(bytes, keep));
            assertThatThrownBy(() -> ModelFile.load(cut)).isInstanceOf(ModelFileException.class)
                    .hasMessageStartingWith("model file " + cut + ": truncated");
        }
    }

    @Test
    void flippedBitsFailTheChecksum() throws Exception {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 0x10;
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model file " + file + ": corrupt: checksum mismatch (stored ")
                .hasMessageEndingWith("the file was damaged after it was written");
    }

    @Test
    void otherFilesAreNotJgradModels() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, world");
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessage("model file " + file + ": not a jgrad model file (it does not start with the magic bytes \"JGRAD\")");
        Path empty = dir.resolve("empty.jgrad");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> ModelFile.load(empty)).hasMessageContaining("not a jgrad model file");
        Path missing = dir.resolve("missing.jgrad");
        assertThatThrownBy(() -> ModelFile.load(missing)).hasMessage("model file " + missing + ": no such file");
    }

    @Test
    void newerFormatVersionsAreRefusedWithAnUpgradeHint() throws Exception {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(5, 3);
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessage("model file " + file + ": format version 3 is newer than this jgrad can read (up to 2); upgrade jgrad to load it");
    }

    @Test
    void customModulesCannotBeSavedAndSaySo() {
        Module custom = new Module() {
            @Override
            public Tensor forward(Tensor x) {
                return x;
            }

            @Override
            public String typeName() {
                return "MyLayer";
            }
        };
        Path file = dir.resolve("custom.jgrad");
        assertThatThrownBy(() -> ModelFile.save(new Sequential(new Step(), custom), Map.of(), file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model file " + file + ": cannot describe layer type 'MyLayer'")
                .hasMessageContaining("register it with LayerRegistry.register(LayerType.of(\"MyLayer\"");
        assertThat(Files.exists(file)).isFalse();
    }
}
