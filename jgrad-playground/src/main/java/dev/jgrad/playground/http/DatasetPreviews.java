package dev.jgrad.playground.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.data.PointSet;
import dev.jgrad.playground.state.Choices;
import dev.jgrad.playground.state.PlaygroundState;
import dev.jgrad.playground.state.StateJson;

import java.util.ArrayList;
import java.util.List;

/** A few points of every built-in dataset (seed 1, no noise) for the picker's icons; computed once at startup. */
final class DatasetPreviews {
    private DatasetPreviews() {}

    static ObjectNode build(ObjectMapper mapper) {
        StateJson json = new StateJson(mapper);
        ObjectNode out = mapper.createObjectNode();
        List<String> names = new ArrayList<>(Choices.BINARY_DATASETS);
        names.addAll(Choices.MULTI_CLASS_DATASETS);
        names.addAll(Choices.REGRESSION_DATASETS);
        for (String name : names) {
            boolean regression = Choices.REGRESSION_DATASETS.contains(name);
            ObjectNode patch = mapper.createObjectNode().put("dataset", name)
                    .put("problem", regression ? "regression" : "classification")
                    .put("loss", Choices.MULTI_CLASS_DATASETS.contains(name) ? "cross-entropy" : "quadratic");
            PlaygroundState s = json.read(patch, PlaygroundState.defaults());
            PointSet p = DataSplit.of(s).train();
            ObjectNode o = out.putObject(name).put("numClasses", s.numClasses()).put("regression", regression);
            ObjectNode train = o.putObject("train");
            ArrayNode x1 = train.putArray("x1"), x2 = train.putArray("x2"), l = train.putArray("label");
            for (int i = 0; i < p.size(); i += 2) {
                x1.add(p.x1()[i]);
                x2.add(p.x2()[i]);
                l.add(p.label()[i]);
            }
            ObjectNode test = o.putObject("test");
            test.putArray("x1");
            test.putArray("x2");
            test.putArray("label");
        }
        return out;
    }
}
