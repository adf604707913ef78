package dev.jgrad.cli;

import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.data.PointSet;
import dev.jgrad.playground.engine.JgradEngine;
import dev.jgrad.playground.state.PlaygroundState;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model saved by the playground (TF Playground's setup: one tanh output against -1/+1 labels) predicts in
 * {@code jgrad predict} and {@code jgrad eval} exactly as the playground classifies: the card's output kind says
 * how to read the single column, its class names are the command line's names for the same data.
 */
class PlaygroundModelTest {

    @TempDir
    Path dir;

    @Test
    void aOneOutputBinaryPlaygroundModelPredictsTheSameInTheCommandLine() throws Exception {
        PlaygroundState state = PlaygroundState.defaults(); // circle, 2-4-2-1 tanh, squared error: one tanh output
        DataSplit split = DataSplit.of(state);
        JgradEngine engine = new JgradEngine(state, split);
        for (int e = 0; e < 150; e++) {
            engine.trainEpoch();
        }
        double playgroundAccuracy = engine.scores().testAccuracy();
        assertThat(playgroundAccuracy).isGreaterThan(0.8); // trained (reading the one column wrong gives 50% or 0%)
        Path model = dir.resolve("playground.jgrad");
        engine.save(model, java.util.Map.of()); // what the playground's "save model" button writes

        SavedModel saved = ModelFile.load(model);
        assertThat(saved.card().outputKind()).contains("tanh");
        assertThat(saved.card().classNames()).containsExactly("-1", "+1");
        assertThat(saved.model().parameters().get(saved.model().parameters().size() - 1).numel()).isEqualTo(1);

        // The test points with their labels, and the class the playground's own network gives each.
        PointSet test = split.test();
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        float[] xy = new float[2 * test.size()];
        for (int i = 0; i < test.size(); i++) {
            xy[2 * i] = test.x1()[i];
            xy[2 * i + 1] = test.x2()[i];
            csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", Float.toString(test.x1()[i]), Float.toString(test.x2()[i]),
                    test.label()[i] > 0.5f ? "+1" : "-1"));
        }
        saved.model().eval();
        float[] out = saved.model().forward(Tensor.of(xy, test.size(), 2)).toArray();
        Path points = dir.resolve("points.csv");
        Files.writeString(points, csv);

        Cli.Result predict = Cli.run("predict", "--model", model.toString(), "--input", points.toString(), "--top", "1");
        assertThat(predict.code()).as(predict.toString()).isZero();
        List<String> predicted = new ArrayList<>();
        Matcher m = Pattern.compile("line \\d+: ([-+]1) (\\d+\\.\\d\\d)%").matcher(predict.out());
        while (m.find()) {
            predicted.add(m.group(1));
            assertThat(Double.parseDouble(m.group(2))).isGreaterThanOrEqualTo(50.0);
        }
        assertThat(predicted).hasSize(test.size());
        for (int i = 0; i < test.size(); i++) {
            assertThat(predicted.get(i)).as("row %d, output %s", i, out[i]).isEqualTo(out[i] > 0 ? "+1" : "-1");
        }
        long correct = Math.round(playgroundAccuracy * test.size());
        assertThat(predict.out()).contains(correct + " of " + test.size() + " labelled rows predicted correctly");

        Cli.Result eval = Cli.run("eval", "--model", model.toString(), "--data", points.toString(), "--label", "label");
        assertThat(eval.code()).as(eval.toString()).isZero();
        assertThat(eval.out()).contains("(" + correct + "/" + test.size() + ")");
    }

    @Test
    void aPlaygroundModelResumesInTheCommandLineLikeOneItSaved() throws Exception {
        // A setup the command line trains too: cross-entropy on two logits, Adam.
        PlaygroundState d = PlaygroundState.defaults();
        PlaygroundState state = new PlaygroundState("spiral", d.classes(), 10, 50, 7, 7, d.features(), List.of(8, 8),
                List.of("tanh", "tanh"), "classification", "cross-entropy", "adam", d.initializer(), 0, 0.01, "none", 0, 10,
                0, 1, 0, false, false, false, List.of(), java.util.Map.of(), List.of(), List.of());
        JgradEngine engine = new JgradEngine(state, DataSplit.of(state));
        for (int e = 0; e < 4; e++) engine.trainEpoch();
        Path model = dir.resolve("playground.jgrad");
        engine.save(model, java.util.Map.of());

        SavedModel saved = ModelFile.load(model);
        assertThat(saved.training().epoch()).isEqualTo(4);
        assertThat(saved.training().optimizer()).isNotNull();

        Cli.Result resumed = Cli.run("train", "--resume", model.toString(), "--epochs", "6");
        assertThat(resumed.code()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("data: spiral").contains("continuing " + model)
                .contains("loss cross-entropy, adam lr 0.01").contains("resuming after epoch 4 of 6");
        assertThat(ModelFile.load(model).training().epoch()).isEqualTo(6);
    }
}
