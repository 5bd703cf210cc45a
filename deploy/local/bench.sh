# shellcheck shell=bash
# `./vf bench`: sourced by ./vf (uses its helpers: msg, step, ok, warn, die, pid_of, start_bg, ...).
# Measures, in one run on this machine:
#   1. vision-service time to ready (process start -> /q/health/ready answers UP)
#   2. the vision read path GET /api/v1/visions/active with a real Keycloak token, wrk, 32 connections
#   3. pgbench -S (select-only) against the same PostgreSQL at the same concurrency, and the ratio
#   4. vision-service RSS after the load
#   5. the profile read path GET /api/v1/profiles/me (a fully answered profile, ~90 columns), wrk, same load
#   6. a VIVA reply from the offline coach, streamed (SSE) by ai-usage-service: wrk, one conversation per wrk thread
#   7. the web app in Chromium: the home screen's largest contentful paint and time to usable, the initial JS size
#   8. HAProxy (jwt_verify of the same token) in front of the same route, as the gateway's anchor
#   9. events: vision edits at ~200/s for a minute; from each vision.updated event's occurred_at (vision-service's
#      outbox) to media-service's committed effect (its inbox row), p50/p99/max
#  10. footprint: the CPU vision-service and the gateway burn under the saturated read, every service's RSS (and peak)
#      after all the load, the whole platform's RSS, and what the services use idle (no request for a minute)
# Results go to stdout and to .vf/bench/latest.md (a Markdown table for the README).

BENCH_CONNECTIONS="${VF_BENCH_CONNECTIONS:-32}"
BENCH_THREADS="${VF_BENCH_THREADS:-2}"
BENCH_SECONDS="${VF_BENCH_SECONDS:-20}"
BENCH_WARMUP_SECONDS="${VF_BENCH_WARMUP_SECONDS:-60}"   # the JIT keeps improving for over 30 s after a restart
BENCH_PACED_RATE="${VF_BENCH_RATE:-500}"                 # offered req/s for the latency-under-load runs
BENCH_DB="vf_pgbench"
VISION_URL="http://127.0.0.1:8082"
GATEWAY_URL="http://127.0.0.1:8080"
PROFILE_URL="http://127.0.0.1:8081"
AI_URL="http://127.0.0.1:8086"
BENCH_VIVA_CONNECTIONS="${VF_BENCH_VIVA_CONNECTIONS:-4}"   # one member typing in a few threads, not 32
BENCH_IDLE_SECONDS="${VF_BENCH_IDLE_SECONDS:-60}"
BENCH_IDLE_SETTLE_SECONDS="${VF_BENCH_IDLE_SETTLE_SECONDS:-30}"
BENCH_EVENT_RATE="${VF_BENCH_EVENT_RATE:-200}"            # vision edits/s offered for the event latency
BENCH_EVENT_SECONDS="${VF_BENCH_EVENT_SECONDS:-60}"
BENCH_EVENT_CONNECTIONS=48   # closed-loop pacing: many connections, so that the rate offered is near the one asked for

bench_require() {
  ensure_packages haproxy   # the gateway's anchor (Debian's package; only the bench uses it)
  command -v wrk >/dev/null || die "wrk is missing: run ./vf up first (it installs wrk)"
  command -v pgbench >/dev/null || die "pgbench is missing (package postgresql-contrib / postgresql-client)"
  pid_of vision-service >/dev/null || die "vision-service is not running: run ./vf up first"
  kc_ready || die "Keycloak is not up: run ./vf up first"
}

bench_restart_vision() {
  local name=vision-service t0 t1
  stop_pid "$name" >/dev/null
  t0="$(date +%s%N)"
  start_service "$name"
  until svc_ready 8082; do sleep 0.05; done
  t1="$(date +%s%N)"
  echo $(( (t1 - t0) / 1000000 ))
}

# bench_restart_gateway [ENV=VALUE...]: restart the gateway with extra environment (e.g. a rate limit
# high enough that one benchmark user measures the proxy, not the limiter), and wait until ready.
bench_restart_gateway() {
  stop_pid gateway >/dev/null
  start_service gateway "$@"
  until svc_ready 8080; do sleep 0.1; done
}

# CPU seconds (user + system) a process has used so far.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat"
}

# cores_during PID SECONDS COMMAND...: runs COMMAND (its output as is) and sets CORES to the cores PID used meanwhile.
cores_during() {
  local pid="$1" seconds="$2" before after
  shift 2
  before="$(cpu_seconds "$pid")"
  "$@"
  after="$(cpu_seconds "$pid")"
  CORES="$(awk -v a="$after" -v b="$before" -v s="$seconds" 'BEGIN{printf "%.2f", (a-b)/s}')"
}

# HAProxy (Debian's package) as the anchor for the gateway: the same route, the same RS256 token verified with
# jwt_verify against the realm's public key, its issuer and expiry checked, then proxied to vision-service.
HAPROXY_PORT=8099
bench_haproxy_start() {
  local dir="$VF_DIR/bench/haproxy" key
  mkdir -p "$dir"
  key="$(curl -fsS "http://127.0.0.1:$KC_PORT/realms/$KC_REALM" | jq -r .public_key)" || return 1
  { echo "-----BEGIN PUBLIC KEY-----"; fold -w 64 <<<"$key"; echo "-----END PUBLIC KEY-----"; } >"$dir/realm.pem"
  cat >"$dir/haproxy.cfg" <<CFG
global
  maxconn 4096
  nbthread 2
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
frontend api
  bind 127.0.0.1:$HAPROXY_PORT
  http-request set-var(txn.bearer) http_auth_bearer
  http-request set-var(txn.alg) var(txn.bearer),jwt_header_query('\$.alg')
  http-request deny deny_status 401 unless { var(txn.alg) -m str RS256 }
  http-request deny deny_status 401 unless { var(txn.bearer),jwt_verify(txn.alg,"$dir/realm.pem") -m int 1 }
  http-request set-var(txn.iss) var(txn.bearer),jwt_payload_query('\$.iss')
  http-request deny deny_status 401 unless { var(txn.iss) -m str http://127.0.0.1:$KC_PORT/realms/$KC_REALM }
  http-request set-var(txn.now) date()
  http-request set-var(txn.left) var(txn.bearer),jwt_payload_query('\$.exp','int'),sub(txn.now)
  http-request deny deny_status 401 if { var(txn.left) -m int lt 0 }
  default_backend vision
backend vision
  http-reuse always
  server vision 127.0.0.1:8082
CFG
  haproxy -c -q -f "$dir/haproxy.cfg" || return 1
  haproxy -D -p "$dir/haproxy.pid" -f "$dir/haproxy.cfg" || return 1
  local i
  for i in $(seq 1 50); do port_open "$HAPROXY_PORT" && return 0; sleep 0.1; done
  return 1
}

bench_haproxy_stop() {
  local pidfile="$VF_DIR/bench/haproxy/haproxy.pid"
  [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null
  rm -f "$pidfile"
}

bench_seed_vision() {  # a complete vision for alice, so /active has something to read
  local token="$1" id body
  id="$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"title":"Benchmark vision"}' "$VISION_URL/api/v1/visions" | jq -r .id)"
  body="$(jq -n '{forward:"Forward.",fun:"Fun.",travel:"Travel.",home:"Home.",family:"Family.",romance:"Romance.",
        health:"Health.",money:"Money.",business:"Business.",social:"Social.",possessions:"Possessions.",
        giving:"Giving.",spirituality:"Spirituality.",conclusion:"Conclusion."}')"
  curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
       -d "$body" "$VISION_URL/api/v1/visions/$id"
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" "$VISION_URL/api/v1/visions/$id/complete"
}

# wrk_run URL TOKEN SECONDS [WRK ARGS...] -> prints "rps p50_ms p99_ms non2xx"
# Saturating by default (every connection sends again as soon as it has an answer); see wrk_paced.
wrk_run() {
  local url="$1" token="$2" seconds="$3" out
  shift 3
  out="$(wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${seconds}s" --latency "$@" \
         -H "Authorization: Bearer $token" "$url")"
  local rps p50 p99 non2xx
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") ${non2xx:-0}"
}

# wrk_paced URL TOKEN SECONDS -> like wrk_run, at about BENCH_PACED_RATE req/s offered in total
wrk_paced() {
  VF_BENCH_RATE="$BENCH_PACED_RATE" VF_BENCH_CONNECTIONS="$BENCH_CONNECTIONS" \
    wrk_run "$1" "$2" "$3" -s "$ROOT/deploy/local/bench-paced.lua"
}

to_ms() {  # wrk prints 1.23ms / 456.00us / 1.02s
  local v="$1"
  case "$v" in
    *us) awk -v x="${v%us}" 'BEGIN{printf "%.3f", x/1000}' ;;
    *ms) awk -v x="${v%ms}" 'BEGIN{printf "%.3f", x}' ;;
    *s)  awk -v x="${v%s}"  'BEGIN{printf "%.3f", x*1000}' ;;
    *)   echo "$v" ;;
  esac
}

bench_seed_profile() {  # alice's active profile with every counted field answered (a PATCH of /me)
  local token="$1" body
  body="$(jq -n '{first_name:"Alice", last_name:"Bench", email:"alice@example.com", phone:"+351 912 345 678",
    date_of_birth:"1990-05-17", gender:"female", ethnicity:"n/a", relationship_status:"married",
    relationship_length:"5 years", partner_name:"Rui", has_children:true, number_of_children:2, children_ages:["4","7"],
    city:"Lisbon", state:"Lisboa", postal_code:"1100-001", country:"PT", living_situation:"own", time_at_location:"3 years",
    employment_type:"employee", occupation:"nurse", company:"Hospital", time_in_role:"4 years", currency:"EUR",
    household_income:"60k", savings_retirement:"20k", assets_equity:"flat", consumer_debt:"none",
    hobbies:["surf","chess"], leisure_time_weekly:"10h", travel_frequency:"yearly", passport:true, countries_visited:12,
    close_friends_count:"5", social_preference:"ambivert", lifestyle_category:"comfortable", primary_vehicle:"bike",
    spiritual_practice:"yoga", meditation_frequency:"daily", personal_growth_focus:true, volunteer_status:"monthly",
    charitable_giving:"5%", legacy_mindset:true, units:"metric", height:168, weight:60, exercise_frequency:"3x week",
    health_conditions:"none", medications:"none", education_level:"bachelor"}
    + ([ "current_story","desired_story","health_vitality_story","romance_partnership_story","family_parenting_story",
         "social_friends_story","career_work_story","money_wealth_story","fun_recreation_story","travel_adventure_story",
         "home_environment_story","possessions_lifestyle_story","spirituality_growth_story","giving_legacy_story" ]
       | map({(.): ("I live my " + . + " fully, every day, with gratitude and joy. " * 8)}) | add)')"
  curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
       -d "$body" "$PROFILE_URL/api/v1/profiles/me" || die "could not seed the benchmark profile"
}

bench_pgbench() {  # over TCP with a password, like the services, as a local-only role
  if ! psql_admin -Atc "\"select 1 from pg_roles where rolname='vf_bench'\"" | grep -q 1; then
    psql_admin -c "\"create role vf_bench login password 'vf_bench_local_only'\""
  fi
  if ! psql_admin -Atc "\"select 1 from pg_database where datname='$BENCH_DB'\"" | grep -q 1; then
    psql_admin -c "\"create database $BENCH_DB owner vf_bench\""
    PGPASSWORD=vf_bench_local_only pgbench -h 127.0.0.1 -U vf_bench -q -i -s 10 "$BENCH_DB" >/dev/null 2>&1
  fi
  local out
  if ! out="$(PGPASSWORD=vf_bench_local_only pgbench -h 127.0.0.1 -U vf_bench -S -n -c "$BENCH_CONNECTIONS" \
      -j "$BENCH_THREADS" -T "$BENCH_SECONDS" "$BENCH_DB" 2>&1)"; then
    die "pgbench -S failed: $(printf '%s\n' "$out" | grep -v '^pgbench (' | tail -n 3)"
  fi
  printf '%s\n' "$out" | awk '/^tps/ {print $3; exit}'
}

MEDIA_URL="http://127.0.0.1:8085"

bench_syntheses() {  # provider calls so far, from media-service's metrics
  curl -fsS "$MEDIA_URL/q/metrics" | awk '/^narration_syntheses_total/ {s+=$2} END {printf "%d", s+0}'
}

# bench_narration TOKEN -> prints "ms_to_all_tracks resend_syntheses"
bench_narration() {
  local token="$1" id body t0 t1 done_count before after
  id="$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"title":"Narration benchmark"}' "$VISION_URL/api/v1/visions" | jq -r .id)"
  # Texts of this run only: the member's audio of earlier runs' texts would be reused, not synthesised.
  body="$(jq -n --arg r "$RANDOM$RANDOM" '({
    forward:("This is the life I choose, written on day " + $r + "."),
    fun:"I play music with friends every week and laugh until my cheeks hurt.",
    travel:"Each spring I explore a new country, slowly, on foot and by train.",
    home:"My home is calm and full of light, with a garden that feeds us.",
    family:"My family gathers every Sunday; we listen to each other fully.",
    romance:"My partner and I grow together, curious and kind every day.",
    health:"I wake rested, move my body daily and feel strong at every age.",
    money:"Money flows to me from work I love, and I save and invest with ease.",
    business:"My business serves thousands of people and runs without me.",
    social:"I am surrounded by friends who inspire me and whom I inspire.",
    possessions:"I own few things, each of them beautiful and useful.",
    giving:"I give a tenth of what I earn and my time to young founders.",
    spirituality:"I meditate every morning and feel connected to all life.",
    conclusion:"This is my vision, and I am living it now."} | map_values(. + " (" + $r + ")"))')"
  curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
       -d "$body" "$VISION_URL/api/v1/visions/$id"
  t0="$(date +%s%N)"
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" "$VISION_URL/api/v1/visions/$id/complete"
  done_count=0
  for _ in $(seq 1 1200); do
    done_count="$(curl -fsS -H "Authorization: Bearer $token" "$MEDIA_URL/api/v1/media/visions/$id/audio" 2>/dev/null \
      | jq '[.tracks[] | select(.status == "completed")] | length' 2>/dev/null || echo 0)"
    [[ "$done_count" == 14 ]] && break
    sleep 0.05
  done
  t1="$(date +%s%N)"
  [[ "$done_count" == 14 ]] || warn "only $done_count of 14 tracks completed"
  # Re-send the unchanged vision: once as is, once with only whitespace changes (a vision.updated whose
  # hashes are all unchanged). Neither may cause a synthesis.
  before="$(bench_syntheses)"
  curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
       -d "$body" "$VISION_URL/api/v1/visions/$id"
  curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
       -d "$(jq 'map_values("  " + . + "  ")' <<<"$body")" "$VISION_URL/api/v1/visions/$id"
  sleep 4   # the quiet period of an edit (3 s), then any synthesis would have started
  after="$(bench_syntheses)"
  # A new version copied from it and completed unchanged: its 14 sections are the member's audio again, copied,
  # not synthesised (0 syntheses, 0 tokens).
  local copy c0 c1 copied=0 copy_before copy_after
  copy="$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"title\":\"Narration benchmark, next version\",\"copy_from\":\"$id\"}" "$VISION_URL/api/v1/visions" | jq -r .id)"
  copy_before="$(bench_syntheses)"
  c0="$(date +%s%N)"
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" "$VISION_URL/api/v1/visions/$copy/complete"
  for _ in $(seq 1 1200); do
    copied="$(curl -fsS -H "Authorization: Bearer $token" "$MEDIA_URL/api/v1/media/visions/$copy/audio" 2>/dev/null \
      | jq '[.tracks[] | select(.status == "completed")] | length' 2>/dev/null || echo 0)"
    [[ "$copied" == 14 ]] && break
    sleep 0.05
  done
  c1="$(date +%s%N)"
  [[ "$copied" == 14 ]] || warn "only $copied of the copy's 14 tracks completed"
  copy_after="$(bench_syntheses)"
  echo "$(( (t1 - t0) / 1000000 )) $(( after - before )) $(( (c1 - c0) / 1000000 )) $(( copy_after - copy_before ))"
}

# bench_events -> prints "edits_per_s p50_ms p99_ms max_ms events unmatched"
# Two draft visions each of alice's and bob's (events are keyed by member, so two members use two partitions) are
# edited at BENCH_EVENT_RATE/s (10 s of warm-up, then BENCH_EVENT_SECONDS measured). Each edit is a vision.updated
# event; its latency is media-service's inbox row for it (processed_at, written in the transaction that applies the
# effect) minus the event's occurred_at in vision-service's outbox (the edit's own transaction). Both clocks are
# this machine's.
bench_events() {
  local visions=() member token i id
  for member in alice bob; do
    token="$("$ROOT/vf" token "$member")"
    for i in 1 2; do
      id="$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"title\":\"Benchmark events $i\"}" "$VISION_URL/api/v1/visions" | jq -r .id)"
      visions+=("$id $token")
    done
  done
  local ids; ids="$(IFS=,; echo "${visions[*]}")"
  local lua="$ROOT/deploy/local/bench-vision-edits.lua"
  VF_BENCH_VISIONS="$ids" VF_BENCH_RATE="$BENCH_EVENT_RATE" VF_BENCH_CONNECTIONS="$BENCH_EVENT_CONNECTIONS" \
    wrk -t2 -c"$BENCH_EVENT_CONNECTIONS" -d10s -s "$lua" "$VISION_URL" >/dev/null
  sleep 2
  local from to out
  from="$(date +%s.%N)"
  out="$(VF_BENCH_VISIONS="$ids" VF_BENCH_RATE="$BENCH_EVENT_RATE" VF_BENCH_CONNECTIONS="$BENCH_EVENT_CONNECTIONS" \
    wrk -t2 -c"$BENCH_EVENT_CONNECTIONS" -d"${BENCH_EVENT_SECONDS}s" -s "$lua" "$VISION_URL")"
  to="$(date +%s.%N)"
  local non2xx; non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  [[ -z "$non2xx" ]] || warn "$non2xx edits were not 2xx"
  sleep 5   # the last events' effects
  printf '%s\n' "select id, extract(epoch from occurred_at) * 1000 from outbox_events
      where type = 'vision.updated' and occurred_at >= to_timestamp($from) and occurred_at < to_timestamp($to)" \
    | psql_admin -d vision -At >"$VF_DIR/bench/events-occurred.txt"
  printf '%s\n' "select event_id, extract(epoch from processed_at) * 1000 from processed_events
      where consumer = 'media-service.vision-events' and processed_at >= to_timestamp($from)" \
    | psql_admin -d media -At >"$VF_DIR/bench/events-applied.txt"
  awk -F'|' -v seconds="$BENCH_EVENT_SECONDS" '
    NR == FNR { occurred[$1] = $2; n++; next }
    ($1 in occurred) { print $2 - occurred[$1]; matched++ }
    END { printf "%.1f %d %d\n", n / seconds, n, n - matched > "/dev/stderr" }' \
    "$VF_DIR/bench/events-occurred.txt" "$VF_DIR/bench/events-applied.txt" 2>"$VF_DIR/bench/events-counts.txt" \
    | sort -g >"$VF_DIR/bench/events-latency.txt"
  local rate events unmatched
  read -r rate events unmatched <"$VF_DIR/bench/events-counts.txt"
  awk -v rate="$rate" -v events="$events" -v unmatched="$unmatched" '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print rate, "n/a", "n/a", "n/a", events, unmatched; exit }
      p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
      printf "%s %.1f %.1f %.1f %d %d\n", rate, p50, p99, v[NR], events, unmatched
    }' "$VF_DIR/bench/events-latency.txt"
}

bench_main() {
  bench_require
  mkdir -p "$VF_DIR/bench"
  msg "benchmark on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"

  step "restarting vision-service to time its start"
  local ready_ms; ready_ms="$(bench_restart_vision)"; ok "ready in ${ready_ms} ms"

  local token; token="$("$ROOT/vf" token alice)"
  bench_seed_vision "$token"

  step "warming up (${BENCH_WARMUP_SECONDS}s)"
  wrk_run "$VISION_URL/api/v1/visions/active" "$token" "$BENCH_WARMUP_SECONDS" >/dev/null; ok

  step "wrk GET /api/v1/visions/active, c=$BENCH_CONNECTIONS, ${BENCH_SECONDS}s"
  local CORES vision_cores
  cores_during "$(pid_of vision-service)" "$BENCH_SECONDS" \
    wrk_run "$VISION_URL/api/v1/visions/active" "$token" "$BENCH_SECONDS" >"$VF_DIR/bench/read.out"
  vision_cores="$CORES"
  read -r rps p50 p99 non2xx <"$VF_DIR/bench/read.out"
  ok "$rps req/s, p50 ${p50} ms, p99 ${p99} ms, non-2xx $non2xx; vision-service used $vision_cores cores"
  [[ "$non2xx" == 0 ]] || warn "$non2xx responses were not 2xx: the number above is not a valid read benchmark"

  local g_rps="n/a" g_p50="n/a" g_p99="n/a" d_rps d_p50 d_p99 g_ratio="n/a" g_added="n/a"
  local pg_rps pg_p50 pg_p99 pd_rps pd_p50 pd_p99 p_added="n/a" gateway_cores="n/a"
  local h_rps="n/a" h_p50="n/a" h_p99="n/a" h_ratio="n/a"
  if pid_of gateway >/dev/null; then
    step "gateway vs direct, same endpoint and token, c=$BENCH_CONNECTIONS, ${BENCH_SECONDS}s each: saturated, then paced at $BENCH_PACED_RATE req/s"
    # One benchmark user would hit the per-member rate limit at once: lift it for the measurement.
    bench_restart_gateway VF_GATEWAY_RATE_LIMIT_CAPACITY=100000000 VF_GATEWAY_RATE_LIMIT_REFILL_PER_SECOND=100000000
    # The freshly restarted gateway JVM needs its own JIT warm-up.
    wrk_run "$GATEWAY_URL/api/v1/visions/active" "$token" "$BENCH_WARMUP_SECONDS" >/dev/null
    local g_non2xx
    cores_during "$(pid_of gateway)" "$BENCH_SECONDS" \
      wrk_run "$GATEWAY_URL/api/v1/visions/active" "$token" "$BENCH_SECONDS" >"$VF_DIR/bench/gateway.out"
    gateway_cores="$CORES"
    read -r g_rps g_p50 g_p99 g_non2xx <"$VF_DIR/bench/gateway.out"
    [[ "$g_non2xx" == 0 ]] || warn "$g_non2xx gateway responses were not 2xx: the gateway number is not valid"
    # The anchor, right after: HAProxy verifying the same token in front of the same route. It must refuse a
    # tampered token and none at all, or its number measures nothing.
    if bench_haproxy_start; then
      local tampered h_non2xx refused_tampered refused_none
      # One character of the payload changed (the signature's last character would not do: it partly encodes padding).
      local dot="${token%%.*}"; local at=$(( ${#dot} + 10 ))
      if [[ "${token:at:1}" == A ]]; then tampered="${token:0:at}B${token:at+1}"; else tampered="${token:0:at}A${token:at+1}"; fi
      refused_tampered="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tampered" \
        "http://127.0.0.1:$HAPROXY_PORT/api/v1/visions/active" || true)"
      refused_none="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HAPROXY_PORT/api/v1/visions/active" || true)"
      if [[ "$refused_tampered" == 401 && "$refused_none" == 401 ]]; then
        wrk_run "http://127.0.0.1:$HAPROXY_PORT/api/v1/visions/active" "$token" 5 >/dev/null
        read -r h_rps h_p50 h_p99 h_non2xx < <(wrk_run "http://127.0.0.1:$HAPROXY_PORT/api/v1/visions/active" "$token" "$BENCH_SECONDS")
        [[ "$h_non2xx" == 0 ]] || warn "$h_non2xx HAProxy responses were not 2xx: the HAProxy number is not valid"
        h_ratio="$(awk -v a="$g_rps" -v b="$h_rps" 'BEGIN{printf "%.1f", 100*a/b}')"
        ok "HAProxy (jwt_verify) $h_rps req/s (p50 $h_p50 ms, p99 $h_p99 ms); gateway / HAProxy $h_ratio %"
      else
        warn "HAProxy answered $refused_tampered to a tampered token and $refused_none to none (401 expected): not measured"
      fi
      bench_haproxy_stop
    else
      warn "HAProxy could not start (see above): not measured"
    fi
    # Paced: gateway and direct alternately, three pairs of 10 s; latency on this shared box swings by
    # ~0.5 ms from run to run, so the added p50 reported is the median of the three pairs' differences.
    local pair added=()
    for pair in 1 2 3; do
      read -r pg_rps pg_p50 pg_p99 g_non2xx < <(wrk_paced "$GATEWAY_URL/api/v1/visions/active" "$token" 10)
      [[ "$g_non2xx" == 0 ]] || warn "$g_non2xx paced gateway responses were not 2xx"
      read -r pd_rps pd_p50 pd_p99 _ < <(wrk_paced "$VISION_URL/api/v1/visions/active" "$token" 10)
      added+=("$(awk -v a="$pg_p50" -v b="$pd_p50" 'BEGIN{printf "%.3f", a-b}')")
    done
    p_added="$(printf '%s\n' "${added[@]}" | sort -g | sed -n 2p)"
    bench_restart_gateway   # back to the configured limits
    read -r d_rps d_p50 d_p99 _ < <(wrk_run "$VISION_URL/api/v1/visions/active" "$token" "$BENCH_SECONDS")
    g_ratio="$(awk -v a="$g_rps" -v b="$d_rps" 'BEGIN{printf "%.1f", 100*a/b}')"
    g_added="$(awk -v a="$g_p50" -v b="$d_p50" 'BEGIN{printf "%.3f", a-b}')"
    ok "saturated: gateway $g_rps req/s (p50 $g_p50 ms, p99 $g_p99 ms) vs direct $d_rps req/s (p50 $d_p50 ms, p99 $d_p99 ms): $g_ratio %, +$g_added ms at p50"
    ok "paced (last pair): gateway $pg_rps req/s (p50 $pg_p50 ms, p99 $pg_p99 ms) vs direct $pd_rps req/s (p50 $pd_p50 ms, p99 $pd_p99 ms); added at p50 in the three pairs: ${added[*]} ms, median +$p_added ms"
  else
    warn "gateway not running: skipping the gateway measurement"
  fi

  step "pgbench -S, c=$BENCH_CONNECTIONS, ${BENCH_SECONDS}s"
  local tps; tps="$(bench_pgbench)"; ok "$tps tps"

  local pr_rps="n/a" pr_p50="n/a" pr_p99="n/a"
  if pid_of profile-service >/dev/null; then
    step "profile: answer every field of alice's active profile, warm up 30s, wrk GET /api/v1/profiles/me, c=$BENCH_CONNECTIONS, ${BENCH_SECONDS}s"
    bench_seed_profile "$token"
    wrk_run "$PROFILE_URL/api/v1/profiles/me" "$token" 30 >/dev/null
    local pr_non2xx
    read -r pr_rps pr_p50 pr_p99 pr_non2xx < <(wrk_run "$PROFILE_URL/api/v1/profiles/me" "$token" "$BENCH_SECONDS")
    [[ "$pr_non2xx" == 0 ]] || warn "$pr_non2xx profile responses were not 2xx: the profile number is not valid"
    ok "$pr_rps req/s, p50 ${pr_p50} ms, p99 ${pr_p99} ms"
  else
    warn "profile-service not running: skipping the profile read measurement"
  fi

  local viva_rps="n/a" viva_p50="n/a" viva_p99="n/a"
  if pid_of ai-usage-service >/dev/null; then
    step "VIVA: offline coach replies streamed, c=$BENCH_VIVA_CONNECTIONS on alice's conversations, warm up 10s, wrk ${BENCH_SECONDS}s"
    local threads=() i
    for (( i = 0; i < BENCH_VIVA_CONNECTIONS; i++ )); do
      threads+=("$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"mode":"refinement","category":"health"}' "$AI_URL/api/v1/ai/conversations" | jq -r .id)")
    done
    local ids; ids="$(IFS=,; echo "${threads[*]}")"
    VF_BENCH_VIVA_THREADS="$ids" BENCH_CONNECTIONS="$BENCH_VIVA_CONNECTIONS" \
      wrk_run "$AI_URL/" "$token" 10 -s "$ROOT/deploy/local/bench-viva.lua" >/dev/null
    local viva_non2xx
    read -r viva_rps viva_p50 viva_p99 viva_non2xx < <(VF_BENCH_VIVA_THREADS="$ids" BENCH_CONNECTIONS="$BENCH_VIVA_CONNECTIONS" \
      wrk_run "$AI_URL/" "$token" "$BENCH_SECONDS" -s "$ROOT/deploy/local/bench-viva.lua")
    [[ "$viva_non2xx" == 0 ]] || warn "$viva_non2xx VIVA responses were not 2xx: the VIVA number is not valid"
    ok "$viva_rps replies/s, p50 ${viva_p50} ms, p99 ${viva_p99} ms"
  else
    warn "ai-usage-service not running: skipping the VIVA measurement"
  fi

  local narration_ms="n/a" resend="n/a" copy_ms="n/a" copy_syntheses="n/a"
  if pid_of media-service >/dev/null; then
    step "narration: complete a 14-section vision, wait for all tracks; re-send it unchanged"
    read -r narration_ms resend copy_ms copy_syntheses < <(bench_narration "$token")
    ok "all tracks in ${narration_ms} ms; re-send caused $resend syntheses; a copied version narrated in ${copy_ms} ms with $copy_syntheses syntheses"
  else
    warn "media-service not running: skipping the narration measurements"
  fi

  local ev_rate="n/a" ev_p50="n/a" ev_p99="n/a" ev_max="n/a" ev_count="n/a" ev_unmatched="n/a"
  if pid_of media-service >/dev/null; then
    step "events: vision edits at $BENCH_EVENT_RATE/s offered for ${BENCH_EVENT_SECONDS}s (after 10s of warm-up); occurred_at to media-service's effect"
    read -r ev_rate ev_p50 ev_p99 ev_max ev_count ev_unmatched < <(bench_events)
    ok "$ev_count events ($ev_rate/s): p50 $ev_p50 ms, p99 $ev_p99 ms, max $ev_max ms; not applied: $ev_unmatched"
  else
    warn "media-service not running: skipping the event latency"
  fi

  # The web app in Chromium (Debian's package): the home screen after a reload, and the initial JavaScript.
  local web_lcp=n/a web_usable=n/a web_js=n/a
  if pid_of gateway >/dev/null && command -v chromium >/dev/null 2>&1; then
    step "web app: home screen loads in Chromium (7 loads after signing in), initial JavaScript over the wire"
    local web_out="$VF_DIR/bench/web.json"
    if (cd "$ROOT/web" && VF_BENCH_OUT="$web_out" VF_CHROMIUM="$(command -v chromium)" \
          npx playwright test -c playwright.bench.config.ts --output="$VF_DIR/bench/web-results" >"$VF_DIR/bench/web.log" 2>&1); then
      web_lcp="$(jq -r .lcp_ms_median "$web_out")"; web_usable="$(jq -r .usable_ms_median "$web_out")"
      web_js="$(jq -r '.initial_js_gzip_bytes / 1024 | floor' "$web_out")"
      ok "LCP $web_lcp ms, usable $web_usable ms, initial JS $web_js KiB gzipped"
    else
      warn "web measurement failed (log: $VF_DIR/bench/web.log)"
    fi
  else
    warn "gateway not running or no chromium: skipping the web measurement"
  fi

  local pid rss_mb; pid="$(pid_of vision-service)"
  rss_mb="$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")"

  # Footprint after all the load: each service's RSS now and at its peak, then a minute without any request.
  local s name footprint=() total_rss=0 rss hwm idle_before=() idle_total
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    pid="$(pid_of "$name")" || continue
    rss="$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")"
    hwm="$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status")"
    footprint+=("$name $rss $hwm")
    total_rss=$(( total_rss + rss ))
  done
  step "idle: ${BENCH_IDLE_SETTLE_SECONDS}s to settle (the JIT compiles what the load ran), then no request for ${BENCH_IDLE_SECONDS}s"
  sleep "$BENCH_IDLE_SETTLE_SECONDS"
  for s in "${SERVICES[@]}"; do
    pid="$(pid_of "$(svc_name "$s")")" || continue
    idle_before+=("$pid $(cpu_seconds "$pid")")
  done
  sleep "$BENCH_IDLE_SECONDS"
  idle_total="$(for s in "${idle_before[@]}"; do
      set -- $s; echo "$(cpu_seconds "$1") $2"; done | awk -v s="$BENCH_IDLE_SECONDS" '{t += $1 - $2} END {printf "%.1f", 100*t/s}')"
  ok "$idle_total % of one core, all services together"
  local ratio; ratio="$(awk -v a="$rps" -v b="$tps" 'BEGIN{printf "%.1f", 100*a/b}')"

  local report="$VF_DIR/bench/latest.md"
  {
    echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores / $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load generator on the same machine:"
    echo
    echo "| measurement | result |"
    echo "|---|---|"
    echo "| vision-service: GET /api/v1/visions/active (real token, RLS, wrk c=$BENCH_CONNECTIONS, ${BENCH_SECONDS}s) | $rps req/s, p50 $p50 ms, p99 $p99 ms |"
    echo "| PostgreSQL: pgbench -S (c=$BENCH_CONNECTIONS, same run) | $tps tps |"
    echo "| ratio service / pgbench -S | $ratio % |"
    echo "| vision-service time to ready (JVM start to /q/health/ready UP) | $ready_ms ms |"
    echo "| vision-service RSS after the load | $rss_mb MiB |"
    if [[ "$g_rps" != n/a ]]; then
      echo "| gateway: same endpoint through the gateway (c=$BENCH_CONNECTIONS) | $g_rps req/s, p50 $g_p50 ms, p99 $g_p99 ms |"
      echo "| direct, measured right after (c=$BENCH_CONNECTIONS) | $d_rps req/s, p50 $d_p50 ms, p99 $d_p99 ms |"
      echo "| gateway throughput / direct, saturated; p50 difference (queueing: Little's law) | $g_ratio %; +$g_added ms |"
      echo "| HAProxy $(haproxy -v 2>/dev/null | awk 'NR==1 {print $3}') in front of the same route: jwt_verify of the same RS256 token, issuer and expiry checked (c=$BENCH_CONNECTIONS, right after the gateway) | $h_rps req/s, p50 $h_p50 ms, p99 $h_p99 ms |"
      echo "| gateway throughput / HAProxy's, saturated | $h_ratio % |"
      echo "| paced at $BENCH_PACED_RATE req/s offered (c=$BENCH_CONNECTIONS, last of three pairs): through the gateway | $pg_rps req/s, p50 $pg_p50 ms, p99 $pg_p99 ms |"
      echo "| paced at $BENCH_PACED_RATE req/s offered (c=$BENCH_CONNECTIONS, last of three pairs): direct | $pd_rps req/s, p50 $pd_p50 ms, p99 $pd_p99 ms |"
      echo "| latency the gateway adds at p50, paced (three alternating pairs: ${added[*]} ms) | median +$p_added ms |"
    fi
    echo "| profile-service: GET /api/v1/profiles/me, every field answered (real token, RLS, wrk c=$BENCH_CONNECTIONS, ${BENCH_SECONDS}s) | $pr_rps req/s, p50 $pr_p50 ms, p99 $pr_p99 ms |"
    echo "| ai-usage-service: a VIVA reply from the offline coach, streamed whole (stored, usage recorded; wrk c=$BENCH_VIVA_CONNECTIONS over $BENCH_THREADS of one member's conversations, ${BENCH_SECONDS}s) | $viva_rps replies/s, p50 $viva_p50 ms, p99 $viva_p99 ms |"
    echo "| media-service: completing a 14-section vision to all 14 tracks completed (espeak-ng, local) | $narration_ms ms |"
    echo "| media-service: syntheses caused by re-sending the unchanged vision (must be 0) | $resend |"
    echo "| media-service: a new version copied from it, completed unchanged: all 14 tracks (the member's audio copied); syntheses it caused (must be 0) | $copy_ms ms; $copy_syntheses |"
    echo "| events: vision edits at $ev_rate/s for ${BENCH_EVENT_SECONDS}s ($ev_count vision.updated events): from the event's occurred_at to media-service's effect committed, p50 / p99 / max; events not applied 5 s later | $ev_p50 / $ev_p99 / $ev_max ms; $ev_unmatched |"
    echo "| web app: home screen after a reload, signed in silently, 4 cards answered (Chromium, median of 7): largest contentful paint; usable | $web_lcp ms; $web_usable ms |"
    echo "| web app: initial JavaScript (gzip, over the wire) | $web_js KiB |"
    echo "| vision-service CPU during the saturated read (cores, of $(nproc)) | $vision_cores |"
    echo "| gateway CPU during the saturated read through it (cores, of $(nproc)) | $gateway_cores |"
    local f
    for f in "${footprint[@]}"; do
      set -- $f
      echo "| $1: RSS after all the load (peak) | $2 MiB ($3 MiB) |"
    done
    echo "| the whole local platform's services: RSS after the load | $total_rss MiB |"
    echo "| idle: all services together, no request for ${BENCH_IDLE_SECONDS}s after ${BENCH_IDLE_SETTLE_SECONDS}s to settle (% of one core) | $idle_total % |"
  } >"$report"
  echo
  cat "$report"
  echo
  msg "saved to $report"
}
