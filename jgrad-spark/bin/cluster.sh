#!/usr/bin/env bash
# A real Spark standalone cluster on this machine from the build's classpath: a master on 127.0.0.1:7077 (web UI
# :8080) and two workers with one core and 1 GB each. Usage: cluster.sh start|stop|status
# Logs and pids go to jgrad-spark/target/cluster/.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/spark-env.sh"
dir="$jgrad_spark_module/target/cluster"
mkdir -p "$dir"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
master="spark://127.0.0.1:7077"

start_one() { # name, main class, args...
  local name="$1"; shift
  if [ -f "$dir/$name.pid" ] && kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
    echo "$name already running (pid $(cat "$dir/$name.pid"))"; return
  fi
  # shellcheck disable=SC2086
  nohup "$java" $JGRAD_SPARK_JAVA_OPTS -Xmx512m -cp "$SPARK_HOME/jars/*" "$@" > "$dir/$name.log" 2>&1 &
  echo $! > "$dir/$name.pid"
  echo "$name started (pid $!, log $dir/$name.log)"
}

wait_port() { # port
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "cluster.sh: nothing answers on 127.0.0.1:$1 after 60 s; see $dir/*.log" >&2
  return 1
}

case "${1:-}" in
  start)
    start_one master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 --webui-port 8080
    wait_port 7077
    for w in 1 2; do
      start_one "worker$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g \
        --webui-port $((8080 + w)) --work-dir "$dir/work$w" "$master"
    done
    wait_port 8081 && wait_port 8082
    echo "cluster: master $master (UI http://127.0.0.1:8080), 2 workers"
    ;;
  stop)
    for name in worker2 worker1 master; do
      if [ -f "$dir/$name.pid" ]; then
        pid="$(cat "$dir/$name.pid")"
        kill "$pid" 2>/dev/null && echo "$name stopped (pid $pid)" || echo "$name was not running"
        rm -f "$dir/$name.pid"
      fi
    done
    ;;
  status)
    for name in master worker1 worker2; do
      if [ -f "$dir/$name.pid" ] && kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
        echo "$name running (pid $(cat "$dir/$name.pid"))"
      else
        echo "$name not running"
      fi
    done
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
