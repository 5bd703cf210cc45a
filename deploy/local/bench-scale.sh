# shellcheck shell=bash
# `./vf bench scale`: what a member's screens cost when the platform holds a lot of data. Sourced by ./vf (uses its
# helpers: msg, step, ok, warn, die, pid_of, psql_admin) after deploy/local/bench.sh (wrk_run).
#
# 1. Seeds the local databases (once; `./vf bench scale clean` removes it again) with 10,000 members: 9,999 made up
#    and alice, the demo member whose token measures. Each has 100 journal entries (1,000,000 in all, dated over two
#    years, 25 words each from a 48-word vocabulary, so that search has common and rare words), 10 Life Vision
#    versions (100,000) and 100 AI usage rows over 90 days (1,000,000). Written as the superuser (no RLS) straight
#    into the services' tables: an API would take hours for a million rows.
# 2. Measures alice's member-facing reads directly on each service (real token, RLS, wrk c=8, 5 s warm-up then
#    20 s, 11 s around it for PostgreSQL's statistics): the journal list, search (a common and a rare word), recent entries, the Life Vision list, the token
#    balance, the usage list and the usage summary. p50/p99 and req/s each.
# 3. Checks the plans the way PostgreSQL counts them: any sequential scan of journal_entries, vision_versions or
#    token_usage during a measurement (pg_stat_user_tables.seq_scan before and after) is reported next to it.
# Results go to stdout and to .vf/bench/scale.md.

SCALE_MEMBERS="${VF_BENCH_SCALE_MEMBERS:-10000}"
SCALE_ENTRIES=100        # journal entries per member
SCALE_VERSIONS=10        # Life Vision versions per member
SCALE_USAGE=100          # AI usage rows per member
SCALE_CONNECTIONS=8
SCALE_SECONDS="${VF_BENCH_SCALE_SECONDS:-20}"
JOURNAL_URL="http://127.0.0.1:8084"

# The member id (the token's subject) of a JWT.
jwt_subject() {
  local payload; payload="$(cut -d. -f2 <<<"$1" | tr '_-' '/+')"
  while (( ${#payload} % 4 )); do payload+="="; done
  base64 -d <<<"$payload" 2>/dev/null | jq -r .sub
}

# The made-up members: deterministic ids, so that the seed is found again and removed exactly.
scale_members_sql() {
  local alice="$1"
  cat <<SQL
CREATE TEMP TABLE scale_members AS
  SELECT n, CASE WHEN n = 1 THEN '$alice'::uuid ELSE md5('vf-scale-member-' || n)::uuid END AS id
  FROM generate_series(1, $SCALE_MEMBERS) n;
ANALYZE scale_members;
SQL
}

scale_seed() {
  local alice="$1" t0 count
  count="$(printf '%s\n' "SELECT count(*) FROM journal_entries WHERE user_id = md5('vf-scale-member-2')::uuid" \
    | psql_admin -d journal -At)"
  if [[ "$count" == "$SCALE_ENTRIES" ]]; then
    ok "already seeded (./vf bench scale clean removes it)"
    return 0
  fi
  t0="$(now)"
  step "seeding journal-service: $(( SCALE_MEMBERS * SCALE_ENTRIES )) entries"
  { scale_members_sql "$alice"; cat <<SQL
INSERT INTO journal_entries (user_id, date, title, content, categories, created_at, updated_at)
SELECT m.id,
       current_date - (i * 7) % 730,
       'Scale ' || i,
       (SELECT string_agg(w[1 + (i * 7919 + k * 104729 + m.n * 31) % 48], ' ')
          FROM generate_series(1, 25) k,
               (SELECT ARRAY['grateful','morning','run','family','ocean','work','breath','friend','garden','music',
                             'travel','money','health','calm','focus','dream','home','love','book','walk','sun','rain',
                             'coffee','project','meeting','child','dinner','yoga','sleep','energy','city','mountain',
                             'river','bike','paint','write','learn','teach','give','laugh','kiss','tea','bread','light',
                             'wind','snow','spring','harvest'] AS w) vocabulary),
       ARRAY[(ARRAY['fun','travel','home','family','romance','health','money','business','social','possessions',
                    'giving','spirituality'])[1 + (i + m.n) % 12]],
       now() - make_interval(days => (i * 7) % 730, secs => i),
       now() - make_interval(days => (i * 7) % 730, secs => i)
FROM scale_members m, generate_series(1, $SCALE_ENTRIES) i;
SQL
  } | psql_admin -d journal >/dev/null || die "seeding the journal failed"
  ok "($(since "$t0"))"

  t0="$(now)"
  step "seeding vision-service: $(( SCALE_MEMBERS * SCALE_VERSIONS )) Life Vision versions"
  { scale_members_sql "$alice"; cat <<SQL
INSERT INTO vision_versions (user_id, title, version_number, forward, fun, travel, home, family, romance, health,
                             money, business, social, possessions, giving, spirituality, conclusion, status,
                             completion_percentage, is_active, created_at, updated_at)
SELECT m.id, 'Scale ' || v, 1000 + v,
       'I move forward.', 'I play.', 'I travel.', 'I am at home.', 'We are close.', 'I love.', 'I am strong.',
       'I have enough.', 'My work matters.', 'I have friends.', 'I keep what I love.', 'I give.', 'I am still.',
       'So it is.',
       CASE WHEN v < $SCALE_VERSIONS THEN 'complete' ELSE 'draft' END, 100,
       v = $SCALE_VERSIONS - 1 AND m.n > 1,
       now() - make_interval(days => ($SCALE_VERSIONS - v) * 30), now() - make_interval(days => ($SCALE_VERSIONS - v) * 30)
FROM scale_members m, generate_series(1, $SCALE_VERSIONS) v;
SQL
  } | psql_admin -d vision >/dev/null || die "seeding the Life Visions failed"
  ok "($(since "$t0"))"

  t0="$(now)"
  step "seeding ai-usage-service: $(( SCALE_MEMBERS * SCALE_USAGE )) usage rows"
  { scale_members_sql "$alice"; cat <<SQL
INSERT INTO token_usage (user_id, action_type, model_used, tokens_used, input_tokens, output_tokens, success,
                         metadata, created_at)
SELECT m.id,
       (ARRAY['chat_conversation','vision_refinement','audio_generation','assessment_scoring'])[1 + (i + m.n) % 4],
       (ARRAY['gpt-4o-mini','gpt-4o','eleven_multilingual_v2'])[1 + (i * 3 + m.n) % 3],
       200 + (i * 37 + m.n) % 1800, 150 + (i * 11) % 900, 50 + (i * 13) % 900, true,
       '{"scale_bench": true}'::jsonb,
       now() - make_interval(hours => (i * 21 + m.n) % 2160)
FROM scale_members m, generate_series(1, $SCALE_USAGE) i;
SQL
  } | psql_admin -d aiusage >/dev/null || die "seeding the usage failed"
  ok "($(since "$t0"))"

  t0="$(now)"
  step "VACUUM ANALYZE of the seeded tables"
  printf '%s\n' "VACUUM ANALYZE journal_entries;" | psql_admin -d journal >/dev/null
  printf '%s\n' "VACUUM ANALYZE vision_versions;" | psql_admin -d vision >/dev/null
  printf '%s\n' "VACUUM ANALYZE token_usage;" | psql_admin -d aiusage >/dev/null
  ok "($(since "$t0"))"
}

scale_clean() {
  local alice="$1"
  step "removing the scale seed (the made-up members' rows and alice's 'Scale' rows)"
  { scale_members_sql "$alice"; echo "DELETE FROM journal_entries e USING scale_members m WHERE e.user_id = m.id
      AND (m.n > 1 OR e.title LIKE 'Scale %');"; } | psql_admin -d journal >/dev/null
  { scale_members_sql "$alice"; echo "DELETE FROM vision_versions v USING scale_members m WHERE v.user_id = m.id
      AND (m.n > 1 OR v.title LIKE 'Scale %');"; } | psql_admin -d vision >/dev/null
  # Every seeded usage row carries the marker. The foreign keys that refer to usage rows are indexed (ai-usage V9) and
  # the daily totals follow each delete (their trigger, V10). In batches: 200,000 rows go in ~5 s, while one statement
  # for the whole million had not finished after 18 minutes.
  local deleted
  while :; do
    deleted="$(printf '%s\n' "WITH batch AS (DELETE FROM token_usage WHERE id IN (SELECT id FROM token_usage
        WHERE metadata @> '{\"scale_bench\": true}' LIMIT 100000) RETURNING 1) SELECT count(*) FROM batch;" \
      | psql_admin -d aiusage -At)"
    [[ "$deleted" =~ ^[0-9]+$ ]] || die "removing the seeded usage rows failed"
    (( deleted > 0 )) || break
  done
  ok
}

# Sequential scans of TABLE in DATABASE so far (PostgreSQL's statistics, flushed within a second).
seq_scans() {
  printf '%s\n' "SELECT coalesce(sum(seq_scan), 0) FROM pg_stat_user_tables WHERE relname = '$2'" \
    | psql_admin -d "$1" -At
}

# scale_measure NAME URL DATABASE TABLE TOKEN -> one Markdown row
scale_measure() {
  local name="$1" url="$2" db="$3" table="$4" token="$5" before after status
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")"
  if [[ "$status" != 200 ]]; then
    warn "$name: $url answered $status" >&2
    echo "| $name | answered $status | | | |"
    return
  fi
  BENCH_CONNECTIONS="$SCALE_CONNECTIONS" wrk_run "$url" "$token" 5 >/dev/null
  # A backend that has gone idle reports its counts within 10 s (PGSTAT_IDLE_INTERVAL).
  sleep 11
  before="$(seq_scans "$db" "$table")"
  local rps p50 p99 non2xx
  read -r rps p50 p99 non2xx < <(BENCH_CONNECTIONS="$SCALE_CONNECTIONS" wrk_run "$url" "$token" "$SCALE_SECONDS")
  sleep 11
  after="$(seq_scans "$db" "$table")"
  [[ "$non2xx" == 0 ]] || warn "$name: $non2xx answers were not 2xx" >&2
  ok "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms; sequential scans of $table: $(( after - before ))" >&2
  echo "| $name | $p50 ms | $p99 ms | $rps | $(( after - before )) |"
}

bench_scale_main() {
  mkdir -p "$VF_DIR/bench"
  local token alice
  token="$("$ROOT/vf" token alice)"
  alice="$(jwt_subject "$token")"
  [[ "$alice" =~ ^[0-9a-f-]{36}$ ]] || die "could not read alice's id from her token"
  if [[ "${1:-}" == clean ]]; then
    scale_clean "$alice"
    return 0
  fi
  local s
  for s in journal-service vision-service ai-usage-service; do
    pid_of "$s" >/dev/null || die "$s is not running (./vf up)"
  done
  msg "scale benchmark: $SCALE_MEMBERS members, c=$SCALE_CONNECTIONS, ${SCALE_SECONDS}s per read"
  scale_seed "$alice"
  local sizes
  sizes="journal_entries $(printf '%s\n' "SELECT count(*) FROM journal_entries" | psql_admin -d journal -At), vision_versions $(printf '%s\n' "SELECT count(*) FROM vision_versions" | psql_admin -d vision -At), token_usage $(printf '%s\n' "SELECT count(*) FROM token_usage" | psql_admin -d aiusage -At)"
  ok "rows: $sizes"
  local rows=()
  rows+=("$(scale_measure "journal: my entries, first page" "$JOURNAL_URL/api/v1/journal/entries" journal journal_entries "$token")")
  rows+=("$(scale_measure "journal: search, a common word (q=morning)" "$JOURNAL_URL/api/v1/journal/entries?q=morning" journal journal_entries "$token")")
  rows+=("$(scale_measure "journal: search, two words (q=harvest%20snow)" "$JOURNAL_URL/api/v1/journal/entries?q=harvest%20snow" journal journal_entries "$token")")
  rows+=("$(scale_measure "journal: recent entries" "$JOURNAL_URL/api/v1/journal/entries/recent" journal journal_entries "$token")")
  rows+=("$(scale_measure "vision: my Life Vision versions" "$VISION_URL/api/v1/visions" vision vision_versions "$token")")
  rows+=("$(scale_measure "ai: my token balance" "$AI_URL/api/v1/ai/balance" aiusage token_usage "$token")")
  rows+=("$(scale_measure "ai: my usage, first page" "$AI_URL/api/v1/ai/usage" aiusage token_usage "$token")")
  rows+=("$(scale_measure "ai: my usage summary (30 days)" "$AI_URL/api/v1/ai/usage/summary" aiusage token_usage "$token")")

  local report="$VF_DIR/bench/scale.md"
  {
    echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; $SCALE_MEMBERS members ($sizes); alice's reads, real token and RLS, wrk c=$SCALE_CONNECTIONS for ${SCALE_SECONDS}s after 5s of warm-up, directly on each service:"
    echo
    echo "| read | p50 | p99 | req/s | sequential scans of the big table during it |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}" | grep '^|'
  } >"$report"
  echo
  cat "$report"
  echo
  msg "saved to $report"
}
