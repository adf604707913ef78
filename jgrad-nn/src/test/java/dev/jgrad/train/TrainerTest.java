package dev.jgrad.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.LrSchedule;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerTest {

    /** y = 2 x0 - x1 + 0.5 on 64 seeded points. */
    private static Tensor[] regression(int n, long seed, float sign) {
        Random rng = new Random(seed);
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) rng.nextGaussian();
            x[2 * i + 1] = (float) rng.nextGaussian();
            y[i] = sign * (2 * x[2 * i] - x[2 * i + 1] + 0.5f);
        }
        return new Tensor[]{Tensor.of(x, n, 2), Tensor.of(y, n, 1)};
    }

    private static Sequential model(long seed) {
        Random rng = new Random(seed);
        return new Sequential(new Linear(2, 8, rng), new Tanh(), new Linear(8, 1, rng));
    }

    @Test
    void hugeLearningRateStopsWithAMessageNamingEpochStepAndCause() {
        Tensor[] d = regression(64, 1, 1);
        Sequential m = model(2);
        History h = Trainer.builder(m, new MSELoss(), new SGD(m.parameters(), 10.0))
                .epochs(20).batchSize(8).build().fit(d[0], d[1]);
        assertThat(h.diverged()).isTrue();
        assertThat(h.size()).isLessThan(20);
        assertThat(h.stopReason()).hasValueSatisfying(msg -> assertThat(msg)
                .matches("loss became (NaN|infinite \\(Infinity\\)) at epoch \\d+, step \\d+: "
                        + "the learning rate \\(10\\.0\\) is probably too high.*"));
        Sequential again = model(2);
        assertThatThrownBy(() -> Trainer.builder(again, new MSELoss(), new SGD(again.parameters(), 10.0))
                .epochs(20).batchSize(8).failOnDivergence().build().fit(d[0], d[1]))
                .isInstanceOf(TrainingDivergedException.class).hasMessageContaining("is probably too high");
    }

    @Test
    void nanInputsAreBlamedOnTheData() {
        Tensor[] d = regression(8, 1, 1);
        float[] x = d[0].toArray();
        x[5] = Float.NaN;
        Sequential m = model(2);
        History h = Trainer.builder(m, new MSELoss(), new SGD(m.parameters(), 0.01)).epochs(2).batchSize(4).build()
                .fit(Tensor.of(x, 8, 2), d[1]);
        assertThat(h.stopReason()).hasValue("loss became NaN at epoch 1, step 1: the input batch contains NaN or infinite"
                + " values; check the data and its normalization");
    }

    @Test
    void historyHasPerEpochValuesAndSavesAsCsvAndJson(@TempDir Path dir) throws Exception {
        Tensor[] d = regression(64, 1, 1);
        Tensor[] v = regression(32, 9, 1);
        Sequential m = model(2);
        History h = Trainer.builder(m, new MSELoss(), new Adam(m.parameters(), 0.05))
                .epochs(5).batchSize(16).shuffle(3).validation(v[0], v[1]).metrics(Metrics.mse(), Metrics.r2())
                .build().fit(d[0], d[1]);
        assertThat(h.size()).isEqualTo(5);
        assertThat(h.keys()).containsExactly("loss", "mse", "r2", "val_loss", "val_mse", "val_r2");
        assertThat(h.valLoss().get(4)).isLessThan(h.valLoss().get(0));
        // With MSE as both loss and metric, the validation loss and val_mse agree.
        assertThat(h.last().get("val_loss")).isCloseTo(h.last().get("val_mse"), org.assertj.core.api.Assertions.within(1e-5));
        assertThat(h.stopReason()).isEmpty();

        Path csv = dir.resolve("history.csv");
        h.saveCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("epoch,lr,loss,mse,r2,val_loss,val_mse,val_r2");
        assertThat(lines.get(1)).startsWith("1,0.05," + h.trainLoss().get(0) + ",");

        Path json = dir.resolve("history.json");
        h.saveJson(json);
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("epochs")).hasSize(5);
        assertThat(doc.get("epochs").get(2).get("epoch").asInt()).isEqualTo(3);
        assertThat(doc.get("epochs").get(2).get("val_loss").asDouble()).isEqualTo(h.valLoss().get(2));
        assertThat(doc.get("diverged").asBoolean()).isFalse();
    }

    @Test
    void sameShuffleSeedGivesTheSameModel() {
        Tensor[] d = regression(50, 1, 1);
        float[][] results = new float[3][];
        long[] seeds = {11, 11, 12};
        for (int i = 0; i < 3; i++) {
            Sequential m = model(2);
            Trainer.builder(m, new MSELoss(), new SGD(m.parameters(), 0.05)).epochs(3).batchSize(8).shuffle(seeds[i])
                    .build().fit(d[0], d[1]);
            results[i] = m.parameters().get(0).toArray();
        }
        assertThat(results[1]).containsExactly(results[0]);
        assertThat(results[2]).isNotEqualTo(results[0]);
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestWeights() {
        // Validation targets are the negated function, so fitting the training set makes val_loss worse.
        Tensor[] d = regression(64, 1, 1);
        Tensor[] v = regression(32, 9, -1);
        Sequential m = model(2);
        List<float[][]> snapshots = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onEpochEnd(TrainingContext context, EpochRecord record) {
                snapshots.add(copy(context.model()));
            }
        };
        EarlyStopping early = new EarlyStopping("val_loss", 3, true);
        History h = Trainer.builder(m, new MSELoss(), new Adam(m.parameters(), 0.05))
                .epochs(50).batchSize(16).validation(v[0], v[1]).callbacks(recorder, early).build().fit(d[0], d[1]);
        assertThat(h.size()).isEqualTo(early.bestEpoch() + 3);
        assertThat(h.stopReason()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("early stopping at epoch " + h.size() + ": val_loss did not improve for 3 epochs"));
        assertThat(early.bestValue()).isEqualTo(h.valLoss().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        float[][] best = snapshots.get(early.bestEpoch() - 1);
        float[][] now = copy(m);
        for (int i = 0; i < best.length; i++) {
            assertThat(now[i]).containsExactly(best[i]);
        }
    }

    private static float[][] copy(Module m) {
        List<Parameter> ps = m.parameters();
        float[][] out = new float[ps.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ps.get(i).toArray();
        }
        return out;
    }

    @Test
    void checkpointsEveryNEpochs(@TempDir Path dir) throws Exception {
        Tensor[] d = regression(32, 1, 1);
        Sequential m = model(2);
        Checkpoint cp = new Checkpoint(dir, 2, Map.of("run", "test"));
        Trainer.builder(m, new MSELoss(), new Adam(m.parameters(), 0.01)).epochs(5).batchSize(8).callbacks(cp)
                .build().fit(d[0], d[1]);
        assertThat(Files.exists(cp.fileFor(2))).isTrue();
        assertThat(Files.exists(cp.fileFor(4))).isTrue();
        assertThat(Files.exists(cp.fileFor(5))).isFalse();
        assertThat(cp.fileFor(4).getFileName().toString()).isEqualTo("checkpoint-epoch-0004.jgrad");
        SavedModel s = ModelFile.load(cp.fileFor(4));
        assertThat(s.metadata()).containsEntry("run", "test").containsEntry("epoch", 4).containsKey("loss");
    }

    @Test
    void lrScheduleAndProgressReporting() {
        Tensor[] d = regression(10, 1, 1);
        Sequential m = model(2);
        List<Progress> seen = new ArrayList<>();
        SGD sgd = new SGD(m.parameters(), 1.0);
        History h = Trainer.builder(m, new MSELoss(), sgd).epochs(4).batchSize(4)
                .lrSchedule(LrSchedule.step(0.1, 2, 0.5)).progress(seen::add, 1).build().fit(d[0], d[1]);
        assertThat(h.epochs()).extracting(EpochRecord::lr).containsExactly(0.1, 0.1, 0.05, 0.05);
        assertThat(seen).hasSize(12);
        Progress last = seen.get(11);
        assertThat(last.epoch()).isEqualTo(4);
        assertThat(last.epochs()).isEqualTo(4);
        assertThat(last.step()).isEqualTo(3);
        assertThat(last.stepsPerEpoch()).isEqualTo(3);
        assertThat(last.globalStep()).isEqualTo(12);
        assertThat(last.samplesPerSecond()).isPositive();
        assertThat(last.loss()).isFinite();
    }

    @Test
    void perStepWarmup() {
        Tensor[] d = regression(8, 1, 1);
        Sequential m = model(2);
        SGD sgd = new SGD(m.parameters(), 1.0);
        List<Double> lrs = new ArrayList<>();
        Callback watch = new Callback() {
            @Override
            public void onStepEnd(TrainingContext context, Progress progress) {
                lrs.add(context.optimizer().lr());
            }
        };
        Trainer.builder(m, new MSELoss(), sgd).epochs(2).batchSize(2)
                .callbacks(LrScheduler.perStep(LrSchedule.warmup(4, LrSchedule.constant(0.1))), watch)
                .build().fit(d[0], d[1]);
        // The lr set after step k is the one for step k+1: 0.05, 0.075, 0.1, 0.1 ...
        assertThat(lrs.get(0)).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(lrs.get(2)).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(lrs).hasSize(8);
    }

    @Test
    void rejectsMismatchedData() {
        Sequential m = model(2);
        Trainer t = Trainer.builder(m, new MSELoss(), new SGD(m.parameters(), 0.1)).build();
        assertThatThrownBy(() -> t.fit(Tensor.zeros(4, 2), Tensor.zeros(3, 1)))
                .hasMessage("Trainer.fit: features [4, 2] and targets [3, 1] have different numbers of samples");
        assertThatThrownBy(() -> Trainer.builder(m, new MSELoss(), new SGD(m.parameters(), 0.1)).epochs(0))
                .hasMessage("Trainer: epochs must be > 0, got 0");
    }

    @Test
    void evaluateAndPredictUseEvalModeWithoutGradients() {
        Tensor[] d = regression(8, 1, 1);
        Sequential m = model(2);
        Trainer t = Trainer.builder(m, new MSELoss(), new SGD(m.parameters(), 0.1)).metrics(Metrics.mae()).build();
        Map<String, Double> r = t.evaluate(d[0], d[1]);
        assertThat(r).containsOnlyKeys("loss", "mae");
        assertThat(m.isTraining()).isFalse();
        assertThat(t.predict(d[0]).requiresGrad()).isFalse();
    }
}
