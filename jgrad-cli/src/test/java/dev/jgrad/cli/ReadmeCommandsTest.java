package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./jgrad} lines of the root README, as a user copies them: each parses (no unknown command or option,
 * no bad value), every {@code --input} names a file in the repository, and every {@code --model} or
 * {@code --resume} a file an earlier README line saved. Issue 15 found the {@code predict} example naming an image
 * that did not exist. Running them is the job of a person (they train for minutes); docs/reliability.md lists the
 * last run.
 */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyReadmeCommandParsesAndNamesFilesThatExist() throws IOException {
        List<List<String>> commands = commands(Files.readString(ROOT.resolve("README.md")));
        assertThat(commands).as("./jgrad lines in README.md").hasSizeGreaterThan(10);
        Set<String> saved = new HashSet<>(Set.of("model.jgrad"));
        for (List<String> args : commands) {
            String[] a = args.toArray(String[]::new);
            assertThatCode(() -> Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                    .parseArgs(a)).as("README: ./jgrad %s", String.join(" ", args)).doesNotThrowAnyException();
            for (int i = 0; i + 1 < args.size(); i++) {
                String value = args.get(i + 1);
                switch (args.get(i)) {
                    case "--input" -> assertThat(ROOT.resolve(value)).as("README: --input %s", value).isRegularFile();
                    case "--model", "--resume" -> assertThat(saved).as("README: %s %s is saved by an earlier line",
                            args.get(i), value).contains(value);
                    case "--out", "--to" -> saved.add(value);
                    default -> { }
                }
            }
        }
    }

    /** The arguments after {@code ./jgrad} on each command line of the README's code blocks. */
    static List<List<String>> commands(String readme) {
        List<List<String>> out = new ArrayList<>();
        boolean code = false;
        StringBuilder pending = new StringBuilder();
        for (String line : readme.split("\n")) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            if (!code) {
                continue;
            }
            pending.append(line.strip());
            if (line.endsWith("\\")) {
                pending.setLength(pending.length() - 1);
                pending.append(' ');
                continue;
            }
            for (String part : pending.toString().split("&&")) {
                List<String> words = words(part);
                int at = words.indexOf("./jgrad");
                if (at >= 0) {
                    out.add(words.subList(at + 1, words.size()));
                }
            }
            pending.setLength(0);
        }
        return out;
    }

    /** Shell words: single quotes group, a {@code #} starting a word begins a comment. */
    private static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if (!quoted && c == '#' && !inWord) {
                break;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}
