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
                List.of(8, 8), List.of("relu", "gelu"), "classification", "crossentropy", "adam", "he", 0.001, "l2",
                0.01, 16, 0.2, 10, true, true, List.of(List.of(1.0, 2.0, 4.0)), List.of());
        assertThat(json.read(json.write(s), PlaygroundState.defaults())).isEqualTo(s);
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
                PlaygroundState.defaults())).hasMessageContaining("crossentropy");
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
