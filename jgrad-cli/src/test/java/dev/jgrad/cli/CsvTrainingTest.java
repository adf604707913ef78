package dev.jgrad.cli;

import dev.jgrad.io.ModelCard;
import dev.jgrad.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A CSV file with text labels: scaling saved with the model, early stopping, eval on the whole file (asked for). */
class CsvTrainingTest {

    @Test
    void trainsWithEarlyStoppingAndEvaluatesWithTheSavedScaler(@TempDir Path dir) throws Exception {
        // Three blobs far from the origin and with different spreads, so standardizing matters.
        StringBuilder csv = new StringBuilder("width,height,kind\n");
        Random rng = new Random(5);
        String[] kinds = {"small", "medium", "large"};
        for (int i = 0; i < 150; i++) {
            int k = i % 3;
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", 100 + 10 * k + rng.nextGaussian(),
                    1000 + 300 * k + 60 * rng.nextGaussian(), kinds[k]));
        }
        Path data = dir.resolve("shapes.csv");
        Files.writeString(data, csv);
        Path model = dir.resolve("shapes.jgrad");
        Cli.Result r = Cli.run("train", "--data", data.toString(), "--epochs", "500", "--early-stopping", "3",
                "--progress", "none", "--out", model.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("train 105, validation 15, test 30, features scaled (standardize)")
                .contains("model: MLP 2-32-3 relu, loss cross-entropy, adam lr 0.01")
                .contains("stopped: early stopping at epoch");
        assertThat(TrainEvalPredictTest.testAccuracy(r.out())).isGreaterThan(0.9);

        ModelCard card = ModelFile.load(model).card();
        assertThat(card.classNames()).containsExactly("large", "medium", "small");
        assertThat(card.featureNames()).containsExactly("width", "height");
        assertThat(card.normalization()).contains("scaler");
        Map<String, Object> scaler = card.scaler().orElseThrow();
        assertThat(scaler).containsEntry("kind", "standardize");
        assertThat((List<?>) scaler.get("offset")).hasSize(2);
        assertThat(card.string(ModelCard.PROVENANCE, "data_absolute")).contains(data.toAbsolutePath().toString());
        // Early stopping put the best epoch's weights back: resuming would not repeat an uninterrupted run.
        assertThat(ModelFile.load(model).trainingState().orElseThrow().exact()).isFalse();

        // The whole file, training rows included, only when asked for by name (without --data eval refuses).
        Cli.Result eval = Cli.run("eval", "--model", model.toString(), "--data", data.toString());
        assertThat(eval.code()).as(eval.toString()).isZero();
        assertThat(eval.out()).contains("data: " + data + " (150 samples)").containsPattern("eval accuracy (9\\d|100)\\.\\d\\d% \\(\\d+/150\\)");
        assertThat(eval.out()).contains("large").contains("medium").contains("small");
    }
}
