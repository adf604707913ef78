package dev.jgrad.io;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Softmax;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes {@code src/test/resources/fixtures/model-v1.jgrad}, the committed format-v1 fixture that
 * {@link ModelFileFixtureTest} reads. Run once, only on purpose (the fixture must not change):
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

    @Test
    @EnabledIfSystemProperty(named = "jgrad.writeFixtures", matches = "true")
    void writeFixture() throws Exception {
        Path file = Path.of("src/test/resources/fixtures/model-v1.jgrad");
        ModelFile.save(fixtureModel(), fixtureMetadata(), file);
        Sequential m = fixtureModel();
        m.eval();
        float[] p = m.forward(ModelFileFixtureTest.INPUTS).toArray();
        StringBuilder sb = new StringBuilder();
        for (float v : p) {
            sb.append(Float.toString(v)).append("f, ");
        }
        System.out.println("fixture predictions: " + sb);
    }
}
