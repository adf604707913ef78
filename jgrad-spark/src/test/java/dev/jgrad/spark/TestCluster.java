package dev.jgrad.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What local-cluster executors need from the test JVM: a SPARK_HOME (set by surefire to target/spark-home) whose
 * jars/ links every jar of the test classpath, and the class directories (jgrad's modules, the tests) as their
 * extra classpath.
 */
final class TestCluster {

    private TestCluster() {
    }

    /** Prepares SPARK_HOME and returns the executors' extra classpath. */
    static synchronized String prepare() {
        String home = System.getenv("SPARK_HOME");
        if (home == null) {
            throw new IllegalStateException("SPARK_HOME is not set; run the tests through Maven (surefire sets it)");
        }
        try {
            Path jars = Path.of(home, "jars");
            Files.createDirectories(jars);
            Files.writeString(Path.of(home, "RELEASE"), "jgrad test SPARK_HOME: jars/ links the test classpath\n");
            List<String> dirs = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isDirectory(p)) {
                    dirs.add(p.toAbsolutePath().toString());
                } else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                    Path link = jars.resolve(p.getFileName());
                    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, p.toAbsolutePath());
                    }
                }
            }
            return String.join(File.pathSeparator, dirs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
