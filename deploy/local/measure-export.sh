#!/usr/bin/env bash
# Measures a member's data export at the upload quota on the running platform (`./vf up` first):
# fills what is left of a demo member's 5 GiB quota with video uploads (random bytes, so the zip cannot shrink them),
# asks for an export and reports how long it took to be ready, the archive's size, profile-service's
# peak resident memory and heap, and the most local disk its temporary files took meanwhile.
#
#   deploy/local/measure-export.sh [USER]    (default bob)
#
# Local only: it uses the demo users' local passwords through ./vf token.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
USER_NAME="${1:-bob}"
GATEWAY="${VF_GATEWAY_URL:-http://127.0.0.1:8080}"
QUOTA=$((5 * 1024 * 1024 * 1024))         # vf.media.storage-quota-bytes
VIDEO_MAX=$((500 * 1024 * 1024))          # the largest video upload
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

say() { printf '==> %s\n' "$*" >&2; }
token() { "$ROOT/vf" token "$USER_NAME"; }
api() {  # api METHOD PATH [JSON]
  local args=(-fsS -X "$1" -H "Authorization: Bearer $(token)")
  [[ $# -ge 3 ]] && args+=(-H 'Content-Type: application/json' -d "$3")
  curl "${args[@]}" "$GATEWAY$2"
}

profile_pid="$(awk 'NR == 1 {print $1}' "$ROOT/.vf/run/profile-service.pid" 2>/dev/null || true)"
[[ -n "$profile_pid" && -d /proc/$profile_pid ]] || { echo "profile-service is not running: run ./vf up first" >&2; exit 1; }

say "writing $((VIDEO_MAX / 1024 / 1024)) MiB of random bytes to upload"
head -c "$VIDEO_MAX" /dev/urandom > "$WORK/video.mp4"

# upload SIZE: a video of SIZE bytes, uploaded and confirmed; when it does not fit, prints the bytes that are
# left of the quota (the 422 says) and fails.
upload() {
  local size="$1" ticket id url status
  ticket="$(curl -sS -w '\n%{http_code}' -X POST -H "Authorization: Bearer $(token)" -H 'Content-Type: application/json' \
    -d "$(jq -nc --argjson s "$size" '{purpose:"journal_video",content_type:"video/mp4",size_bytes:$s}')" \
    "$GATEWAY/api/v1/media/uploads")"
  status="${ticket##*$'\n'}"; ticket="${ticket%$'\n'*}"
  if [[ "$status" == 422 ]]; then
    jq -r '[.. | strings | capture("only (?<n>[0-9]+) bytes") | .n][0]' <<<"$ticket"
    return 1
  fi
  [[ "$status" == 201 ]] || { echo "upload ticket: $status $ticket" >&2; exit 1; }
  id="$(jq -r .id <<<"$ticket")"
  url="$(jq -r .upload_url <<<"$ticket")"
  local headers=()
  while IFS= read -r h; do headers+=(-H "$h"); done < <(jq -r '.headers | to_entries[] | "\(.key): \(.value)"' <<<"$ticket")
  head -c "$size" "$WORK/video.mp4" | curl -fsS -X PUT "${headers[@]}" --data-binary @- "$url" >/dev/null
  api POST "/api/v1/media/uploads/$id/complete" >/dev/null
}

left=$QUOTA   # until the service says how much is left (earlier uploads count)
n=0
t0=$(date +%s)
while (( left > 0 )); do
  size=$(( left < VIDEO_MAX ? left : VIDEO_MAX ))
  if fits="$(upload "$size")"; then
    left=$(( left - size )); n=$(( n + 1 ))
    say "uploaded $n videos, $(( size / 1024 / 1024 )) MiB last"
  else
    left="$fits"
    say "the quota has $(( left / 1024 / 1024 )) MiB left"
  fi
done
say "quota filled in $(( $(date +%s) - t0 )) s"

# The most local disk profile-service's temporary files take: sampled from the files it holds open.
largest_tmp=0
sample_tmp() {
  local total=0 f size
  for f in /proc/"$profile_pid"/fd/*; do
    f="$(readlink "$f" 2>/dev/null)" || continue
    [[ "$f" == /tmp/* && -f "$f" ]] || continue
    size="$(stat -c %s "$f" 2>/dev/null || echo 0)"
    total=$(( total + size ))
  done
  (( total > largest_tmp )) && largest_tmp=$total
  return 0
}

say "asking for an export"
export_id="$(api POST /api/v1/account/exports | jq -r .id)"
t0=$(date +%s%N)
state=collecting
while [[ "$state" == collecting ]]; do
  sample_tmp
  sleep 0.5
  state="$(api GET "/api/v1/account/exports/$export_id" | jq -r .state)"
done
elapsed_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
result="$(api GET "/api/v1/account/exports/$export_id")"
[[ "$state" == ready ]] || { echo "export ended $state: $(jq -c . <<<"$result")" >&2; exit 1; }

peak_rss_kb="$(awk '/VmHWM/ {print $2}' /proc/"$profile_pid"/status)"
heap="$(jcmd "$profile_pid" GC.heap_info 2>/dev/null | grep -Eo 'used [0-9]+K' | head -n1 || true)"
max_heap="$(tr '\0' '\n' < /proc/"$profile_pid"/cmdline | grep -E '^-Xmx' || echo 'default')"
printf '| export at the quota | %s files, %s MiB archive | ready in %.1f s | profile-service peak RSS %s MiB (%s, heap %s after) | local temporary files at most %s kB |\n' \
  "$(jq -r .file_count <<<"$result")" "$(( $(jq -r .size_bytes <<<"$result") / 1024 / 1024 ))" \
  "$(echo "$elapsed_ms / 1000" | bc -l)" "$(( peak_rss_kb / 1024 ))" "$max_heap" "${heap:-unknown}" \
  "$(( largest_tmp / 1024 ))"
