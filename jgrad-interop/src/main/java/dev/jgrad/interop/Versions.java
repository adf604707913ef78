package dev.jgrad.interop;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, from the filtered {@code version.properties} resource (for ONNX's producer_version). */
final class Versions {

    private static final String VERSION = load();

    private Versions() {
    }

    static String jgrad() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
