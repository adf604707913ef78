package dev.jgrad.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A data file as the user named it: a local path, or a URI of any file system Hadoop reads (file://, hdfs://, and
 * s3a:// etc. when the connector is on the classpath), opened through the Hadoop FileSystem API that Spark ships
 * (hadoop-client-api). The same name must work on every worker.
 */
final class DataFile {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final String name;
    private final String what;
    private final org.apache.hadoop.fs.Path path;
    private final FileSystem fs;

    private DataFile(String name, String what, org.apache.hadoop.fs.Path path, FileSystem fs) {
        this.name = name;
        this.what = what;
        this.path = path;
        this.fs = fs;
    }

    /**
     * Resolves {@code name} ({@code what} says what it holds, for messages) with Hadoop settings {@code hadoop}
     * (Spark's {@code spark.hadoop.*} properties without the prefix).
     *
     * @throws IOException a one-line reason: an unknown scheme, an unreachable file system
     */
    static DataFile open(String name, String what, Map<String, String> hadoop) throws IOException {
        URI uri = SCHEME.matcher(name).matches() ? URI.create(name) : Path.of(name).toAbsolutePath().toUri();
        Configuration conf = new Configuration();
        hadoop.forEach(conf::set);
        try {
            return new DataFile(name, what, new org.apache.hadoop.fs.Path(uri), FileSystem.get(uri, conf));
        } catch (UnsupportedFileSystemException e) {
            throw new IOException(name + ": no Hadoop file system for the scheme '" + uri.getScheme() + "' on the classpath"
                    + " (file:, hdfs: and those whose connector jar is on every worker's classpath, e.g. hadoop-aws for s3a:)", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": not a usable file system URI (" + firstLine(e.getMessage()) + ")", e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ClassNotFoundException missing) {
                // Hadoop knows the scheme (s3a: -> S3AFileSystem) but its connector jar is not here.
                throw new IOException(name + ": the Hadoop file system for the scheme '" + uri.getScheme() + "' is not on"
                        + " the classpath (" + firstLine(missing.getMessage()) + "); put its connector jar (e.g."
                        + " hadoop-aws for s3a:) on every worker's classpath", e);
            }
            throw e;
        }
    }

    /** The length in bytes, checking that the file is there. */
    long size() throws IOException {
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw missing();
        } catch (IOException e) {
            throw new IOException(name + ": cannot reach it (" + firstLine(e.getMessage()) + "); every worker must see the same path", e);
        }
        if (status.isDirectory()) {
            throw new NoSuchFileException(name, null, what + " is a directory, not a file");
        }
        return status.getLen();
    }

    InputStream open() throws IOException {
        try {
            return fs.open(path);
        } catch (FileNotFoundException e) {
            throw missing();
        }
    }

    private NoSuchFileException missing() {
        return new NoSuchFileException(name, null, what + " is missing or unreadable (every worker must see the same path)");
    }

    String name() {
        return name;
    }

    private static String firstLine(String s) {
        String m = String.valueOf(s);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
