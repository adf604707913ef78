package dev.jgrad.playground.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Links in TF Playground's parameters and jgrad's: read into states, written back unchanged. */
public class LinkCodecTest {
    final ObjectMapper mapper = new ObjectMapper();
    final StateJson json = new StateJson(mapper);

    /** What TF Playground writes for its opening page (seed drawn as Math.random().toFixed(5)). */
    public static final String TF_DEFAULT = "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03"
            + "&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false&discretize=false"
            + "&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false"
            + "&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false";

    PlaygroundState read(String link) {
        return json.read(LinkCodec.read(link, mapper), PlaygroundState.defaults());
    }

    @Test
    void tfPlaygroundsOwnLinkTurnsTheTfModeOnAndComesBackAsItWas() {
        PlaygroundState s = read(TF_DEFAULT);
        assertThat(s.tfCompat()).isTrue();
        assertThat(s.dataset()).isEqualTo("circle");
        assertThat(s.layers()).containsExactly(4, 2);
        assertThat(s.activations()).containsExactly("tanh", "tanh");
        assertThat(s.features()).containsExactly("x1", "x2");
        assertThat(s.seed()).isEqualTo(12345);
        assertThat(s.initSeed()).isEqualTo(12345);
        // TF's loss, initialization and optimizer.
        assertThat(s.loss()).isEqualTo("quadratic");
        assertThat(s.initializer()).isEqualTo("uniform:-0.5,0.5");
        assertThat(s.biasInit()).isEqualTo(0.1);
        assertThat(s.optimizer()).isEqualTo("sgd");
        assertThat(LinkCodec.write(s)).isEqualTo(TF_DEFAULT);
    }

    @Test
    void everyTfParameterIsReadAndWrittenBack() {
        String link = "#activation=relu&regularization=L2&batchSize=3&dataset=spiral&regDataset=reg-gauss&learningRate=0.1"
                + "&regularizationRate=0.003&noise=35&networkShape=8,8,5&seed=0.98765&showTestData=true&discretize=true"
                + "&percTrainData=70&x=false&y=true&xTimesY=true&xSquared=true&ySquared=false&cosX=false&sinX=true"
                + "&cosY=false&sinY=true&collectStats=false&tutorial=dp-reducing-overfitting&problem=classification"
                + "&initZero=true&hideText=true&learningRate_hide=true&activation_hide=true&noise_hide=false&numNodes2_hide=true";
        PlaygroundState s = read(link);
        assertThat(s.activations()).containsExactly("relu", "relu", "relu");
        assertThat(s.regularization()).isEqualTo("l2");
        assertThat(s.regRate()).isEqualTo(0.003);
        assertThat(s.batchSize()).isEqualTo(3);
        assertThat(s.dataset()).isEqualTo("spiral");
        assertThat(s.noise()).isEqualTo(35);
        assertThat(s.trainRatio()).isEqualTo(70);
        assertThat(s.showTest()).isTrue();
        assertThat(s.discretize()).isTrue();
        assertThat(s.features()).containsExactly("x2", "x1sq", "x1x2", "sinx1", "sinx2");
        assertThat(s.initializer()).isEqualTo("zeros");
        assertThat(s.biasInit()).isZero(); // TF's initZero zeroes the biases too
        assertThat(s.hide()).containsExactlyInAnyOrder("text", "learningRate", "activation", "numNodes2");
        assertThat(LinkCodec.params(LinkCodec.write(s))).isEqualTo(LinkCodec.params(link));
        PlaygroundState regression = read("#problem=regression&regDataset=reg-gauss&dataset=xor&networkShape=3");
        assertThat(regression.dataset()).isEqualTo("multigauss");
        assertThat(LinkCodec.params(LinkCodec.write(regression))).containsEntry("dataset", "xor").containsEntry("regDataset", "reg-gauss");
    }

    @Test
    void jgradExtrasHaveTheirOwnParametersAndOldLinksStillRead() {
        PlaygroundState s = read("#networkShape=3,3&activation=tanh&loss=huber:0.5&optimizer=adam&activations=leaky-relu:0.1,tanh"
                + "&features=x1,x2,r&targetLoss=0.05&speed=5");
        assertThat(s.tfCompat()).isTrue();
        assertThat(s.activations()).containsExactly("leaky-relu:0.1", "tanh");
        String written = LinkCodec.write(s);
        assertThat(written).contains("&activations=leaky-relu:0.1,tanh", "&features=x1,x2,r", "&loss=huber:0.5",
                "&optimizer=adam", "&targetLoss=0.05", "&speed=5").doesNotContain("activation=");
        assertThat(read(written)).isEqualTo(s);
        // A link of an earlier jgrad version: its own mode, its own names.
        PlaygroundState old = read("#dataset=xor&layers=4,2,2&activations=leakyrelu,linear,tanh&loss=crossentropy"
                + "&trainRatio=60&regRate=0.01&regularization=l1&showTest=true&initializer=glorot&seed=7&initSeed=9");
        assertThat(old.tfCompat()).isFalse();
        assertThat(old.activations()).containsExactly("leaky-relu:0.01", "identity", "tanh");
        assertThat(old.loss()).isEqualTo("cross-entropy");
        assertThat(old.trainRatio()).isEqualTo(60);
        assertThat(old.initSeed()).isEqualTo(9);
        assertThat(LinkCodec.write(old)).contains("tfCompat=false");
        assertThat(read(LinkCodec.write(old))).isEqualTo(old);
        // hardtanh's own comma stays inside its spec.
        assertThat(read("#layers=2,2&activations=hardtanh:-2,2,relu").activations()).containsExactly("hardtanh:-2,2", "relu");
        assertThatThrownBy(() -> read("#networkShape=4,x")).hasMessageContaining("networkShape: 'x' is not a layer size");
        assertThatThrownBy(() -> read("#showTestData=maybe")).hasMessageContaining("showTestData: 'maybe' is not true or false");
    }

    @Test
    void weightsTravelAsBase64OfFloat32() {
        float[] w = {0.1f, -2.5f, 3e-7f, 0f};
        assertThat(LinkCodec.decodeWeights(LinkCodec.encodeWeights(w))).containsExactly(w);
        assertThatThrownBy(() -> LinkCodec.decodeWeights("AAA")).hasMessageContaining("float32");
        assertThat(List.of(LinkCodec.encodeWeights(w).split(""))).doesNotContain("+", "/", "=");
    }
}
