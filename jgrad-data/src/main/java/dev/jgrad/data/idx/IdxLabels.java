package dev.jgrad.data.idx;

import java.nio.file.Path;

/** Labels read from an IDX file, each the file's unsigned byte (0..255). The record owns the array. */
public record IdxLabels(Path file, int[] labels) {

    public int count() {
        return labels.length;
    }
}
