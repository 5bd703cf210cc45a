# shellcheck shell=bash
# How ./vf runs the services' JVMs: which Java, which flags, and the JDK's ahead-of-time cache.
# Sourced by ./vf (uses lib/common.sh). docs/benchmarks.md ("Start and footprint") has the measurements behind
# these choices.
#
# Java: the newest JDK >= 25 on the machine (the AOT cache of JEP 483/514 needs it), else any Java >= 17.
# Flags: Serial GC (one or two cores per service: G1's concurrent threads and remembered sets cost memory and buy
# nothing here), a heap sized from the measured live set, compact object headers on 25, glibc arenas capped.
# VF_SERVICE_JAVA_OPTS replaces the flags (not the AOT ones), VF_SERVICE_EXTRA_JAVA_OPTS adds to them (./vf test: the
# client compiler only, for services that live minutes); VF_AOT=0 turns the AOT cache off, VF_AOT=use maps a
# current cache but never trains one (./vf test: a training run's stop spends tens of seconds writing its cache).
#
# The AOT cache (Java >= 25): a service started without a cache records what it loads and links while it runs
# (-XX:AOTCacheOutput) and writes target/quarkus-app/app.aot when it stops (./vf down, ./vf restart): its training
# run is the platform's real use. Later starts map that cache (-XX:AOTCache). A rebuilt service has a newer jar than
# its cache: the cache is dropped and the next run trains again. A cache the JVM refuses (other flags, another JDK)
# is ignored with a warning in the service's log, never an error.

SERVICE_HEAP_MB="${VF_SERVICE_HEAP_MB:-160}"
# media-service holds a whole recording (up to 25 MB) and its multipart copy while it is transcribed, several workers
# at once: more room than the others' measured ~60 MiB live set needs.
MEDIA_HEAP_MB="${VF_MEDIA_HEAP_MB:-256}"

# service_java — the java binary the services run on.
service_java() {
  local c v best="" best_v=0
  [[ -n "${VF_SERVICE_JAVA:-}" ]] && { echo "$VF_SERVICE_JAVA"; return 0; }
  for c in "${JAVA_HOME:-/nonexistent}/bin/java" /usr/lib/jvm/*/bin/java; do
    [[ -x "$c" ]] || continue
    v="$(java_major "$c" 2>/dev/null || true)"
    [[ -n "$v" ]] && (( v >= 25 && v > best_v )) && { best="$c"; best_v="$v"; }
  done
  [[ -n "$best" ]] && { echo "$best"; return 0; }
  find_java 17
}

# service_jvm_flags NAME JAVA — the memory and GC flags for service NAME's JVM on that java.
service_jvm_flags() {
  if [[ -n "${VF_SERVICE_JAVA_OPTS:-}" ]]; then echo "$VF_SERVICE_JAVA_OPTS"; return 0; fi
  local heap="$SERVICE_HEAP_MB"
  [[ "$1" == media-service ]] && heap="$MEDIA_HEAP_MB"
  local flags="-XX:+UseSerialGC -Xms32m -Xmx${heap}m -XX:ReservedCodeCacheSize=96m"
  (( $(java_major "$2") >= 25 )) && flags+=" -XX:+UseCompactObjectHeaders"
  [[ -n "${VF_SERVICE_EXTRA_JAVA_OPTS:-}" ]] && flags+=" $VF_SERVICE_EXTRA_JAVA_OPTS"
  echo "$flags"
}

aot_cache_file() { echo "$ROOT/$1/target/quarkus-app/app.aot"; }

# service_aot_flags NAME JAVA — -XX:AOTCache=… when a current cache exists, -XX:AOTCacheOutput=… to train one
# (not with VF_AOT=use), nothing on Java < 25 or with VF_AOT=0. A cache older than any file of the build is stale: removed.
service_aot_flags() {
  local name="$1" java="$2" cache
  [[ "${VF_AOT:-1}" != 0 ]] || return 0
  (( $(java_major "$java") >= 25 )) || return 0
  cache="$(aot_cache_file "$name")"
  if [[ -f "$cache" ]] && [[ -n "$(find "$ROOT/$name/target/quarkus-app" -newer "$cache" -type f ! -name 'app.aot*' -print -quit)" ]]; then
    rm -f "$cache"
  fi
  if [[ -f "$cache" ]]; then
    rm -f "$RUN_DIR/$name.aot-training"
    echo "-XX:AOTCache=$cache"
  elif [[ "${VF_AOT:-1}" == use ]]; then
    rm -f "$RUN_DIR/$name.aot-training"
  else
    : >"$RUN_DIR/$name.aot-training"
    echo "-XX:AOTCacheOutput=$cache"
  fi
}

# aot_training NAME — true while NAME runs as an AOT training run (its stop writes the cache: give it time).
aot_training() { [[ -f "$RUN_DIR/$1.aot-training" ]]; }

# start_service NAME [ENV=VALUE...] — start one service in the background with the platform's Java and flags
# (from its folder, where its .env-free defaults apply), environment overrides exported for it only.
start_service() {
  local name="$1"; shift
  local java flags aot
  java="$(service_java)" || die "services need Java 17+"
  flags="$(service_jvm_flags "$name" "$java")"
  aot="$(service_aot_flags "$name" "$java")"
  # shellcheck disable=SC2086  # flags are lists of JVM options
  (cd "$ROOT/$name" && { (( $# == 0 )) || export "$@"; } && export MALLOC_ARENA_MAX=2 \
    && start_bg "$name" "$java" $flags $aot -jar "$(svc_jar "$name")")
}
