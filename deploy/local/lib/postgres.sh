# shellcheck shell=bash
# PostgreSQL for ./vf: the local cluster (its settings, start) and the service databases and roles.
# Sourced by ./vf (uses its settings PG_VERSION, PG_CLUSTER, DATABASES, TEST_DATABASES and lib/common.sh,
# lib/packages.sh).

# ---- (b) PostgreSQL ----------------------------------------------------------------------
pg_running() { pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; }
pg_ready() { pg_isready -q -h 127.0.0.1 -p "$(pg_port)" 2>/dev/null; }
pg_port() { pg_conftool -s "$PG_VERSION" "$PG_CLUSTER" show port 2>/dev/null || echo 5432; }

# Six services with pools of up to 32 connections each (platform default), their test databases during
# ./vf test, and pgbench's 32 in ./vf bench: Debian's default of 100 is too few and would answer
# "too many clients" under load.
PG_MAX_CONNECTIONS=300

# Writes the cluster's vibrationfit settings (conf.d is included by Debian's postgresql.conf); returns 0 when
# the file changed, so a running cluster must be restarted to apply it.
pg_settings_changed() {
  local conf="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d/vibrationfit.conf"
  local want="max_connections = $PG_MAX_CONNECTIONS"
  [[ -f "$conf" ]] && grep -qx "$want" "$conf" && return 1
  step "PostgreSQL setting: $want ($conf)"
  mkdir -p "$(dirname "$conf")"
  printf '# Written by ./vf for local runs: six services with connection pools of up to 32 each.\n%s\n' "$want" >"$conf"
  ok
  return 0
}

ensure_postgres() {
  dpkg -s postgresql >/dev/null 2>&1 || ensure_packages postgresql postgresql-contrib
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$PG_VERSION $PG_CLUSTER"; then
    step "creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER"
    pg_createcluster "$PG_VERSION" "$PG_CLUSTER" >/dev/null
    ok
  fi
  if pg_settings_changed && pg_running; then
    local restart; restart="$(now)"
    step "restarting PostgreSQL $PG_VERSION to apply it"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart
    wait_for postgres 60 pg_ready || die "PostgreSQL not ready after the restart"
    ok "ready ($(since "$restart"))"
  fi
  if pg_running; then
    msg "PostgreSQL $PG_VERSION already running (port $(pg_port))"
  else
    local start; start="$(now)"
    step "starting PostgreSQL $PG_VERSION"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
    touch "$RUN_DIR/postgres.started-by-vf"
    wait_for postgres 60 pg_ready || die "PostgreSQL not ready"
    ok "ready ($(since "$start"))"
  fi
  wait_for postgres 60 pg_ready || die "PostgreSQL not accepting connections on 127.0.0.1"
}

psql_admin() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1 $*"; }

sql_quote_check() { [[ "$1" =~ ^[a-z][a-z0-9_]*$ ]] || die "bad identifier: $1"; }

# The databases of name D: D and D_test for a service (DATABASES), D_test alone for TEST_DATABASES.
databases_of() {
  local t
  for t in "${TEST_DATABASES[@]}"; do
    if [[ "$1" == "$t" ]]; then echo "${1}_test"; return; fi
  done
  echo "$1 ${1}_test"
}

# Every database vf creates, space-separated (for messages).
all_databases() {
  local d dbs=()
  for d in "${DATABASES[@]}" "${TEST_DATABASES[@]}"; do
    # shellcheck disable=SC2207
    dbs+=($(databases_of "$d"))
  done
  echo "${dbs[*]}"
}

# Idempotently create roles + databases for every service and for the tests (used by up, test, reset).
ensure_databases() {
  local start; start="$(now)"
  step "ensuring databases ($(all_databases))"
  local d sql=""
  for d in "${DATABASES[@]}" "${TEST_DATABASES[@]}"; do
    sql_quote_check "$d"
    # LOCAL ONLY passwords: ${d}_owner_local_only / ${d}_app_local_only
    sql+="
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${d}_owner') THEN
    CREATE ROLE ${d}_owner;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${d}_app') THEN
    CREATE ROLE ${d}_app;
  END IF;
END \$\$;
ALTER ROLE ${d}_owner WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${d}_owner_local_only';
ALTER ROLE ${d}_app   WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${d}_app_local_only';
"
    local db
    for db in $(databases_of "$d"); do
      sql+="
SELECT 'CREATE DATABASE ${db} OWNER ${d}_owner' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${db}')
\\gexec
ALTER DATABASE ${db} OWNER TO ${d}_owner;
REVOKE CONNECT ON DATABASE ${db} FROM PUBLIC;
GRANT CONNECT ON DATABASE ${db} TO ${d}_app;
"
    done
  done
  printf '%s\n' "$sql" | psql_admin -d postgres >/dev/null || die "ensure_databases failed"
  ok "done ($(since "$start"))"
}

drop_databases() {
  local d db sql=""
  for d in "${DATABASES[@]}" "${TEST_DATABASES[@]}"; do
    sql_quote_check "$d"
    for db in $(databases_of "$d"); do
      sql+="DROP DATABASE IF EXISTS ${db} WITH (FORCE);
"
    done
  done
  printf '%s\n' "$sql" | psql_admin -d postgres >/dev/null
}
