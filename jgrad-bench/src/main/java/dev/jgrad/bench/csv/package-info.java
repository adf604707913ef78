/**
 * jgrad's CSV reader measured against FastCSV and Apache Commons CSV (issue 15): {@link
 * dev.jgrad.bench.csv.CsvReaderComparison} runs one corpus of RFC 4180 cases through all three and prints where
 * they differ; {@link dev.jgrad.bench.csv.CsvReadBenchmark} (JMH) times them on a Fashion-MNIST-sized numeric file.
 */
package dev.jgrad.bench.csv;
