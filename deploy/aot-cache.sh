#!/bin/sh
# Builds a Java AOT cache for the service (docs/performance.md, "Start-up"), outside Docker; the Dockerfile does the
# same in its runtime stage.
#
#   sh deploy/aot-cache.sh [jar] [destination] [training arguments...]
#   java -XX:AOTCache=$PWD/target/aot/app.aot -jar $PWD/target/aot/sarcoma-cds.jar --cds.warm-up.max-time=1s
#                                                           # then run it like this (the script prints the command)
#
# Defaults: target/sarcoma-cds.jar (mvn package), target/aot. Step 1 extracts the executable jar into a plain jar and
# lib/ (the AOT cache holds classes loaded from the class path, not from a jar nested in a jar). Step 2 is a training
# start: the application context starts — knowledge base, FHIR model, the warm-up's synthetic calls through the
# whole pipeline, for the full 4 s — and the JVM exits before the port opens (spring.context.exit=onRefresh),
# writing the classes it loaded and linked and the method profiles it gathered to app.aot. The training uses an
# in-memory database, so it leaves no data behind. Extra arguments go to the training start: use the profile you
# will run, e.g. --spring.profiles.active=prod with placeholder settings (see the Dockerfile).
#
# The JVM uses the cache only when the class path is the one of the training, so the jar is named by its absolute
# path both times: run the printed command as it is. Use the same java (JAVA_HOME, or the java on the PATH) and the
# same -XX:+UseCompactObjectHeaders setting for training and running, a heap under 32 GB and not ZGC (compressed
# pointers must match; G1 and Serial may differ): a cache that does not fit is not used (the JVM says so and starts
# without it).
set -eu
jar=${1:-target/sarcoma-cds.jar}
dest=${2:-target/aot}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi

rm -rf "$dest"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dest"
dir=$(cd "$dest" && pwd)
# JAVA_TRAINING_OPTS: JVM options of the run the cache is for (a collector other than the default, say).
# shellcheck disable=SC2086
"$java" ${JAVA_TRAINING_OPTS:-} -XX:AOTCacheOutput="$dir/app.aot" -Dspring.context.exit=onRefresh \
  -jar "$dir/sarcoma-cds.jar" --spring.datasource.url=jdbc:h2:mem:aot-training --cds.warm-up.max-time=4s "$@"
# With the cache the hot code is compiled after far fewer synthetic calls: a 1 s warm-up keeps readiness within 5 s.
echo "AOT cache written. Run: java -XX:AOTCache=$dir/app.aot -jar $dir/sarcoma-cds.jar --cds.warm-up.max-time=1s"
