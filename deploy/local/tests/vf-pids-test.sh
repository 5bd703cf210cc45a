#!/usr/bin/env bash
# Tests vf's pid handling: `./vf down` stops what vf started and never a process that merely has a
# recorded pid (pid reuse). Runs in a temporary VF_RUN_DIR/VF_LOG_DIR, so a running platform is not
# touched; quick (a few seconds). Run by `./vf test`, or alone: bash deploy/local/tests/vf-pids-test.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
TMP="$(mktemp -d)"
export VF_RUN_DIR="$TMP/run" VF_LOG_DIR="$TMP/logs"
mkdir -p "$VF_RUN_DIR" "$VF_LOG_DIR"

ours=()        # every process this test started, stopped at the end whatever happens
failures=0
cleanup() {
  local pid
  for pid in "${ours[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

check() {  # check DESCRIPTION COMMAND...
  local what="$1"; shift
  if "$@"; then echo "  ok    $what"; else echo "  FAIL  $what"; failures=$((failures + 1)); fi
}
alive() { [[ -d "/proc/$1" ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; }
gone() { ! alive "$1"; }
no_file() { [[ ! -e "$VF_RUN_DIR/$1.pid" ]]; }
recorded_pid() { read -r pid _ <"$VF_RUN_DIR/$1.pid"; echo "$pid"; }
# vf_start NAME CMD... — start a process exactly as `./vf up` does (vf's start_bg), in a subshell that
# then exits, so the process is detached from this test like a real platform part.
vf_start() { (source "$ROOT/vf"; start_bg "$@"); }

# An unrelated process: the kind of process a recorded pid may belong to after the recorded one died.
sleep 300 &
stranger=$!
disown "$stranger"   # no "Killed" note from this shell when cleanup stops it
ours+=("$stranger")

echo "vf down leaves alone a process whose pid was recorded for another one:"
# A reused pid belongs to a process started later than the recorded one; identities are start times in clock ticks
# (10 ms), and two processes started within one tick would look the same (a CI run failed that way).
sleep 0.1
# s3proxy: a real vf-started process that died; its pid file then names the stranger's pid (reuse).
vf_start s3proxy sleep 300
dead="$(recorded_pid s3proxy)"; ours+=("$dead")
kill -KILL "$dead"
for _ in $(seq 50); do gone "$dead" && break; sleep 0.1; done
sed -i "1s/^$dead /$stranger /" "$VF_RUN_DIR/s3proxy.pid"
# vision-service: a pid file as an older vf wrote it (the pid alone), pointing at the stranger.
echo "$stranger" >"$VF_RUN_DIR/vision-service.pid"
out="$("$ROOT/vf" down 2>&1)" || { echo "$out"; echo "  FAIL  ./vf down exited non-zero"; exit 1; }
check "the stranger is still running" alive "$stranger"
check "s3proxy's pid file (reused pid) is removed" no_file s3proxy
check "vision-service's pid file (no identity) is removed" no_file vision-service
check "vf down warned about the reused pid" grep -q "s3proxy: pid $stranger is not the process vf started" <<<"$out"

echo "vf down stops what vf started:"
vf_start gateway sleep 300
gateway="$(recorded_pid gateway)"; ours+=("$gateway")
# Like kc.sh: a wrapper with a child of its own (its group is stopped as a whole).
vf_start keycloak bash -c 'sleep 300 & echo $! >"$VF_RUN_DIR/keycloak-child"; wait'
keycloak="$(recorded_pid keycloak)"; ours+=("$keycloak")
for _ in $(seq 50); do [[ -s "$VF_RUN_DIR/keycloak-child" ]] && break; sleep 0.1; done
child="$(cat "$VF_RUN_DIR/keycloak-child")"; ours+=("$child")
check "both are running before" alive "$gateway"
check "the wrapper's child is running before" alive "$child"
(source "$ROOT/vf"; pid_of gateway >/dev/null) && found=yes || found=no
check "pid_of recognises the process vf started" [ "$found" = yes ]
out="$("$ROOT/vf" down 2>&1)" || { echo "$out"; echo "  FAIL  ./vf down exited non-zero"; exit 1; }
check "the gateway is stopped" gone "$gateway"
check "the keycloak wrapper is stopped" gone "$keycloak"
check "the wrapper's child is stopped" gone "$child"
check "the pid files are removed" no_file gateway
check "the pid files are removed" no_file keycloak
check "the stranger is still running" alive "$stranger"

if (( failures > 0 )); then
  echo "vf pid tests: $failures FAILED"
  echo "$out"
  exit 1
fi
echo "vf pid tests: passed"
