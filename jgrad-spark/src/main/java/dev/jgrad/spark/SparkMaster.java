package dev.jgrad.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a Spark context for training: checks the master URL first (a typo or a cluster that is not running is one
 * clear line, not a minute of retries and a stack trace), quiets Spark's logging, gives executors the Vector API
 * module when this JVM has it (the same kernels everywhere, hence the same float results) and one core each.
 */
public final class SparkMaster {

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\d+|\\*)(,\\d+)?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[(\\d+),(\\d+),(\\d+)]");
    private static final Pattern STANDALONE = Pattern.compile("spark://([^/:,\\s]+):(\\d+)");

    private SparkMaster() {
    }

    /** Checks {@code master}: local[N], local-cluster[N,cores,MB], spark://host:port (which must answer). */
    public static void check(String master) {
        if (master == null || master.isBlank()) {
            throw new SparkTrainingException("Spark master URL is empty; use local[2], local-cluster[2,1,1024] or spark://host:7077");
        }
        if (LOCAL.matcher(master).matches() || LOCAL_CLUSTER.matcher(master).matches()
                || master.equals("yarn") || master.startsWith("k8s://")) {
            return;
        }
        Matcher m = STANDALONE.matcher(master);
        if (!m.matches()) {
            throw new SparkTrainingException("'" + master + "' is not a Spark master URL; use local[N], "
                    + "local-cluster[N,cores,memoryMB] or spark://host:port");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))), 5000);
        } catch (IOException e) {
            throw new SparkTrainingException("cannot reach the Spark master at " + m.group(1) + ":" + m.group(2) + " ("
                    + e.getMessage() + "); is the cluster running? (jgrad-spark/bin/cluster.sh start)", e);
        }
    }

    /**
     * A context on {@code master} for {@code partitions} workers; {@code jars} are shipped to the executors (the jar
     * holding jgrad and the caller's factories), {@code executorClassPath} is prepended to theirs (may be null).
     */
    public static JavaSparkContext open(String master, String appName, int partitions, List<String> jars,
                                        String executorClassPath) {
        check(master);
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("spark.submit.deployMode") == null) {
            System.setProperty("log4j2.configurationFile", "dev/jgrad/spark/log4j2-quiet.properties");
        }
        SparkConf conf = new SparkConf().setMaster(master).setAppName(appName)
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.executor.cores", "1")
                .set("spark.cores.max", Integer.toString(partitions))
                // A lost executor fails the barrier stage at once; the trainer resubmits the chunk.
                .set("spark.task.maxFailures", "1")
                // Until every worker has an executor (at start, after one was lost), look again every second for
                // up to two minutes rather than every 15 s.
                .set("spark.scheduler.barrier.maxConcurrentTasksCheck.interval", "1s")
                .set("spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures", "120");
        Matcher lc = LOCAL_CLUSTER.matcher(master);
        if (lc.matches()) {
            conf.set("spark.executor.memory", lc.group(3) + "m");
        }
        String javaOptions = "-Djgrad.threads=1" + (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                ? " --add-modules jdk.incubator.vector" : "");
        conf.set("spark.executor.extraJavaOptions", javaOptions);
        if (executorClassPath != null && !executorClassPath.isEmpty()) {
            conf.set("spark.executor.extraClassPath", executorClassPath);
        }
        if (jars != null && !jars.isEmpty()) {
            conf.setJars(jars.toArray(String[]::new));
        }
        try {
            return new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new SparkTrainingException("Spark could not start on " + master + ": " + e.getMessage(), e);
        }
    }
}
