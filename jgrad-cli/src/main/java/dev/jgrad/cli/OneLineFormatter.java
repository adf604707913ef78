package dev.jgrad.cli;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * JUL's default SimpleFormatter spends two lines per record (date and class, then the message); on a terminal one
 * line per record is enough: {@code jgrad: INFO: jgrad kernels: ...}.
 */
final class OneLineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder sb = new StringBuilder("jgrad: ").append(record.getLevel().getName()).append(": ")
                .append(formatMessage(record)).append(System.lineSeparator());
        if (record.getThrown() != null) {
            sb.append("  ").append(record.getThrown()).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
