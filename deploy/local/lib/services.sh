# shellcheck shell=bash
# The Quarkus services for ./vf: building and starting them in order, waiting until ready, `./vf restart`.
# Sourced by ./vf (uses its setting SERVICES, lib/common.sh and lib/jvm.sh).

# ---- (f) services ----------------------------------------------------------------------------------
svc_name() { echo "${1%%:*}"; }
svc_port() { echo "${1##*:}"; }
svc_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
svc_ready() { http_ok "http://127.0.0.1:$1/q/health/ready"; }

start_services() {
  local s name port missing=()
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    [[ -d "$ROOT/$name" && -f "$ROOT/$name/pom.xml" ]] || continue
    [[ -f "$(svc_jar "$name")" ]] || missing+=("$name")
  done
  if (( ${#missing[@]} > 0 )); then
    if [[ "${VF_SKIP_BUILD:-0}" == 1 ]]; then
      warn "VF_SKIP_BUILD=1: not building; skipping unbuilt service(s): ${missing[*]}"
    else
      local start; start="$(now)"
      step "building services (${missing[*]} not built): $(basename "$(mvn_cmd)") -B -q package -DskipTests"
      printf '\n'
      "$(mvn_cmd)" -B -q package -DskipTests || die "build failed"
      msg "build done ($(since "$start"))"
    fi
  fi
  local started=() any=0
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"; port="$(svc_port "$s")"
    [[ -d "$ROOT/$name" && -f "$ROOT/$name/pom.xml" ]] || continue
    any=1
    [[ -f "$(svc_jar "$name")" ]] || continue
    # The gateway goes last: wait for all the others first.
    if [[ "$name" == gateway ]]; then
      _wait_services "${started[@]}"
      started=()
    fi
    local pid
    if pid="$(pid_of "$name")"; then
      msg "$name already running (pid $pid, http://127.0.0.1:$port)"
      continue
    elif port_open "$port"; then
      warn "port $port is in use by a process vf did not start; not starting $name"
      continue
    fi
    msg "starting $name (http://127.0.0.1:$port)"
    start_service "$name"
    started+=("$name:$port")
  done
  _wait_services "${started[@]}"
  (( any )) || msg "no service folders yet (${SERVICES[*]%%:*})"
}

_wait_services() {
  local s name port start
  for s in "$@"; do
    [[ -n "$s" ]] || continue
    name="$(svc_name "$s")"; port="$(svc_port "$s")"
    start="$(now)"
    step "waiting for $name /q/health/ready"
    wait_for "$name" 120 svc_ready "$port" || die "$name did not become ready (log: $LOG_DIR/$name.log)"
    ok "ready ($(since "$start"))"
  done
}

# vf restart SERVICE [NAME=VALUE ...] — stop one service and start it again, with these environment overrides
# (e.g. another narration provider). Values are not printed: they may be keys.
cmd_restart() {
  local service="${1:-}" s port=""
  (( $# > 0 )) && shift
  for s in "${SERVICES[@]}"; do [[ "$(svc_name "$s")" == "$service" ]] && port="$(svc_port "$s")"; done
  [[ -n "$port" ]] || die "usage: ./vf restart SERVICE [NAME=VALUE ...]  (services: ${SERVICES[*]%%:*})"
  [[ -f "$(svc_jar "$service")" ]] || die "$service is not built (./vf up builds it)"
  local kv names=()
  for kv in "$@"; do
    [[ "$kv" =~ ^[A-Z_][A-Z0-9_]*=.*$ ]] || die "not NAME=VALUE: ${kv%%=*}"
    names+=("${kv%%=*}")
  done
  if pid_of "$service" >/dev/null; then stop_pid "$service"; fi
  msg "starting $service (http://127.0.0.1:$port)${names[*]:+ with ${names[*]}}"
  stripe_env
  start_service "$service" "$@"
  _wait_services "$service:$port"
}
