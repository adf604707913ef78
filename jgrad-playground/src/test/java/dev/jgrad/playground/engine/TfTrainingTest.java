package dev.jgrad.playground.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.data.TfReference;
import dev.jgrad.playground.state.PlaygroundState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A TF link's initial weights are TF's, and a few epochs of training follow TF's rules: batches that run across
 * epochs and L1 that freezes links (reference values computed by TF's algorithm in double precision; jgrad trains
 * in float32, hence the tolerance on trained weights, while frozen links and carried counts must match exactly).
 */
class TfTrainingTest {

    @Test
    void initialWeightsAreTfsDrawsAfterTheData() {
        for (JsonNode e : TfReference.JSON.get("datasets")) {
            String link = TfReference.link(e) + "&networkShape=4,2&x=true&y=true";
            PlaygroundState s = TfReference.state(link);
            JgradEngine engine = new JgradEngine(s, DataSplit.of(s));
            List<dev.jgrad.nn.Linear> linears = engine.linears();
            JsonNode ref = e.get("weights");
            assertThat(linears).hasSize(ref.size());
            for (int l = 0; l < ref.size(); l++) {
                float[] w = linears.get(l).weight().data();
                int in = linears.get(l).inFeatures();
                for (int to = 0; to < ref.get(l).size(); to++)
                    for (int from = 0; from < in; from++)
                        assertThat(w[to * in + from]).as("%s w[%d][%d][%d]", link, l, to, from)
                                .isEqualTo((float) ref.get(l).get(to).get(from).asDouble());
                for (float bias : linears.get(l).bias().data()) assertThat(bias).isEqualTo(0.1f);
            }
        }
    }

    @Test
    void trainingFollowsTfsBatchesAndL1Freeze() {
        JsonNode runs = TfReference.JSON.get("training");
        assertThat(runs.size()).isEqualTo(2);
        boolean sawDeadLink = false;
        for (JsonNode run : runs) {
            StringBuilder link = new StringBuilder(TfReference.link(run));
            for (String f : List.of("x", "y", "xTimesY")) link.append('&').append(f).append('=').append(hasFeature(run, f));
            link.append("&networkShape=").append(run.get("networkShape").toString().replaceAll("[\\[\\]]", ""))
                    .append("&learningRate=").append(run.get("learningRate").asDouble())
                    .append("&batchSize=").append(run.get("batchSize").asInt())
                    .append("&regularization=").append(run.get("regularization").asText())
                    .append("&regularizationRate=").append(run.get("regularizationRate").asDouble());
            PlaygroundState s = TfReference.state(link.toString());
            JgradEngine engine = new JgradEngine(s, DataSplit.of(s));
            JsonNode epochs = run.get("epochs");
            for (int ep = 0; ep < epochs.size(); ep++) {
                engine.trainEpoch();
                JsonNode ref = epochs.get(ep);
                String what = link + " epoch " + (ep + 1);
                assertThat(engine.tfCarried()).as(what + " carried").isEqualTo(ref.get("carried").asInt());
                for (int l = 0; l < engine.linears().size(); l++) {
                    var lin = engine.linears().get(l);
                    float[] w = lin.weight().data(), b = lin.bias().data();
                    int in = lin.inFeatures();
                    for (int to = 0; to < lin.outFeatures(); to++) {
                        assertThat(b[to]).as("%s b[%d][%d]", what, l, to)
                                .isCloseTo((float) ref.get("biases").get(l).get(to).asDouble(), within(2e-5f));
                        for (int from = 0; from < in; from++) {
                            boolean dead = ref.get("dead").get(l).get(to).get(from).asInt() == 1;
                            sawDeadLink |= dead;
                            assertThat(engine.tfDead(l, to * in + from)).as("%s dead[%d][%d][%d]", what, l, to, from).isEqualTo(dead);
                            float expected = (float) ref.get("weights").get(l).get(to).get(from).asDouble();
                            if (dead) assertThat(w[to * in + from]).isEqualTo(0f);
                            else assertThat(w[to * in + from]).as("%s w[%d][%d][%d]", what, l, to, from).isCloseTo(expected, within(2e-5f));
                        }
                    }
                }
            }
        }
        assertThat(sawDeadLink).as("the L1 run must freeze some links, or it tests nothing").isTrue();
    }

    @Test
    void batchesCarryTheUnfinishedOneIntoTheNextEpoch() {
        TfTraining t = new TfTraining(List.of());
        List<int[]> first = t.batches(25, 10);
        assertThat(first).hasSize(2);
        assertThat(first.get(1)).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(t.carried()).isEqualTo(5);
        List<int[]> second = t.batches(25, 10);
        assertThat(second.get(0)).containsExactly(20, 21, 22, 23, 24, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(second).hasSize(2);
        t.forgetCarried();
        assertThat(t.batches(25, 10).get(0)).hasSize(10);
    }

    private static boolean hasFeature(JsonNode run, String f) {
        for (JsonNode n : run.get("features")) if (n.asText().equals(f)) return true;
        return false;
    }
}
