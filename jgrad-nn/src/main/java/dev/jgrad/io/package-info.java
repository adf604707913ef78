/**
 * Model files: one versioned binary container ({@link dev.jgrad.io.ModelFile}) holding, as JSON, the architecture
 * (from the {@link dev.jgrad.io.LayerRegistry}, which a program's own layers join), the
 * {@link dev.jgrad.io.ModelCard} (inputs, outputs, training recipe, metrics, provenance), free-form metadata and the
 * {@link dev.jgrad.io.TrainingState} training resumes from, and as little-endian float32 the weights and the
 * optimizer's buffers; protected by a CRC32 and written atomically ({@link dev.jgrad.io.AtomicFiles}). The format is
 * described in {@code docs/model-format.md}.
 */
package dev.jgrad.io;
