package dev.jgrad.io;

import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.OptimizerState;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Format 2: the model card, the training state (optimizer buffers after the weights) and the header's size checks. */
class ModelFileV2Test {

    @TempDir
    Path dir;

    private static Sequential net() {
        Random rng = new Random(11);
        return new Sequential(new Linear(3, 4, rng), new Tanh(), new Dropout(0.25, rng), new Linear(4, 2, rng));
    }

    /** An Adam state after two real steps, so m and v hold distinct non-zero values. */
    private static OptimizerState adamState(Sequential m) {
        Adam adam = new Adam(m.parameters(), 0.01);
        Tensor x = Tensor.randn(new Random(3), 5, 3);
        for (int s = 0; s < 2; s++) {
            adam.zeroGrad();
            Tensor y = m.forward(x);
            y.mul(y).mean().backward();
            adam.step();
        }
        return adam.state();
    }

    @Test
    void theCardAndTheTrainingStateRoundTrip() throws Exception {
        Sequential m = net();
        OptimizerState opt = adamState(m);
        ModelCard card = new ModelCard().featureNames(List.of("a", "b", "c")).labelColumn("kind").inputShape(3)
                .normalization("scaler").scaler(Map.of("kind", "standardize", "offset", List.of(1.0, 2.0, 3.0), "scale", List.of(1.0, 1.0, 2.0)))
                .task("classification").classNames(List.of("no", "yes")).outputKind("logits")
                .training("activation", "tanh").training("optimizer", Map.of("name", "adam", "lr", 0.01))
                .metric("loss", 0.25).metric("val_loss", Double.NaN)
                .provenance("test", 7L, dir.toString());
        card.put("my-tool", "anything", List.of(1, "two"));
        Path file = dir.resolve("m.jgrad");
        ModelFile.save(m, card, Map.of("note", "hi"), new TrainingState(2, 42, opt, true), file);

        SavedModel s = ModelFile.load(file);
        assertThat(s.formatVersion()).isEqualTo(2);
        assertThat(s.card()).isEqualTo(card);
        assertThat(s.card().featureNames()).containsExactly("a", "b", "c");
        assertThat(s.card().inputShape()).hasValueSatisfying(shape -> assertThat(shape).containsExactly(3));
        assertThat(s.card().metrics()).containsExactly(Map.entry("loss", 0.25)); // NaN is left out
        assertThat(s.card().string(ModelCard.PROVENANCE, "data_absolute")).contains(dir.toAbsolutePath().toString());
        assertThat(s.card().get("my-tool", "anything")).isEqualTo(List.of(1, "two"));
        assertThat(s.card().string(ModelCard.PROVENANCE, "jgrad_version")).hasValueSatisfying(v -> assertThat(v).matches("\\d+\\.\\d+.*"));
        assertThat(s.metadata()).containsExactly(Map.entry("note", "hi"));
        TrainingState t = s.trainingState().orElseThrow();
        assertThat(t.epoch()).isEqualTo(2);
        assertThat(t.seed()).isEqualTo(42);
        assertThat(t.exact()).isTrue();
        assertThat(t.optimizer()).isEqualTo(opt); // buffers bit for bit, steps, lr
        assertThat(t.optimizer().steps()).isEqualTo(2);
        assertThat(t.optimizer().buffers().get("m")[0]).isNotEqualTo(new float[12]);
    }

    @Test
    void aFileWithoutTrainingStateHasNone() throws Exception {
        Path file = dir.resolve("m.jgrad");
        ModelFile.save(net(), Map.of(), file);
        SavedModel s = ModelFile.load(file);
        assertThat(s.trainingState()).isEmpty();
        assertThat(s.card().isEmpty()).isTrue();
    }

    /** Replaces the header JSON of a saved file, fixing the header length and the checksum, keeping the floats. */
    static byte[] withHeader(byte[] bytes, String json) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int h = in.getInt(9);
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        int rest = bytes.length - 13 - h - 4;
        ByteBuffer out = ByteBuffer.allocate(13 + header.length + rest + 4).order(ByteOrder.LITTLE_ENDIAN);
        out.put(bytes, 0, 9).putInt(header.length).put(header).put(bytes, 13 + h, rest);
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    static String header(byte[] bytes) {
        int h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(9);
        return new String(bytes, 13, h, StandardCharsets.UTF_8);
    }

    @Test
    void sizesInTheHeaderMustAddUpToTheFloatsInTheFile() throws Exception {
        Sequential m = net();
        Path file = dir.resolve("m.jgrad");
        ModelFile.save(m, new ModelCard(), new TrainingState(1, 1, adamState(m), true), file);
        byte[] bytes = Files.readAllBytes(file);
        String json = header(bytes);

        // An optimizer buffer claiming two billion floats: refused from the header, nothing allocated.
        Path huge = dir.resolve("huge.jgrad");
        Files.write(huge, withHeader(bytes, json.replaceFirst("\"sizes\":\\[12,", "\"sizes\":[2000000000,")));
        assertThatThrownBy(() -> ModelFile.load(huge)).isInstanceOf(ModelFileException.class)
                .hasMessage("model file " + huge + ": corrupt: the header lists 26 weights and 2000000040 optimizer-state"
                        + " values but the file holds 78");

        // A layer claiming a huge weight matrix: refused before the layer is built.
        Path wide = dir.resolve("wide.jgrad");
        Files.write(wide, withHeader(bytes, json.replaceFirst("\"out_features\":4", "\"out_features\":400000000")));
        assertThatThrownBy(() -> ModelFile.load(wide)).isInstanceOf(ModelFileException.class)
                .hasMessage("model file " + wide + ": corrupt: the architecture needs 1600000010 weights but the file holds 26");

        Path negative = dir.resolve("negative.jgrad");
        Files.write(negative, withHeader(bytes, json.replaceFirst("\"shape\":\\[4,3]", "\"shape\":[-4,3]")));
        assertThatThrownBy(() -> ModelFile.load(negative)).isInstanceOf(ModelFileException.class)
                .hasMessage("model file " + negative + ": corrupt: parameter 0.weight: shape [-4, 3] must hold integers >= 0");

        Path noSteps = dir.resolve("no-steps.jgrad");
        Files.write(noSteps, withHeader(bytes, json.replaceFirst("\"steps\":2", "\"steps\":\"two\"")));
        assertThatThrownBy(() -> ModelFile.load(noSteps)).isInstanceOf(ModelFileException.class)
                .hasMessage("model file " + noSteps + ": corrupt: training_state.optimizer.steps must be an integer >= 0, got two");

        Path badCard = dir.resolve("bad-card.jgrad");
        Files.write(badCard, withHeader(bytes, json.replaceFirst("\"card\":\\{}", "\"card\":{\"inputs\":3}")));
        assertThatThrownBy(() -> ModelFile.load(badCard)).isInstanceOf(ModelFileException.class)
                .hasMessage("model file " + badCard + ": corrupt: model card: section \"inputs\" must be a JSON object, got 3");
    }

    @Test
    void aLayerTypeTheFileNamesButNobodyRegisteredIsReported() throws Exception {
        Path file = dir.resolve("m.jgrad");
        ModelFile.save(net(), Map.of(), file);
        byte[] bytes = Files.readAllBytes(file);
        Path other = dir.resolve("other.jgrad");
        Files.write(other, withHeader(bytes, header(bytes).replace("\"Tanh\"", "\"Wobble\"")));
        assertThatThrownBy(() -> ModelFile.load(other)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model file " + other + ": cannot rebuild the model: unknown layer type 'Wobble' at"
                        + " architecture.layers[1] (known: Sequential, Linear, Activation, ")
                .hasMessageEndingWith("; a program's own layer joins with LayerRegistry.register)");
    }
}
