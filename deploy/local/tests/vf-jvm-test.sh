#!/usr/bin/env bash
# Tests how vf runs the services' JVMs (deploy/local/lib/jvm.sh): the Java chosen, the flags, and when the JDK's AOT
# cache is trained, used, dropped as stale, or left alone. No JVM is started: quick. Run by `./vf test`, or alone:
# bash deploy/local/tests/vf-jvm-test.sh
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export VF_RUN_DIR="$TMP/run" VF_LOG_DIR="$TMP/logs"
mkdir -p "$VF_RUN_DIR" "$VF_LOG_DIR"
unset VF_AOT VF_SERVICE_JAVA VF_SERVICE_JAVA_OPTS VF_SERVICE_EXTRA_JAVA_OPTS VF_SERVICE_HEAP_MB

failures=0
check() {  # check DESCRIPTION COMMAND...
  local what="$1"; shift
  if "$@"; then echo "  ok    $what"; else echo "  FAIL  $what"; failures=$((failures + 1)); fi
}
same() { [[ "$1" == "$2" ]] || { echo "        got '$1', expected '$2'"; return 1; }; }
not() { ! "$@"; }

# shellcheck source=vf
source "$REPO/vf"
ROOT="$TMP/repo"   # a service built here, not the repository's own
app="$ROOT/demo-service/target/quarkus-app"
mkdir -p "$app/lib/main"
touch -d '1 hour ago' "$app/quarkus-run.jar" "$app/lib/main/a.jar"

echo "vf runs the services' JVMs:"
java="$(service_java)"
major="$(java_major "$java")"
check "a Java >= 17 is chosen ($java, $major)" test "$major" -ge 17
if ls /usr/lib/jvm/*/bin/java >/dev/null 2>&1; then
  newest=0
  for c in /usr/lib/jvm/*/bin/java; do v="$(java_major "$c" 2>/dev/null || echo 0)"; (( v > newest )) && newest="$v"; done
  (( newest >= 25 )) && check "the newest JDK >= 25 on the machine is chosen" test "$major" -ge 25
fi
flags="$(service_jvm_flags vision-service "$java")"
check "Serial GC and the measured heap" same "$(echo "$flags" | grep -o -- '-XX:+UseSerialGC -Xms32m -Xmx160m')" "-XX:+UseSerialGC -Xms32m -Xmx160m"
check "media-service gets room for whole recordings" same "$(service_jvm_flags media-service "$java" | grep -o -- '-Xmx[0-9]*m')" "-Xmx256m"
check "VF_SERVICE_EXTRA_JAVA_OPTS adds to the flags" same "$(VF_SERVICE_EXTRA_JAVA_OPTS='-XX:TieredStopAtLevel=1' service_jvm_flags vision-service "$java" | grep -o -- '-Xmx[0-9]*m -XX:ReservedCodeCacheSize=96m.*TieredStopAtLevel=1$' | wc -l)" "1"
check "VF_SERVICE_JAVA_OPTS replaces the flags" same "$(VF_SERVICE_JAVA_OPTS='-Xmx1g' service_jvm_flags vision-service "$java")" "-Xmx1g"

if (( major >= 25 )); then
  check "no cache yet: this run trains one" same "$(service_aot_flags demo-service "$java")" "-XX:AOTCacheOutput=$app/app.aot"
  check "a training run is marked (its stop gets time to write the cache)" aot_training demo-service
  check "a training run's stop waits up to 180 s" same "$(stop_grace demo-service)" 180
  touch "$app/app.aot"
  check "a current cache is used" same "$(service_aot_flags demo-service "$java")" "-XX:AOTCache=$app/app.aot"
  check "a run using the cache is not a training run" not aot_training demo-service
  check "its stop waits 30 s" same "$(stop_grace demo-service)" 30
  touch "$app/lib/main/a.jar"   # rebuilt: the cache no longer matches the classpath
  check "a stale cache (a newer jar) is dropped and a new one trained" \
    same "$(service_aot_flags demo-service "$java")" "-XX:AOTCacheOutput=$app/app.aot"
  check "the stale cache file is gone" not test -e "$app/app.aot"
  check "VF_AOT=use never trains" same "$(VF_AOT=use service_aot_flags demo-service "$java")" ""
  touch "$app/app.aot"
  check "VF_AOT=use maps a current cache" same "$(VF_AOT=use service_aot_flags demo-service "$java")" "-XX:AOTCache=$app/app.aot"
  check "VF_AOT=0 turns it off" same "$(VF_AOT=0 service_aot_flags demo-service "$java")" ""
else
  check "Java $major: no AOT cache flags" same "$(service_aot_flags demo-service "$java")" ""
fi

if (( failures > 0 )); then echo "vf jvm tests: $failures FAILED"; exit 1; fi
echo "vf jvm tests: passed"
