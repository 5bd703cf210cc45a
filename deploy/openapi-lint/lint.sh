#!/usr/bin/env bash
# Lints the public API contract with Spectral (.spectral.yaml: OAS + OWASP rules): each service's OpenAPI document
# as its build wrote it (<service>/target/openapi/openapi.json), merged by the gateway's own OpenApiMerger into what
# GET /openapi serves. Nothing is started. Build first: ./mvnw -B install -DskipTests (gateway and services).
#
#   deploy/openapi-lint/lint.sh              the merged document: Spectral's report, then counts by rule
#   deploy/openapi-lint/lint.sh SERVICE...   those services' own documents instead (internal paths included)
#
# Writes out/ here (merged.json, spectral.json). Exits 1 when Spectral reports an error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund
mkdir -p out

services=(profile-service vision-service assessment-service journal-service media-service ai-usage-service)
for service in "${services[@]}"; do
  if [ ! -f "$root/$service/target/openapi/openapi.json" ]; then
    echo "no $service/target/openapi/openapi.json: build first (./mvnw -B install -DskipTests)" >&2
    exit 2
  fi
done

if [ $# -gt 0 ]; then
  documents=()
  for service in "$@"; do documents+=("$root/$service/target/openapi/openapi.json"); done
else
  # The gateway's merger (platform/openapi-merge) with the libraries the gateway's build packaged (Jackson).
  if [ ! -d "$root/gateway/target/quarkus-app/lib/main" ]; then
    echo "gateway not built: ./mvnw -B install -DskipTests" >&2
    exit 2
  fi
  pairs=()
  for service in "${services[@]}"; do pairs+=("$service=$root/$service/target/openapi/openapi.json"); done
  java -cp "$root/gateway/target/quarkus-app/lib/main/*" com.vibrationfit.platform.openapi.merge.MergeDocuments \
      out/merged.json "${pairs[@]}"
  documents=(out/merged.json)
fi

status=0
npx spectral lint --ruleset .spectral.yaml --quiet --format json --output.json out/spectral.json \
    --format stylish --output.stylish out/spectral.txt "${documents[@]}" || status=$?
node summary.mjs out/spectral.json
echo "(full report: deploy/openapi-lint/out/spectral.txt)"
exit "$status"
