package dev.jgrad.train;

import dev.jgrad.io.ModelFile;
import dev.jgrad.io.ModelCard;
import dev.jgrad.io.SavedModel;
import dev.jgrad.io.TrainingState;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 4 epochs straight and 2 + save + load + 2 end with the same weights, bit for bit (Adam, dropout, shuffling). */
class ResumeTest {

    private static final long SEED = 17;

    private static Sequential net() {
        Random rng = new Random(5);
        return new Sequential(new Linear(4, 16, rng), new ReLU(), new Dropout(0.3, rng), new Linear(16, 8, rng),
                new ReLU(), new Dropout(0.2, rng), new Linear(8, 3, rng));
    }

    private static Tensor[] data() {
        Random rng = new Random(9);
        int n = 150;
        float[] x = new float[n * 4];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) rng.nextGaussian();
            }
            y[i] = x[i * 4] + x[i * 4 + 1] > 0.5f ? 2 : x[i * 4 + 2] > 0 ? 1 : 0;
        }
        return new Tensor[]{Tensor.of(x, n, 4), Tensor.of(y, n)};
    }

    private static History fit(Module m, Adam adam, int epochs, int start) {
        Tensor[] d = data();
        return Trainer.builder(m, new CrossEntropyLoss(), adam).epochs(epochs).startEpoch(start).batchSize(16)
                .shuffle(SEED).build().fit(d[0], d[1]);
    }

    @Test
    void twoEpochsSavedLoadedAndTwoMoreEqualFourStraightBitForBit(@TempDir Path dir) throws Exception {
        Sequential straight = net();
        History all = fit(straight, new Adam(straight.parameters(), 0.01), 4, 0);
        assertThat(all.size()).isEqualTo(4);

        Sequential first = net();
        Adam adam = new Adam(first.parameters(), 0.01);
        fit(first, adam, 2, 0);
        Path file = dir.resolve("half.jgrad");
        ModelFile.save(first, new ModelCard(), new TrainingState(2, SEED, adam.state(), true), file);

        SavedModel saved = ModelFile.load(file);
        TrainingState t = saved.trainingState().orElseThrow();
        Module resumed = saved.model();
        Adam again = new Adam(resumed.parameters(), 0.01);
        again.loadState(t.optimizer());
        History rest = fit(resumed, again, 4, t.epoch());
        assertThat(rest.epochs()).extracting(EpochRecord::epoch).containsExactly(3, 4);

        List<Parameter> a = straight.parameters();
        List<Parameter> b = resumed.parameters();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).toArray()).as("parameter %d", i).containsExactly(a.get(i).toArray());
        }
        // The last two epochs' losses are the same numbers too: same batches, same dropout masks.
        assertThat(rest.epochs().get(1).values().get("loss")).isEqualTo(all.epochs().get(3).values().get("loss"));
        // And the check can fail: the weights after 2 epochs are not those after 4.
        assertThat(first.parameters().get(0).toArray()).isNotEqualTo(a.get(0).toArray());
    }

    @Test
    void aCheckpointIsAWholeModelFileThatResumesBitForBit(@TempDir Path dir) throws Exception {
        Sequential straight = net();
        fit(straight, new Adam(straight.parameters(), 0.01), 4, 0);

        Sequential first = net();
        ModelCard recipe = new ModelCard().training("batch_size", 16).training("seed", SEED);
        Checkpoint checkpoint = new Checkpoint(dir, 2, recipe);
        Tensor[] d = data();
        Trainer.builder(first, new CrossEntropyLoss(), new Adam(first.parameters(), 0.01)).epochs(3).batchSize(16)
                .shuffle(SEED).callbacks(checkpoint).build().fit(d[0], d[1]);

        SavedModel saved = ModelFile.load(checkpoint.fileFor(2));
        assertThat(saved.card().section(ModelCard.TRAINING)).containsEntry("epochs", 2).containsEntry("batch_size", 16);
        assertThat(saved.card().metrics()).containsKey("loss");
        TrainingState t = saved.trainingState().orElseThrow();
        assertThat(t.epoch()).isEqualTo(2);
        assertThat(t.seed()).isEqualTo(SEED);
        assertThat(t.exact()).isTrue();
        Module resumed = saved.model();
        Adam again = new Adam(resumed.parameters(), 0.01);
        again.loadState(t.optimizer());
        fit(resumed, again, 4, t.epoch());
        List<Parameter> a = straight.parameters();
        List<Parameter> b = resumed.parameters();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).toArray()).as("parameter %d", i).containsExactly(a.get(i).toArray());
        }
    }

    @Test
    void dropoutMasksDependOnTheSeedAndTheEpochOnly() {
        Sequential m1 = net();
        Sequential m2 = net();
        fit(m1, new Adam(m1.parameters(), 0.01), 1, 0);
        // A different Random at construction does not matter once the trainer reseeds the layers.
        ((Dropout) m2.get(2)).reseed(12345);
        fit(m2, new Adam(m2.parameters(), 0.01), 1, 0);
        assertThat(m2.parameters().get(0).toArray()).containsExactly(m1.parameters().get(0).toArray());
    }

    @Test
    void startEpochMustLeaveEpochsToRunAndNeedsASeededShuffle() {
        Sequential m = net();
        Adam adam = new Adam(m.parameters(), 0.01);
        assertThatThrownBy(() -> Trainer.builder(m, new CrossEntropyLoss(), adam).epochs(3).startEpoch(3).build())
                .hasMessage("Trainer: startEpoch 3 leaves no epoch to run of 3 in total");
        assertThatThrownBy(() -> Trainer.builder(m, new CrossEntropyLoss(), adam).epochs(3).startEpoch(1)
                .shuffle(new Random(1)).build())
                .hasMessage("Trainer: a run shuffled by a Random cannot resume at epoch 2 with the same orders;"
                        + " shuffle with a seed (shuffle(long))");
    }
}
