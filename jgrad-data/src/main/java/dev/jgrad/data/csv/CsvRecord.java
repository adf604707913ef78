package dev.jgrad.data.csv;

import java.util.List;

/** One row of a CSV file: the 1-based line it starts on and its fields, unquoted but untrimmed. */
record CsvRecord(long line, List<String> fields) {

    CsvRecord {
        fields = List.copyOf(fields);
    }

    int size() {
        return fields.size();
    }

    String field(int i) {
        return fields.get(i);
    }
}
