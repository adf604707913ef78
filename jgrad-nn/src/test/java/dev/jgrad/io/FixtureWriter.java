package dev.jgrad.io;

import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Softmax;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.optim.OptimizerState;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Wrote {@code src/test/resources/fixtures/model-v1.jgrad} with format 1 (the code that wrote it is gone: this build
 * writes format 2) and writes {@code model-v2.jgrad}, the committed fixtures {@link ModelFileFixtureTest} reads.
 * Run once, only on purpose (the fixtures must not change):
 * {@code mvn -pl jgrad-nn -am test -Dtest=FixtureWriter -Dsurefire.failIfNoSpecifiedTests=false -Djgrad.writeFixtures=true}
 */
class FixtureWriter {

    static Sequential fixtureModel() {
        Random rng = new Random(2024);
        Sequential m = new Sequential(new Linear(2, 3, Initializers.normal(0, 1), rng), new Tanh(),
                new Linear(3, 2, Initializers.normal(0, 1), rng), new Softmax());
        ((Linear) m.get(0)).bias().copyFrom(Tensor.of(new float[]{0.1f, -0.2f, 0.3f}, 3));
        ((Linear) m.get(2)).bias().copyFrom(Tensor.of(new float[]{-0.05f, 0.05f}, 2));
        return m;
    }

    static Map<String, Object> fixtureMetadata() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("class_names", List.of("no", "yes"));
        meta.put("feature_names", List.of("x", "y"));
        meta.put("normalization", Map.of("mean", List.of(0.5, -0.25), "std", List.of(2.0, 1.5)));
        return meta;
    }

    /** The format-2 fixture's model: a catalog activation with a parameter and a dropout layer. */
    static Sequential fixtureModelV2() {
        Random rng = new Random(2026);
        Sequential m = new Sequential(new Linear(2, 3, Initializers.normal(0, 1), rng), new Activation("leaky-relu:0.1"),
                new Dropout(0.25, rng), new Linear(3, 2, Initializers.normal(0, 1), rng));
        ((Linear) m.get(0)).bias().copyFrom(Tensor.of(new float[]{0.1f, -0.2f, 0.3f}, 3));
        return m;
    }

    static ModelCard fixtureCard() {
        ModelCard card = new ModelCard().featureNames(List.of("x", "y")).labelColumn("label").inputShape(2)
                // The plural keys are those the committed fixture was written with; the one spelling now is jgrad-data's
                // Scaler.toMap() ("offset", "scale"), which still reads these (ScalerTest, the CLI's fixture test).
                .normalization("scaler").scaler(Map.of("kind", "standardize", "offsets", List.of(0.5, -0.25),
                        "scales", List.of(2.0, 1.5)))
                .task("classification").classNames(List.of("no", "yes")).outputKind("logits")
                .training("layers", List.of(2, 3, 2)).training("activation", "leaky-relu:0.1")
                .training("loss", "cross-entropy").training("optimizer", Map.of("name", "adam", "lr", 0.01))
                .training("batch_size", 4).training("epochs", 3).training("seed", 7)
                .metric("loss", 0.5).metric("accuracy", 0.75);
        card.put(ModelCard.PROVENANCE, "jgrad_version", "0.1.0-SNAPSHOT");
        card.put(ModelCard.PROVENANCE, "created", "2026-01-01T00:00:00Z");
        card.put(ModelCard.PROVENANCE, "tool", "FixtureWriter");
        card.put(ModelCard.PROVENANCE, "data", "points.csv");
        return card;
    }

    /** Adam's state with recognizable values: m[p][i] = (p + 1) / 100 + i / 1000, v = m squared. */
    static OptimizerState fixtureOptimizerState(Sequential m) {
        List<dev.jgrad.nn.Parameter> params = m.parameters();
        float[][] first = new float[params.size()][];
        float[][] second = new float[params.size()][];
        for (int p = 0; p < params.size(); p++) {
            first[p] = new float[params.get(p).numel()];
            second[p] = new float[params.get(p).numel()];
            for (int i = 0; i < first[p].length; i++) {
                first[p][i] = (p + 1) / 100f + i / 1000f;
                second[p][i] = first[p][i] * first[p][i];
            }
        }
        Map<String, float[][]> buffers = new LinkedHashMap<>();
        buffers.put("m", first);
        buffers.put("v", second);
        return new OptimizerState("Adam", 12, 0.01, buffers);
    }

    @Test
    @EnabledIfSystemProperty(named = "jgrad.writeFixtures", matches = "v2")
    void writeFixtureV2() throws Exception {
        Path file = Path.of("src/test/resources/fixtures/model-v2.jgrad");
        Sequential m = fixtureModelV2();
        ModelFile.save(m, fixtureCard(), Map.of("note", "format 2 fixture"),
                new TrainingState(3, 7, fixtureOptimizerState(m), true), file);
        m.eval();
        print(m.forward(ModelFileFixtureTest.INPUTS).toArray());
    }

    private static void print(float[] p) {
        StringBuilder sb = new StringBuilder();
        for (float v : p) {
            sb.append(Float.toString(v)).append("f, ");
        }
        System.out.println("fixture predictions: " + sb);
    }
}
