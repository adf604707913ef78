package dev.jgrad.cli;

import dev.jgrad.io.ModelCard;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.io.TrainingState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Trains once on a seeded 2D set, then checks the files written and that eval and predict use the model. */
class TrainEvalPredictTest {

    @TempDir
    static Path dir;

    static Path model;
    static Cli.Result train;

    @BeforeAll
    static void trainOnce() {
        model = dir.resolve("circle.jgrad");
        train = Cli.run("train", "--data", "circle", "--samples", "400", "--epochs", "30", "--seed", "7",
                "--progress", "none", "--out", model.toString());
    }

    @Test
    void trainingSucceedsAndReportsTestAccuracy() {
        assertThat(train.code()).as(train.toString()).isZero();
        assertThat(train.out()).contains("data: circle (synthetic, 2 features, 2 classes): train 280, validation 40, test 80");
        assertThat(train.out()).contains("model: MLP 2-16-16-2 relu, loss cross-entropy, adam lr 0.01, 30 epochs, batch 32, seed 7");
        assertThat(testAccuracy(train.out())).isGreaterThan(0.9);
        assertThat(train.out()).contains("actual \\ predicted").contains("-1").contains("+1");
        assertThat(train.err()).startsWith("jgrad kernels: ");
    }

    @Test
    void writesModelHistoryAndCurves() throws IOException {
        assertThat(model).isRegularFile();
        Path csv = dir.resolve("circle.history.csv");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(31);
        assertThat(rows.get(0)).isEqualTo("epoch,lr,loss,accuracy,val_loss,val_accuracy");
        assertThat(rows.get(1)).startsWith("1,0.01,");
        for (String name : List.of("loss", "accuracy")) {
            byte[] png = Files.readAllBytes(dir.resolve("circle." + name + ".png"));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(Files.readString(dir.resolve("circle." + name + ".svg"))).contains("<svg");
        }
    }

    @Test
    void modelCarriesWhatEvalAndPredictNeed() throws IOException {
        SavedModel saved = ModelFile.load(model);
        ModelCard card = saved.card();
        assertThat(saved.formatVersion()).isEqualTo(2);
        assertThat(card.string(ModelCard.PROVENANCE, "data")).contains("circle");
        assertThat(card.task()).contains("classification");
        assertThat(card.classNames()).containsExactly("-1", "+1");
        assertThat(card.inputShape()).hasValueSatisfying(s -> assertThat(s).containsExactly(2));
        assertThat(card.featureNames()).containsExactly("x1", "x2");
        assertThat(card.outputKind()).contains("logits");
        assertThat(card.section(ModelCard.TRAINING)).containsEntry("loss", "cross-entropy").containsEntry("activation", "relu")
                .containsEntry("epochs", 30).containsEntry("seed", 7).containsEntry("batch_size", 32)
                .containsEntry("layers", List.of(2, 16, 16, 2));
        assertThat(card.object(ModelCard.TRAINING, "optimizer")).hasValueSatisfying(o -> assertThat(o)
                .containsEntry("name", "adam").containsEntry("lr", 0.01).containsKeys("beta1", "beta2", "eps"));
        assertThat(card.metrics()).containsKeys("loss", "accuracy", "val_loss", "val_accuracy", "test_accuracy");
        assertThat(card.section(ModelCard.PROVENANCE)).containsEntry("tool", "jgrad train").containsEntry("seed", 7)
                .containsKeys("jgrad_version", "created");
        TrainingState state = saved.trainingState().orElseThrow();
        assertThat(state.epoch()).isEqualTo(30);
        assertThat(state.seed()).isEqualTo(7);
        assertThat(state.exact()).isTrue();
        assertThat(state.optimizer().type()).isEqualTo("Adam");
        assertThat(state.optimizer().steps()).isEqualTo(30 * 9); // 280 rows in batches of 32
    }

    @Test
    void sameSeedGivesTheSameModelFile() throws IOException {
        Path again = dir.resolve("again.jgrad");
        Cli.Result r = Cli.run("train", "--data", "circle", "--samples", "400", "--epochs", "30", "--seed", "7",
                "--progress", "none", "--out", again.toString());
        assertThat(r.code()).isZero();
        // The same file but for the time it was written (the card's provenance.created).
        SavedModel a = ModelFile.load(model);
        SavedModel b = ModelFile.load(again);
        for (int i = 0; i < a.model().parameters().size(); i++) {
            assertThat(b.model().parameters().get(i).toArray()).containsExactly(a.model().parameters().get(i).toArray());
        }
        assertThat(b.trainingState()).isEqualTo(a.trainingState());
        b.card().put(ModelCard.PROVENANCE, "created", a.card().get(ModelCard.PROVENANCE, "created"));
        assertThat(b.card()).isEqualTo(a.card());
    }

    @Test
    void evalUsesTheSavedModelOnFreshPoints() {
        Cli.Result r = Cli.run("eval", "--model", model.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("data: circle (1000 samples, freshly generated with --seed 1, not the points it was trained on)");
        Matcher m = Pattern.compile("eval accuracy ([0-9.]+)% \\((\\d+)/1000\\)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(90);
        assertThat(r.out()).contains("accuracy 0.9");
    }

    @Test
    void predictShowsClassProbabilitiesForCsvRows() throws IOException {
        // (0, 0) is inside the circle (+1); (4.5, 0) on the outer ring (-1).
        Path points = dir.resolve("points.csv");
        Files.writeString(points, "x1,x2,label\n0,0,+1\n4.5,0,-1\n");
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--input", points.toString(), "--top", "2");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("line 2: \\+1 (9\\d|100)\\.\\d\\d% \\| -1 \\d+\\.\\d\\d%  \\(label \\+1\\)");
        assertThat(r.out()).containsPattern("line 3: -1 (9\\d|100)\\.\\d\\d% \\| \\+1 \\d+\\.\\d\\d%  \\(label -1\\)");
        assertThat(r.out()).contains("2 of 2 labelled rows predicted correctly");
    }

    @Test
    void trainingContinuesFromASavedModel() {
        Path next = dir.resolve("continued.jgrad");
        Cli.Result r = Cli.run("train", "--data", "circle", "--samples", "400", "--epochs", "2", "--model",
                model.toString(), "--progress", "none", "--out", next.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("model: continuing " + model + ": 2-16-16-2 relu");
        assertThat(testAccuracy(r.out())).isGreaterThan(0.9);
    }

    static double testAccuracy(String out) {
        Matcher m = Pattern.compile("test accuracy ([0-9.]+)%").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1)) / 100;
    }
}
