package dev.jgrad.playground.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateJsonTest {
    final ObjectMapper mapper = new ObjectMapper();
    final StateJson json = new StateJson(mapper);

    @Test
    void missingFieldsTakeTheBaseValues() throws Exception {
        PlaygroundState s = json.read(mapper.readTree("{\"noise\": 20, \"layers\": [8], \"activations\": [\"relu\"]}"),
                PlaygroundState.defaults());
        assertThat(s.noise()).isEqualTo(20);
        assertThat(s.layers()).containsExactly(8);
        assertThat(s.dataset()).isEqualTo("circle");
        assertThat(s.learningRate()).isEqualTo(0.03);
    }

    @Test
    void roundTripsThroughJson() {
        PlaygroundState s = new PlaygroundState("spirals", 5, 10, 70, 123, 456, List.of("x1", "x2", "sinx1"),
                List.of(8, 8), List.of("relu", "leaky-relu:0.1"), "classification", "cross-entropy", "momentum:0.95",
                "he-uniform", 0.1, 0.001, "l2", 0.01, 16, 0.2, 10, 0.05, true, true, true,
                List.of("learningRate"), java.util.Map.of("tutorial", "dp-1"), List.of(List.of(1.0, 2.0, 4.0)), List.of());
        assertThat(json.read(json.write(s), PlaygroundState.defaults())).isEqualTo(s);
    }

    @Test
    void specsAreReadThroughTheCatalogsAndSpelledTheirWay() throws Exception {
        // Old links' names (leakyrelu, linear, crossentropy, glorot, zero) are catalog aliases.
        PlaygroundState s = json.read(mapper.readTree("{\"layers\": [3, 3, 3], \"activations\": [\"leakyrelu\", "
                + "\"linear\", \"Leaky_ReLU:0.10\"], \"loss\": \"crossentropy\", \"initializer\": \"zero\", "
                + "\"optimizer\": \"SGD:0.9\"}"), PlaygroundState.defaults());
        assertThat(s.activations()).containsExactly("leaky-relu:0.01", "identity", "leaky-relu:0.1");
        assertThat(s.loss()).isEqualTo("cross-entropy");
        assertThat(s.initializer()).isEqualTo("zeros");
        assertThat(s.optimizer()).isEqualTo("sgd:0.9");
        assertThat(json.read(mapper.readTree("{\"initializer\": \"glorot\"}"), s).initializer()).isEqualTo("glorot-uniform");
        assertThatThrownBy(() -> json.read(mapper.readTree("{\"activations\": [\"relu7\", \"tanh\"]}"),
                PlaygroundState.defaults())).hasMessageContaining("unknown activation 'relu7'");
        assertThatThrownBy(() -> json.read(mapper.readTree("{\"activations\": [\"leaky-relu:-1\", \"tanh\"]}"),
                PlaygroundState.defaults())).hasMessageContaining("alpha must be >= 0");
        assertThatThrownBy(() -> json.read(mapper.readTree("{\"loss\": \"nll\"}"), PlaygroundState.defaults()))
                .hasMessageContaining("cannot show");
        assertThatThrownBy(() -> json.read(mapper.readTree("{\"problem\": \"regression\", \"dataset\": \"plane\", "
                + "\"loss\": \"hinge\"}"), PlaygroundState.defaults())).hasMessageContaining("regression uses [mse, quadratic, l1, huber]");
    }

    @Test
    void rejectsUnknownFieldsAndWrongTypes() throws Exception {
        assertThatThrownBy(() -> json.read(mapper.readTree("{\"learnRate\": 1}"), PlaygroundState.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learnRate");
        assertThatThrownBy(() -> json.read(mapper.readTree("{\"batchSize\": 2.5}"), PlaygroundState.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.read(mapper.readTree("[]"), PlaygroundState.defaults()))
                .hasMessageContaining("object");
    }

    @Test
    void validationNamesFieldAndBound() throws Exception {
        assertThatThrownBy(() -> json.read(mapper.readTree("{\"batchSize\": 31}"), PlaygroundState.defaults()))
                .hasMessage("batchSize: must be in [1, 30], got 31");
        assertThatThrownBy(() -> json.read(mapper.readTree("{\"layers\": [4], \"activations\": [\"relu\", \"relu\"]}"),
                PlaygroundState.defaults())).hasMessageContaining("one per hidden layer");
        assertThatThrownBy(() -> json.read(mapper.readTree("{\"dataset\": \"blobs\", \"classes\": 4}"),
                PlaygroundState.defaults())).hasMessageContaining("cross-entropy");
    }

    @Test
    void outputWidthFollowsLossAndClasses() throws Exception {
        PlaygroundState d = PlaygroundState.defaults();
        assertThat(d.outputSize()).isEqualTo(1);
        PlaygroundState k = json.read(mapper.readTree("{\"dataset\": \"blobs\", \"classes\": 5, \"loss\": \"crossentropy\"}"), d);
        assertThat(k.numClasses()).isEqualTo(5);
        assertThat(k.outputSize()).isEqualTo(5);
        PlaygroundState binaryCe = json.read(mapper.readTree("{\"loss\": \"crossentropy\"}"), d);
        assertThat(binaryCe.outputSize()).isEqualTo(2);
    }
}
