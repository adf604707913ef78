/**
 * Model files: one versioned binary container holding the architecture and user metadata as JSON and the
 * weights as little-endian float32, protected by a CRC32 and written atomically. See
 * {@link dev.jgrad.io.ModelFile} for the layout.
 */
package dev.jgrad.io;
