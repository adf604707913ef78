package dev.jgrad.io;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The two metadata dialects of format 1 become one card. */
class LegacyMetadataTest {

    @Test
    void theCommandLinesDialect() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "jgrad-cli/1");
        m.put("dataset", "iris.csv");
        m.put("dataKind", "csv");
        m.put("task", "classification");
        m.put("classNames", List.of("setosa", "versicolor", "virginica"));
        m.put("inputShape", List.of(4));
        m.put("features", "sl,sw,pl,pw");
        m.put("normalization", "scaler");
        m.put("scaler", Map.of("kind", "standardize"));
        m.put("loss", "cross-entropy");
        m.put("activation", "relu");
        m.put("output", "logits");
        m.put("layers", List.of(4, 32, 3));
        m.put("optimizer", "adam");
        m.put("lr", 0.01);
        m.put("batchSize", 32);
        m.put("epochs", 50);
        m.put("seed", 42);
        m.put("testAccuracy", 0.96);
        m.put("jgradVersion", "0.1.0");
        ModelCard c = LegacyMetadata.toCard(m);
        assertThat(c.featureNames()).containsExactly("sl", "sw", "pl", "pw");
        assertThat(c.inputShape()).hasValueSatisfying(s -> assertThat(s).containsExactly(4));
        assertThat(c.normalization()).contains("scaler");
        assertThat(c.scaler()).contains(Map.of("kind", "standardize"));
        assertThat(c.task()).contains("classification");
        assertThat(c.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(c.outputKind()).contains("logits");
        assertThat(c.section(ModelCard.TRAINING)).containsEntry("activation", "relu").containsEntry("loss", "cross-entropy")
                .containsEntry("layers", List.of(4, 32, 3)).containsEntry("batch_size", 32).containsEntry("epochs", 50)
                .containsEntry("optimizer", Map.of("name", "adam", "lr", 0.01));
        assertThat(c.metrics()).containsEntry("test_accuracy", 0.96);
        assertThat(c.section(ModelCard.PROVENANCE)).containsEntry("jgrad_version", "0.1.0").containsEntry("data", "iris.csv");
    }

    @Test
    void thePlaygroundsDialectWithOneBinaryOutput() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("playgroundState", "{\"dataset\":\"circle\",\"layers\":[4,2]}");
        m.put("features", "x1,x2");
        m.put("epoch", 12);
        m.put("task", "classification");
        m.put("playgroundOutput", "tanh");
        m.put("numClasses", 2);
        ModelCard c = LegacyMetadata.toCard(m);
        assertThat(c.featureNames()).containsExactly("x1", "x2");
        assertThat(c.outputKind()).contains("tanh");
        assertThat(c.classNames()).containsExactly("0", "1");
        assertThat(c.section(ModelCard.TRAINING)).containsEntry("epochs", 12);
        assertThat(c.object("playground", "state")).contains(Map.of("dataset", "circle", "layers", List.of(4, 2)));

        m.put("playgroundOutput", "score");
        assertThat(LegacyMetadata.toCard(m).outputKind()).contains("margin");
        m.put("task", "regression");
        assertThat(LegacyMetadata.toCard(m).outputKind()).contains("value");
        assertThat(LegacyMetadata.toCard(m).classNames()).isEmpty();
    }
}
