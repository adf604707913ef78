#!/usr/bin/env bash
# Builds the class-data sharing archive the jgrad launcher starts with (run by Maven in jgrad-cli's package phase,
# after the shaded jar): the classes a short `jgrad train` loads (listed by that run), dumped into
# target/cds/jgrad-<JAVA_RUNTIME_VERSION>.jsa for the Java that runs the build. The launcher uses an archive only
# when its name matches the Java it runs and it is newer than jgrad.jar. A failure here never fails the build:
# jgrad then starts without the archive, and the launcher says so once.
#
#   cds-archive.sh JAVA_HOME TARGET_DIR
set -u
java_home="$1"
target="$2"
jar="$target/jgrad.jar"
java="$java_home/bin/java"
runtime="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$java_home/release" 2>/dev/null)"
if [ -z "$runtime" ] || [ ! -x "$java" ] || [ ! -f "$jar" ]; then
  echo "cds-archive: skipped (no $java_home/release version, java or $jar)"
  exit 0
fi
work="$target/cds/work"
rm -rf "$work" && mkdir -p "$work" || exit 0
# The collector and object alignment must be the launcher's (its heap=() line): an archive dumped with other ones
# is not mapped (the JVM says so only under -Xlog:cds).
opts=(--add-modules jdk.incubator.vector -Djava.awt.headless=true -Djgrad.threads=1 -XX:+UseSerialGC
      -XX:ObjectAlignmentInBytes=64)
fail() { echo "cds-archive: $1; jgrad will start without a class-data archive"; exit 0; }
cd "$work" || fail "cannot enter $work"
# Train on the built-in 2D set: command line, data, training, evaluation, model file, charts.
"$java" "${opts[@]}" -XX:DumpLoadedClassList=train.lst -jar "$jar" train --epochs 2 --progress none \
    --out model.jgrad >train.log 2>&1 || fail "the training run failed (see $work/train.log)"
# The list of that one run (lists of two runs cannot simply be merged: newer JDKs number their entries); the
# predict path shares the start-up, picocli, model-file and tensor classes with it.
cp train.lst classes.lst
archive="$target/cds/jgrad-$runtime.jsa"
"$java" "${opts[@]}" -Xshare:dump -XX:SharedClassListFile=classes.lst -XX:SharedArchiveFile="$work/jgrad.jsa" \
    -cp "$jar" >dump.log 2>&1 || fail "the archive dump failed (see $work/dump.log)"
mv -f "$work/jgrad.jsa" "$archive" || fail "cannot write $archive"
rm -f "$target/cds/.told-$runtime"  # a later stale archive is told again
rm -rf "$work"
echo "cds-archive: wrote $archive"
