package dev.jgrad.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the metadata of a format-1 file into a {@link ModelCard}. Two dialects were written then: the command
 * line's ({@code "format": "jgrad-cli/1"}, camelCase keys) and the playground's ({@code playgroundState},
 * {@code playgroundOutput}, {@code numClasses}); anything else is carried over under {@code metadata} only.
 */
final class LegacyMetadata {

    private LegacyMetadata() {
    }

    static ModelCard toCard(Map<String, Object> m) {
        ModelCard card = new ModelCard();
        if (m.get("features") instanceof String f && !f.isEmpty()) {
            card.featureNames(List.of(f.split(",")));
        }
        if (m.get("inputShape") instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(v -> v instanceof Integer)) {
            card.inputShape(l.stream().mapToInt(v -> (Integer) v).toArray());
        }
        if (m.get("normalization") instanceof String s) {
            card.normalization(s);
        }
        if (m.get("scaler") instanceof Map<?, ?> s) {
            card.scaler(ModelCard.deepCopy(s));
        }
        if (m.get("task") instanceof String t) {
            card.task(t);
        }
        if (m.get("classNames") instanceof List<?> l) {
            card.classNames(l.stream().map(String::valueOf).toList());
        }
        if (m.get("output") instanceof String o) {
            card.outputKind(o);
        }
        if (m.get("playgroundOutput") instanceof String o) {
            boolean regression = "regression".equals(m.get("task"));
            card.outputKind(switch (o) {
                case "tanh" -> "tanh";
                case "score" -> regression ? "value" : "margin";
                case "logit" -> "binary-logits";
                default -> "logits";
            });
            if (!regression && m.get("numClasses") instanceof Integer k) {
                List<String> names = new ArrayList<>();
                for (int c = 0; c < Math.max(2, k); c++) {
                    names.add(Integer.toString(c));
                }
                card.classNames(names);
            }
        }
        copy(m, "activation", card, ModelCard.TRAINING, "activation");
        copy(m, "loss", card, ModelCard.TRAINING, "loss");
        copy(m, "layers", card, ModelCard.TRAINING, "layers");
        copy(m, "batchSize", card, ModelCard.TRAINING, "batch_size");
        copy(m, "epochs", card, ModelCard.TRAINING, "epochs");
        copy(m, "epoch", card, ModelCard.TRAINING, "epochs");
        copy(m, "seed", card, ModelCard.TRAINING, "seed");
        if (m.get("optimizer") instanceof String o) {
            card.training("optimizer", m.get("lr") instanceof Number lr ? Map.of("name", o, "lr", lr) : Map.of("name", o));
        }
        if (m.get("testAccuracy") instanceof Number a) {
            card.metric("test_accuracy", a.doubleValue());
        }
        copy(m, "jgradVersion", card, ModelCard.PROVENANCE, "jgrad_version");
        copy(m, "dataset", card, ModelCard.PROVENANCE, "data");
        copy(m, "dataKind", card, ModelCard.PROVENANCE, "data_kind");
        if (m.get("playgroundState") instanceof String state) {
            try {
                card.put("playground", "state", new ObjectMapper().readValue(state, new TypeReference<Map<String, Object>>() { }));
            } catch (IOException notJson) {
                // Left out: the playground then reads the network's shape off its layers.
            }
        }
        return card;
    }

    private static void copy(Map<String, Object> m, String from, ModelCard card, String section, String key) {
        Object v = m.get(from);
        if (v != null) {
            card.put(section, key, v);
        }
    }
}
