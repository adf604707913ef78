package dev.jgrad.data.csv;

/** How the label column of a CSV file is interpreted. */
public enum LabelKind {
    /**
     * Classification when any label is non-numeric (categorical) or when all labels are integers with at most
     * {@link CsvOptions#maxAutoClasses()} distinct values; regression otherwise.
     */
    AUTO,
    /** Every distinct label value is a class (numeric values sorted numerically, others as text). */
    CLASSIFICATION,
    /** Labels are numeric targets; a non-numeric label is an error. */
    REGRESSION
}
