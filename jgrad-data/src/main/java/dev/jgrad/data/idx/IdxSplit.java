package dev.jgrad.data.idx;

/** Which half of an MNIST-family dataset: the 60000 training or the 10000 test ("t10k") examples. */
public enum IdxSplit {
    TRAIN("train"),
    TEST("t10k");

    private final String filePrefix;

    IdxSplit(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** The prefix of the standard file names, {@code train} or {@code t10k}. */
    public String filePrefix() {
        return filePrefix;
    }
}
