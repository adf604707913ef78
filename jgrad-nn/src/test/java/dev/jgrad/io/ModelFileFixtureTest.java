package dev.jgrad.io;

import dev.jgrad.nn.Sequential;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed format-1 and format-2 files (written once by {@link FixtureWriter}) must stay readable and give the
 * same predictions, bit for bit, in every later version.
 */
class ModelFileFixtureTest {

    static final Tensor INPUTS = Tensor.of(new float[]{0, 0, 1, -1, 0.5f, 2, -3, 0.25f}, 4, 2);

    // Printed by FixtureWriter when the fixture was generated (softmax rows of 2 classes for the 4 inputs).
    private static final float[] EXPECTED = {0.60610884f, 0.3938912f, 0.52440524f, 0.47559473f, 0.9574808f, 0.0425192f,
        0.8709633f, 0.1290367f};

    @Test
    void theV1FixtureLoadsAndPredictsAsWhenItWasWritten() throws Exception {
        Path file = Path.of("src/test/resources/fixtures/model-v1.jgrad");
        SavedModel saved = ModelFile.load(file);
        assertThat(saved.model()).isInstanceOf(Sequential.class);
        assertThat(saved.model().toString()).isEqualTo("""
                Sequential(
                  (0): Linear(in_features=2, out_features=3, bias=true)  weight [3, 2], bias [3]  9 params
                  (1): Tanh()
                  (2): Linear(in_features=3, out_features=2, bias=true)  weight [2, 3], bias [2]  8 params
                  (3): Softmax(axis=-1)
                )  total 17 params""");
        assertThat(saved.metadata()).containsEntry("class_names", List.of("no", "yes"))
                .containsEntry("feature_names", List.of("x", "y"))
                .containsEntry("normalization", Map.of("mean", List.of(0.5, -0.25), "std", List.of(2.0, 1.5)));
        float[] predicted = saved.model().forward(INPUTS).toArray();
        // Kernels may round differently (FMA, summation order), so the recorded numbers get float32 slack...
        assertThat(predicted).usingComparatorWithPrecision(1e-6f).containsExactly(EXPECTED);
        // ...while the weights must be exactly those of the model it was made from: bit-identical predictions.
        Sequential original = FixtureWriter.fixtureModel();
        original.eval();
        assertThat(predicted).containsExactly(original.forward(INPUTS).toArray());
    }

    private static final float[] EXPECTED_V2 = {-0.13340327f, -0.48343235f, -0.31517744f, -0.9079148f, 2.9329128f,
        1.4961816f, -0.18105851f, -0.12057036f};

    @Test
    void theV1FixturesMetadataIsReadIntoACard() throws Exception {
        SavedModel saved = ModelFile.load(Path.of("src/test/resources/fixtures/model-v1.jgrad"));
        assertThat(saved.formatVersion()).isEqualTo(1);
        assertThat(saved.trainingState()).isEmpty();
        // This fixture's metadata is in no tool's dialect: nothing is invented for the card.
        assertThat(saved.card().isEmpty()).isTrue();
    }

    @Test
    void theV2FixtureLoadsWithItsCardAndTrainingState() throws Exception {
        SavedModel saved = ModelFile.load(Path.of("src/test/resources/fixtures/model-v2.jgrad"));
        assertThat(saved.formatVersion()).isEqualTo(2);
        assertThat(saved.model().toString()).isEqualTo("""
                Sequential(
                  (0): Linear(in_features=2, out_features=3, bias=true)  weight [3, 2], bias [3]  9 params
                  (1): Activation(function=leaky-relu:0.1)
                  (2): Dropout(p=0.25)
                  (3): Linear(in_features=3, out_features=2, bias=true)  weight [2, 3], bias [2]  8 params
                )  total 17 params""");
        float[] predicted = saved.model().forward(INPUTS).toArray();
        assertThat(predicted).usingComparatorWithPrecision(1e-6f).containsExactly(EXPECTED_V2);
        Sequential original = FixtureWriter.fixtureModelV2();
        original.eval();
        assertThat(predicted).containsExactly(original.forward(INPUTS).toArray());

        assertThat(saved.card()).isEqualTo(FixtureWriter.fixtureCard());
        assertThat(saved.card().classNames()).containsExactly("no", "yes");
        assertThat(saved.card().labelColumn()).contains("label");
        assertThat(saved.metadata()).containsExactly(Map.entry("note", "format 2 fixture"));
        TrainingState t = saved.trainingState().orElseThrow();
        assertThat(t.epoch()).isEqualTo(3);
        assertThat(t.seed()).isEqualTo(7);
        assertThat(t.exact()).isTrue();
        assertThat(t.optimizer()).isEqualTo(FixtureWriter.fixtureOptimizerState(original));
        assertThat(t.optimizer().buffers().get("v")[2][1]).isEqualTo(0.031f * 0.031f);
    }
}
