# Sourced by the jgrad launcher, cluster.sh and spark-submit: Spark from the build's classpath, no download.
# Sets SPARK_CLASSPATH (the jars Maven resolved, listed in target/spark-classpath.txt) and a SPARK_HOME under
# target/ whose jars/ links them (standalone workers start executors from SPARK_HOME/jars).
jgrad_spark_module="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jgrad_spark_cp_file="$jgrad_spark_module/target/spark-classpath.txt"
if [ ! -s "$jgrad_spark_cp_file" ]; then
  echo "jgrad: $jgrad_spark_cp_file is missing; build first: mvn -B -q install -DskipTests" >&2
  return 2 2>/dev/null || exit 2
fi
SPARK_CLASSPATH="$(cat "$jgrad_spark_cp_file")"
export SPARK_HOME="${SPARK_HOME:-$jgrad_spark_module/target/spark-home}"
export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
if [ "$SPARK_HOME" = "$jgrad_spark_module/target/spark-home" ]; then
  mkdir -p "$SPARK_HOME/jars"
  [ -f "$SPARK_HOME/RELEASE" ] || echo "jgrad: Spark from the Maven build's classpath" > "$SPARK_HOME/RELEASE"
  IFS=':' read -r -a jgrad_spark_jars <<< "$SPARK_CLASSPATH"
  for j in "${jgrad_spark_jars[@]}"; do
    ln -sf "$j" "$SPARK_HOME/jars/$(basename "$j")"
  done
fi
# What Spark's own launch scripts give a JVM on Java 17+ (its JavaModuleOptions), and the Vector API for jgrad.
JGRAD_SPARK_JAVA_OPTS="--add-modules jdk.incubator.vector --add-opens=java.base/java.lang=ALL-UNNAMED \
--add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
