/**
 * CSV reader producing a {@link dev.jgrad.data.Dataset}: optional header (detected when not specified),
 * delimiter ({@code ,} by default, {@code ;} and tab detected), RFC 4180 quoting, a label column chosen by index or
 * header name (the last one by default), and numeric or categorical labels. The fields are split by FastCSV (the one
 * tokenizer every caller goes through, {@code CsvTokenizer}); everything after that (header and delimiter
 * detection, number syntax, labels) is jgrad's.
 *
 * <p>Content errors are {@link dev.jgrad.data.DataFormatException}s with the file, the 1-based line and column
 * and what was found versus expected.
 */
package dev.jgrad.data.csv;
