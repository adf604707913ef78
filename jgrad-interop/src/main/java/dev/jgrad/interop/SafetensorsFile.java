package dev.jgrad.interop;

import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contents of a safetensors file: its tensors (in the order of the file's data when read) and the optional
 * {@code __metadata__} string map (null when the header has none; its order is kept).
 */
public record SafetensorsFile(List<SafeTensor> tensors, Map<String, String> metadata) {

    public SafetensorsFile {
        if (tensors == null) {
            throw new IllegalArgumentException("tensors are required");
        }
        Set<String> seen = new HashSet<>();
        for (SafeTensor t : tensors) {
            if (t.name().equals(Safetensors.METADATA_KEY)) {
                throw new IllegalArgumentException("'" + Safetensors.METADATA_KEY + "' is reserved and cannot name a tensor");
            }
            if (!seen.add(t.name())) {
                throw new IllegalArgumentException("two tensors are named '" + t.name() + "'");
            }
        }
        tensors = List.copyOf(tensors);
        if (metadata != null) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException("safetensors metadata keys and values must be strings, got "
                            + e.getKey() + "=" + e.getValue());
                }
            }
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /**
     * A model's parameters as float32 tensors named by their paths ({@code 0.weight}, {@code 0.bias}, ...): for a
     * Sequential of Linear layers and activations that is exactly the state_dict of the same PyTorch
     * {@code nn.Sequential}, weights {@code [out, in]} included.
     */
    public static SafetensorsFile ofModel(Module model, Map<String, String> metadata) {
        List<SafeTensor> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            out.add(SafeTensor.f32(e.getKey(), e.getValue().data(), e.getValue().shape()));
        }
        return new SafetensorsFile(out, metadata);
    }

    /** The tensor called {@code name}, or null. */
    public SafeTensor get(String name) {
        for (SafeTensor t : tensors) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The total number of elements. */
    public long elements() {
        long n = 0;
        for (SafeTensor t : tensors) {
            n += t.numel();
        }
        return n;
    }
}
