# shellcheck shell=bash
# The commands for the platform as a whole: `./vf up` (and its summary), down, reset, status, logs.
# Sourced by ./vf (uses every other lib/*.sh).

# ---- commands ---------------------------------------------------------------------------------------
cmd_up() {
  local t0; t0="$(now)"
  mkdir -p "$VF_DIR" "$RUN_DIR" "$LOG_DIR" "$DATA_DIR"
  ensure_packages "${APT_PACKAGES[@]}"
  ensure_node
  ensure_postgres
  ensure_databases
  # Keycloak takes longest (and its first start builds it): it starts beside Kafka, S3Proxy and the Stripe stub, its
  # output shown after theirs.
  local kc_log="$LOG_DIR/up-keycloak.log" kc_pid kc_rc=0
  msg "starting Keycloak in the background while the others start ($kc_log)"
  start_keycloak >"$kc_log" 2>&1 &
  kc_pid=$!
  start_kafka
  start_s3
  start_stripe
  wait "$kc_pid" || kc_rc=$?
  cat "$kc_log"
  (( kc_rc == 0 )) || die "Keycloak did not start (above; its log: ./vf logs keycloak)"
  start_services
  msg "platform up in $(since "$t0")"
  summary
}

summary() {
  local s name port
  cat <<EOF

${B}VibrationFit local platform${N}  (local-only credentials; not secrets)
  PostgreSQL   127.0.0.1:$(pg_port)   dbs: ${DATABASES[*]} (+ _test; tests only: ${TEST_DATABASES[*]/%/_test})   roles: <db>_owner / <db>_app, password <role>_local_only
  Kafka        127.0.0.1:$KAFKA_PORT (controller :$KAFKA_CONTROLLER_PORT)   topics: ${KAFKA_TOPICS[*]}
  S3 (S3Proxy) http://127.0.0.1:$S3_PORT   bucket: $S3_BUCKET   access key: $S3_IDENTITY / secret: $S3_CREDENTIAL   region: us-east-1, path-style
  Payments     http://127.0.0.1:$STRIPE_PORT   Stripe protocol stub (checkout pages; test controls under /test)   key: $STRIPE_API_KEY
  Keycloak     http://127.0.0.1:$KC_PORT   admin console: http://127.0.0.1:$KC_PORT/admin (admin/admin)
               realm: $KC_REALM   issuer: http://127.0.0.1:$KC_PORT/realms/$KC_REALM   client: $KC_CLIENT (public, PKCE S256)   audience: vibrationfit-api
EOF
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"; port="$(svc_port "$s")"
    if pid_of "$name" >/dev/null; then
      printf '  %-18s http://127.0.0.1:%s/q/health/ready\n' "$name" "$port"
    fi
  done
  local api="http://127.0.0.1:8082"
  if pid_of gateway >/dev/null; then
    api="http://127.0.0.1:8080"
    cat <<EOF

  ${B}Web app:       http://127.0.0.1:8080/${N}   (sign in as a demo user below)
  Frontends use one URL: http://127.0.0.1:8080  (the OIDC gateway; the web app at /, every /api/v1/... route)
  API docs:      http://127.0.0.1:8080/q/swagger-ui   (one merged OpenAPI at /openapi)
EOF
  fi
  cat <<EOF

  Demo users (password = user name): alice, bob, admin (realm role admin)
  Access token:  ./vf token alice
  Try:           curl -H "Authorization: Bearer \$(./vf token alice)" $api/api/v1/visions
  Status / logs: ./vf status   ./vf logs kafka|s3proxy|keycloak|postgres|<service>
  Stop:          ./vf down      (data kept; ./vf reset wipes it)
EOF
}

cmd_down() {
  local s name services=()
  # The gateway first (no new requests), then the services all at once, then what they need.
  if [[ -f "$(pid_file gateway)" ]]; then stop_pid gateway; fi
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    if [[ "$name" != gateway && -f "$(pid_file "$name")" ]]; then services+=("$name"); fi
  done
  stop_pids "${services[@]}"
  stop_pid keycloak
  stop_pid stripe-stub
  stop_pid s3proxy
  stop_pid kafka
  if [[ -f "$RUN_DIR/postgres.started-by-vf" ]]; then
    if pg_running; then
      step "stopping PostgreSQL $PG_VERSION (started by vf)"
      pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop
      ok
    fi
    rm -f "$RUN_DIR/postgres.started-by-vf"
  else
    msg "PostgreSQL left as it was (vf did not start it)"
  fi
}

cmd_reset() {
  cmd_down
  msg "reset: wiping local platform data:"
  echo "      $DATA_DIR/kafka   (Kafka topics, offsets, KRaft metadata)"
  echo "      $DATA_DIR/s3      (S3 buckets and objects)"
  echo "      $KC_HOME/data/h2  (Keycloak database: realm is re-imported on next up)"
  echo "      databases: $(all_databases) (dropped and recreated empty)"
  rm -rf "$DATA_DIR/kafka" "$DATA_DIR/s3" "$KC_HOME/data/h2" "$KC_HOME/data/transaction-logs"
  local pg_was_running=0
  pg_running && pg_was_running=1
  ensure_postgres
  step "dropping service databases"
  drop_databases || die "dropping databases failed"
  ok
  ensure_databases
  if (( ! pg_was_running )); then   # leave PostgreSQL stopped, as down left it
    step "stopping PostgreSQL $PG_VERSION"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop
    rm -f "$RUN_DIR/postgres.started-by-vf"
    ok
  fi
  msg "reset done. Run ./vf up to start again."
}

status_line() {  # status_line NAME up|down DETAIL
  local color="$R"; [[ "$2" == up ]] && color="$G"
  printf '  %-20s %s%-5s%s %s\n' "$1" "$color" "$2" "$N" "$3"
}

cmd_status() {
  local pid
  if pg_running && pg_ready; then status_line postgresql up "127.0.0.1:$(pg_port)$([[ -f "$RUN_DIR/postgres.started-by-vf" ]] && echo ' (started by vf)')"
  else status_line postgresql down ""; fi

  _status_one kafka "127.0.0.1:$KAFKA_PORT" kafka_ready
  _status_one s3proxy "http://127.0.0.1:$S3_PORT" s3_ready
  _status_one keycloak "http://127.0.0.1:$KC_PORT (health: :$KC_MGMT_PORT/health/ready)" kc_ready
  _status_one stripe-stub "http://127.0.0.1:$STRIPE_PORT" stripe_ready
  local s name port
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"; port="$(svc_port "$s")"
    if [[ ! -d "$ROOT/$name" ]]; then continue; fi
    _status_one "$name" "http://127.0.0.1:$port" svc_ready "$port"
  done
}

_status_one() {
  local name="$1" where="$2"; shift 2
  local pid=""
  pid="$(pid_of "$name" || true)"
  if [[ -n "$pid" ]] && "$@"; then status_line "$name" up "$where (pid $pid)"
  elif [[ -n "$pid" ]]; then status_line "$name" down "pid $pid alive but not ready ($where)"
  elif "$@"; then status_line "$name" up "$where (not started by vf)"
  else status_line "$name" down ""; fi
}

cmd_logs() {
  local name="${1:-}"
  [[ -n "$name" ]] || die "usage: ./vf logs NAME (kafka, s3proxy, keycloak, postgres, or a service name)"
  case "$name" in
    s3) name=s3proxy ;;
    kc) name=keycloak ;;
    postgres|postgresql|pg)
      exec tail -n 100 -f "/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log" ;;
  esac
  [[ -f "$LOG_DIR/$name.log" ]] || die "no log $LOG_DIR/$name.log (known: $(ls "$LOG_DIR" 2>/dev/null | sed 's/\.log$//' | tr '\n' ' '))"
  exec tail -n 100 -f "$LOG_DIR/$name.log"
}
