package dev.jgrad.playground.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.state.LinkCodec;
import dev.jgrad.playground.state.PlaygroundState;
import dev.jgrad.playground.state.StateJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A saved playground model holds where training stands, and a loaded one goes on exactly as if never saved. */
class ResumeTest {
    @TempDir
    Path dir;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static PlaygroundState state(String link) {
        return new StateJson(MAPPER).read(LinkCodec.read(link, MAPPER), PlaygroundState.defaults());
    }

    @Test
    void aLoadedModelTrainsOnAsTheUninterruptedRun() throws Exception {
        for (String link : new String[] {
                "#dataset=spiral&layers=6,4&activations=tanh,tanh&optimizer=adam&learningRate=0.01&loss=cross-entropy&tfCompat=false",
                "#dataset=xor&layers=5&optimizer=momentum:0.9&learningRate=0.03&batchSize=7&tfCompat=false",
                "#dataset=circle&networkShape=4,2&batchSize=10&regularization=L1&regularizationRate=0.001&seed=0.31337"}) {
            PlaygroundState s = state(link);
            JgradEngine run = new JgradEngine(s, DataSplit.of(s));
            for (int e = 0; e < 5; e++) run.trainEpoch();
            Path file = dir.resolve("m.jgrad");
            run.save(file, Map.of("epoch", run.epoch()));

            SavedModel saved = ModelFile.load(file);
            assertThat(saved.training()).as(link).isNotNull();
            assertThat(saved.training().epoch()).isEqualTo(5);
            assertThat(saved.training().seed()).isEqualTo(s.initSeed());
            assertThat(saved.training().exact()).isTrue(); // 250 points in batches of 10: nothing carried
            if (!s.optimizer().equals("sgd")) assertThat(saved.training().optimizer()).as(link).isNotNull();

            Engine loaded = ModelFiles.load(file, s, new StateJson(MAPPER)).engine();
            assertThat(loaded.epoch()).isEqualTo(5);
            for (int e = 0; e < 3; e++) {
                run.trainEpoch();
                loaded.trainEpoch();
            }
            assertThat(loaded.parameters()).as(link).containsExactly(run.parameters());
        }
    }

    @Test
    void aTfRunWithACarriedBatchIsSavedAsNotExact() throws Exception {
        PlaygroundState s = state("#dataset=circle&networkShape=3&batchSize=30&seed=0.5");
        JgradEngine run = new JgradEngine(s, DataSplit.of(s));
        run.trainEpoch(); // 250 points in batches of 30: 10 carried
        Path file = dir.resolve("tf.jgrad");
        run.save(file, Map.of());
        assertThat(ModelFile.load(file).training().exact()).isFalse();
    }
}
