# shellcheck shell=bash
# Keycloak for ./vf: downloads and starts it, keeps the realm in step with its file, and `./vf token`.
# Sourced by ./vf (uses its settings KEYCLOAK_VERSION, KC_PORT, KC_REALM, ... and lib/common.sh).

# ---- (e) Keycloak ---------------------------------------------------------------------------------
kc_java_home() {  # Keycloak 26.x recommends Java 21+ (Java 17 is deprecated): prefer 21+, fall back to 17
  local j
  if ! j="$(find_java 21)"; then
    j="$(find_java 17)" || die "Keycloak $KEYCLOAK_VERSION needs Java 17+ (21+ recommended)"
    warn "no Java 21+ found (JAVA_HOME, PATH, /usr/lib/jvm); running Keycloak on Java 17 (deprecated)" >&2
  fi
  dirname "$(dirname "$(readlink -f "$j")")"
}

ensure_keycloak_dist() {
  if [[ -x "$KC_HOME/bin/kc.sh" ]]; then
    msg "Keycloak $KEYCLOAK_VERSION present"
    return 0
  fi
  local start; start="$(now)"
  step "downloading Keycloak $KEYCLOAK_VERSION (Maven Central, ~200 MB)"
  fetch_with_maven "$KC_BASE" "" \
    dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$KC_BASE"
  [[ -x "$KC_HOME/bin/kc.sh" ]] || chmod +x "$KC_HOME"/bin/*.sh 2>/dev/null || true
  [[ -f "$KC_HOME/bin/kc.sh" ]] || die "Keycloak unpack did not produce $KC_HOME/bin/kc.sh"
  chmod +x "$KC_HOME"/bin/*.sh
  ok "done ($(since "$start"))"
}

kc_ready() { http_ok "http://127.0.0.1:$KC_MGMT_PORT/health/ready"; }

start_keycloak() {
  ensure_keycloak_dist
  mkdir -p "$KC_HOME/data/import" "$RUN_DIR" "$LOG_DIR"
  cp "$ROOT/deploy/local/keycloak/vibrationfit-realm.json" "$KC_HOME/data/import/vibrationfit-realm.json"
  local pid
  if pid="$(pid_of keycloak)"; then
    msg "Keycloak already running (pid $pid, http://127.0.0.1:$KC_PORT)"
  elif port_open "$KC_PORT"; then
    warn "port $KC_PORT is in use by a process vf did not start; using it as Keycloak"
  else
    local start; start="$(now)"
    local first=""; [[ -d "$KC_HOME/data/h2" ]] || first=" (first start builds Keycloak: ~70s)"
    step "starting Keycloak $KEYCLOAK_VERSION (http://127.0.0.1:$KC_PORT)$first"
    # Bootstrap admin admin/admin: LOCAL ONLY.
    # shellcheck disable=SC2086  # KC_PORT is vf's port number (ShellCheck sees that only when checking ./vf)
    JAVA_HOME="$(kc_java_home)" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$KC_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
    JAVA_OPTS_KC_HEAP="${VF_KC_HEAP:--Xms64m -Xmx768m}" \
      start_bg keycloak "$KC_HOME/bin/kc.sh" start-dev \
        --http-host=127.0.0.1 --http-port="$KC_PORT" \
        --http-management-host=127.0.0.1 --http-management-port="$KC_MGMT_PORT" \
        --health-enabled=true --import-realm --hostname=http://127.0.0.1:$KC_PORT
    wait_for keycloak 240 kc_ready || die "Keycloak did not become ready"
    ok "ready ($(since "$start"))"
  fi
  if http_ok "http://127.0.0.1:$KC_PORT/realms/$KC_REALM/.well-known/openid-configuration"; then
    msg "Keycloak realm $KC_REALM present"
  else
    die "Keycloak is up but realm $KC_REALM is missing (see $LOG_DIR/keycloak.log)"
  fi
  sync_realm
}

# Keycloak imports the realm file only when the realm does not exist yet. So that `./vf up` after a
# pull is enough (no ./vf reset), a realm file that changed since it was last applied is applied to the
# running Keycloak through its admin API: realm settings, then roles, clients and users by partial
# import, overwriting what exists (demo users keep their fixed ids; their sessions end).
sync_realm() {
  local file="$ROOT/deploy/local/keycloak/vibrationfit-realm.json" stamp="$KC_BASE/realm-applied.sha256" sum admin
  sum="$(sha256sum "$file" | cut -d' ' -f1)"
  [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" ]] && return 0
  step "applying deploy/local/keycloak/vibrationfit-realm.json to realm $KC_REALM (changed since last applied)"
  if admin="$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username="$KC_ADMIN_USER" \
        -d password="$KC_ADMIN_PASSWORD" "http://127.0.0.1:$KC_PORT/realms/master/protocol/openid-connect/token" \
        | jq -er .access_token)" \
     && jq 'del(.roles, .clients, .users)' "$file" | curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $admin" \
        -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$KC_PORT/admin/realms/$KC_REALM" \
     && jq '{ifResourceExists: "OVERWRITE", roles, clients, users}' "$file" | curl -fsS -o /dev/null -X POST \
        -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' --data-binary @- \
        "http://127.0.0.1:$KC_PORT/admin/realms/$KC_REALM/partialImport" \
     && apply_scope_mappings "$file" "$admin"; then
    echo "$sum" >"$stamp"
    ok
  else
    warn "could not apply the realm file through the admin API; ./vf reset re-imports it from scratch"
  fi
}

# A partial import does not carry which roles a client's tokens may hold (scopeMappings and
# clientScopeMappings of the realm file: service clients hold no more than they use), so they are
# applied here one client at a time.
apply_scope_mappings() {
  local file="$1" admin="$2" api="http://127.0.0.1:$KC_PORT/admin/realms/$KC_REALM" entry client from id from_id
  local reps rep role target
  while IFS= read -r entry; do
    [[ -z "$entry" ]] && continue
    client="$(jq -r .client <<<"$entry")"; from="$(jq -r '.from // empty' <<<"$entry")"
    id="$(kc_admin "$admin" "$api/clients?clientId=$client" | jq -er '.[0].id')" || return 1
    [[ -n "$from" ]] && { from_id="$(kc_admin "$admin" "$api/clients?clientId=$from" | jq -er '.[0].id')" || return 1; }
    reps='[]'
    for role in $(jq -r '.roles[]' <<<"$entry"); do
      if [[ -n "$from" ]]; then rep="$(kc_admin "$admin" "$api/clients/$from_id/roles/$role")" || return 1
      else rep="$(kc_admin "$admin" "$api/roles/$role")" || return 1; fi
      reps="$(jq -c --argjson r "$rep" '. + [$r]' <<<"$reps")"
    done
    target="$api/clients/$id/scope-mappings/realm"
    [[ -n "$from" ]] && target="$api/clients/$id/scope-mappings/clients/$from_id"
    kc_admin "$admin" -o /dev/null -X POST -H 'Content-Type: application/json' --data "$reps" "$target" || return 1
  done < <(jq -c '(.scopeMappings // [])[] | {client, roles}' "$file"
           jq -c '(.clientScopeMappings // {}) | to_entries[] | .key as $from | .value[] | {client, roles, from: $from}' "$file")
}
kc_admin() { local admin="$1"; shift; curl -fsS -H "Authorization: Bearer $admin" "$@"; }

cmd_token() {
  local user="${1:-}" pass="${2:-${1:-}}"
  [[ -n "$user" ]] || die "usage: ./vf token USER [PASSWORD]"
  command -v jq >/dev/null 2>&1 || ensure_packages jq >&2
  local resp
  resp="$(curl -sS --max-time 10 \
    -d grant_type=password -d client_id="$KC_CLIENT" -d scope=openid \
    --data-urlencode "username=$user" --data-urlencode "password=$pass" \
    "http://127.0.0.1:$KC_PORT/realms/$KC_REALM/protocol/openid-connect/token")" \
    || die "Keycloak not reachable on 127.0.0.1:$KC_PORT (./vf up)"
  local tok; tok="$(jq -r '.access_token // empty' <<<"$resp")"
  [[ -n "$tok" ]] || die "no token: $(jq -c . <<<"$resp" 2>/dev/null || echo "$resp")"
  printf '%s\n' "$tok"
}
