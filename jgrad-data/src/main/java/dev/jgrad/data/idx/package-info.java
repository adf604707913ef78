/**
 * Reader for the IDX files of the MNIST family (MNIST, Fashion-MNIST): unsigned-byte images (magic
 * {@code 0x00000803}) and labels ({@code 0x00000801}), plain or gzip-compressed, detected by the gzip magic bytes
 * rather than the file name.
 *
 * <p>Every content problem (wrong magic, impossible dimensions, truncation, corrupt gzip, image/label count
 * mismatch, label out of range) is a {@link dev.jgrad.data.DataFormatException} naming the file and the byte
 * offset (of the decompressed stream for a .gz). Nothing is ever downloaded: {@link
 * dev.jgrad.data.idx.IdxDataset} only looks in local directories.
 */
package dev.jgrad.data.idx;
