# shellcheck shell=bash
# vf's shared helpers: output (msg, step, ok, warn, die), pid files and processes (pid_of, start_bg, stop_pid,
# wait_for), Java and Maven lookup, downloads through Maven. Sourced by ./vf first (uses its settings: RUN_DIR,
# LOG_DIR, DATA_DIR, ROOT).

# ---- output helpers ---------------------------------------------------------------
if [[ -t 1 ]]; then B=$'\e[1m'; G=$'\e[32m'; Y=$'\e[33m'; R=$'\e[31m'; N=$'\e[0m'; else B=; G=; Y=; R=; N=; fi
step() { printf '%s==>%s %s' "$B" "$N" "$*"; }          # no newline: finish with ok/fail
msg()  { printf '%s==>%s %s\n' "$B" "$N" "$*"; }
ok()   { printf ' %s%s%s\n' "$G" "${*:-ok}" "$N"; }
warn() { printf '%s[warn]%s %s\n' "$Y" "$N" "$*" >&2; }
die()  { printf '\n%s[error]%s %s\n' "$R" "$N" "$*" >&2; exit 1; }
now()  { date +%s; }
since() { echo "$(( $(now) - $1 ))s"; }

# ---- generic helpers ---------------------------------------------------------------
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

pid_file() { echo "$RUN_DIR/$1.pid"; }

# proc_identity PID — "BOOT_ID:START_TICKS" of a live process (not a zombie); fails when there is none.
# A pid is reused once its process is gone; its start time (which exec leaves alone, so kc.sh exec'ing
# java keeps it) and the boot id are not, so together they tell the process vf started from a newcomer.
proc_identity() {
  local stat fields
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  read -r -a fields <<<"${stat##*) }"   # after "(comm)", which may hold spaces: state is [0], starttime [19]
  [[ "${fields[0]:-}" != Z && "${fields[0]:-}" != X && -n "${fields[19]:-}" ]] || return 1
  echo "$(cat /proc/sys/kernel/random/boot_id 2>/dev/null):${fields[19]}"
}

proc_cmdline() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | cut -c1-160; }

# pid_of NAME — prints the recorded pid if that process is alive AND is the one vf started. A pid file
# whose pid now belongs to another process (pid reuse, or a file from an older vf without the
# identity) is removed with a warning, and that process is left alone.
pid_of() {
  local f; f="$(pid_file "$1")"
  [[ -f "$f" ]] || return 1
  local pid="" recorded="" live
  read -r pid recorded <"$f" 2>/dev/null || true
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  live="$(proc_identity "$pid")" || return 1
  if [[ "$live" != "$recorded" ]]; then
    warn "$1: pid $pid is not the process vf started (it runs: $(proc_cmdline "$pid")); leaving it alone and removing $f"
    rm -f "$f"
    return 1
  fi
  echo "$pid"
}

# wait_for NAME TIMEOUT_S CHECK_CMD... — prints a dot every 2s; fails if the process died.
wait_for() {
  local name="$1" timeout="$2"; shift 2
  local start; start="$(now)"
  local i=0
  while ! "$@"; do
    if [[ -f "$(pid_file "$name")" ]] && ! pid_of "$name" >/dev/null; then
      printf '\n'; warn "$name exited; last lines of $LOG_DIR/$name.log:"
      tail -n 30 "$LOG_DIR/$name.log" >&2 || true
      return 1
    fi
    if (( $(now) - start >= timeout )); then
      printf '\n'; warn "$name not ready after ${timeout}s; see $LOG_DIR/$name.log"
      return 1
    fi
    sleep 1; i=$((i + 1)); (( i % 2 == 0 )) && printf '.'
  done
  return 0
}

# start_bg NAME CMD... — detached (survives the shell), log + pid under .vf/
start_bg() {
  local name="$1"; shift
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  {
    echo "----- $(date -Is) vf start: $*"
  } >>"$LOG_DIR/$name.log"
  nohup setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  local pid=$! identity
  # pid, the process's identity (see proc_identity), and the command for whoever reads the file.
  identity="$(proc_identity "$pid")" || identity=exited
  printf '%s %s\n%s\n' "$pid" "$identity" "$*" >"$(pid_file "$name")"
}

# stop_grace NAME — seconds a stopping process gets before KILL: 30, or 180 for a service writing its AOT cache
# (lib/jvm.sh: the JVM assembles the cache as it exits, several at once on two cores).
stop_grace() {
  if declare -F aot_training >/dev/null && aot_training "$1"; then echo 180; else echo 30; fi
}

# stop_pid NAME — TERM the recorded process group, KILL after 30s (stop_grace); only the process vf started (pid_of).
stop_pid() {
  local name="$1" pid identity
  if ! pid="$(pid_of "$name")"; then
    rm -f "$(pid_file "$name")"
    msg "$name not running"
    return 0
  fi
  identity="$(proc_identity "$pid")" || identity=gone
  step "stopping $name (pid $pid)"
  local start; start="$(now)"
  # setsid made the process a group leader: signal the group (e.g. kc.sh + its java).
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  # Wait while that same process lives (a zombie counts as gone): never KILL a newcomer with its pid.
  while [[ "$(proc_identity "$pid" || true)" == "$identity" ]]; do
    if (( $(now) - start >= $(stop_grace "$name") )); then
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      printf ' (killed)'
      break
    fi
    sleep 1; printf '.'
  done
  rm -f "$(pid_file "$name")" "$RUN_DIR/$name.aot-training"
  ok "stopped ($(since "$start"))"
}

# stop_pids NAME... — stop_pid for several processes at once: each is signalled (TERM to its group), then all are
# waited for together (KILL after 30s, stop_grace), so their graceful shutdowns (Kafka consumers leaving their groups) overlap.
stop_pids() {
  local name pid identity pending=() stopping=() start entry left
  for name in "$@"; do
    if ! pid="$(pid_of "$name")"; then
      rm -f "$(pid_file "$name")"
      continue
    fi
    identity="$(proc_identity "$pid")" || identity=gone
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    pending+=("$name $pid $identity")
    stopping+=("$name")
  done
  (( ${#pending[@]} > 0 )) || return 0
  step "stopping ${stopping[*]}"
  start="$(now)"
  while (( ${#pending[@]} > 0 )); do
    left=()
    for entry in "${pending[@]}"; do
      read -r name pid identity <<<"$entry"
      if [[ "$(proc_identity "$pid" || true)" == "$identity" ]]; then
        if (( $(now) - start >= $(stop_grace "$name") )); then
          kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
          printf ' (%s killed)' "$name"
          rm -f "$(pid_file "$name")" "$RUN_DIR/$name.aot-training"
        else
          left+=("$entry")
        fi
      else
        rm -f "$(pid_file "$name")" "$RUN_DIR/$name.aot-training"
      fi
    done
    pending=("${left[@]}")
    (( ${#pending[@]} > 0 )) || break
    sleep 1; printf '.'
  done
  ok "stopped ($(since "$start"))"
}

java_major() {  # java_major /path/to/java -> 17
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# find_java MIN — prints a java binary with major version >= MIN.
# Order: $JAVA_HOME, java on PATH, then every JDK under /usr/lib/jvm (newest last wins tie-break by order).
find_java() {
  local min="$1" c v
  local candidates=()
  [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for c in /usr/lib/jvm/*/bin/java; do [[ -x "$c" ]] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    v="$(java_major "$c" 2>/dev/null || true)"
    [[ -n "$v" ]] && (( v >= min )) && { echo "$c"; return 0; }
  done
  return 1
}

mvn_cmd() {  # ./mvnw if present, else mvn
  if [[ -x "$ROOT/mvnw" ]]; then echo "$ROOT/mvnw"; else command -v mvn || die "neither ./mvnw nor mvn found"; fi
}

# fetch_with_maven DIR POM_BODY GOAL... — run maven on a throwaway pom in DIR (under .vf/)
fetch_with_maven() {
  local dir="$1" deps="$2"; shift 2
  mkdir -p "$dir"
  cat >"$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by ./vf: throwaway pom used only to download local-platform jars. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.vf</groupId>
  <artifactId>vf-fetch-$(basename "$dir")</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
$deps
</project>
EOF
  local mvn; mvn="$(mvn_cmd)"
  if ! (cd "$dir" && "$mvn" -B -q -f "$dir/pom.xml" "$@" >"$dir/mvn.log" 2>&1); then
    tail -n 40 "$dir/mvn.log" >&2
    die "maven download failed (log: $dir/mvn.log)"
  fi
}

render_template() {  # render_template SRC DEST — replaces @VF_DATA@
  sed "s#@VF_DATA@#$DATA_DIR#g" "$1" >"$2"
}
