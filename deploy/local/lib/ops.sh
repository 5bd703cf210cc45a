# shellcheck shell=bash
# `./vf ops`: operator actions through a service's operations API. Sourced by ./vf (uses lib/common.sh).

# ops SERVICE ACTION — the operations API every service has (/internal/v1/operations, realm role operator),
# called with the local operator client's token (client credentials). Production: the same calls with a
# token of an operator client of your identity provider, against the service (never through the gateway).
OPS_CLIENT="vibrationfit-operations"
OPS_SECRET="operations-local-only"   # LOCAL ONLY (deploy/local/keycloak/vibrationfit-realm.json)
cmd_ops() {
  local service="${1:-}" action="${2:-}" arg="${3:-}" port="" s
  for s in "${SERVICES[@]}"; do [[ "$(svc_name "$s")" == "$service" ]] && port="$(svc_port "$s")"; done
  if [[ -z "$port" || -z "$action" ]]; then
    die "usage: ./vf ops SERVICE outbox | outbox-replay [EVENT_ID] | dead-letters | dlq-replay CHANNEL
       e.g. ./vf ops vision-service dlq-replay media-events"
  fi
  command -v jq >/dev/null 2>&1 || ensure_packages jq >&2
  local token
  token="$(curl -fsS --max-time 10 -d grant_type=client_credentials -d client_id="$OPS_CLIENT" \
      -d client_secret="$OPS_SECRET" "http://127.0.0.1:$KC_PORT/realms/$KC_REALM/protocol/openid-connect/token" \
      | jq -er .access_token)" || die "no operator token from Keycloak on 127.0.0.1:$KC_PORT (./vf up)"
  local base="http://127.0.0.1:$port/internal/v1/operations" method=GET path
  case "$action" in
    outbox)        path="/outbox" ;;
    outbox-replay) method=POST; path="/outbox/parked/replay${arg:+?id=$arg}" ;;
    dead-letters)  path="/dead-letters" ;;
    dlq-replay)    [[ -n "$arg" ]] || die "usage: ./vf ops SERVICE dlq-replay CHANNEL (see ./vf ops SERVICE dead-letters)"
                   method=POST; path="/dead-letters/$arg/replay" ;;
    *) die "unknown ops action: $action" ;;
  esac
  curl -sS --max-time 900 -X "$method" -H "Authorization: Bearer $token" "$base$path" | jq .
}
