#!/usr/bin/env bash
# Validates the Kubernetes manifests of deploy/k8s offline (no cluster): every overlay and the migrations rendered
# with `kubectl kustomize`, every object checked against the Kubernetes schemas or its operator's vendored CRD
# (deploy/k8s/crds) with unknown fields rejected, plus cross-checks (references, selectors, images, requests,
# runAsNonRoot). Run by `./vf test` after the OpenAPI lint; needs Node and kubectl >= 1.27.
#
#   deploy/k8s/validate/validate.sh     install (npm ci, when package-lock.json changed), self-test, validate
#
# Exits non-zero on any error; kubectl missing or too old is an error too (with how to install it), never a skip.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

command -v node >/dev/null || { echo "k8s validate: ERROR node is not installed (./vf test installs it; or apt-get install nodejs npm)" >&2; exit 2; }
# npm ci only when package-lock.json differs from the one node_modules was installed from.
stamp=node_modules/.vf-package-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "k8s validate: npm ci (package-lock.json changed or node_modules missing)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
node validate.mjs --check-kubectl

echo "k8s validate: self-test (npm test: manifests broken on purpose in memory must be reported)"
status=0
out="$(node --test --test-reporter=tap test/ 2>&1)" || status=$?
passed="$(sed -n 's/^# pass //p' <<<"$out")"; failed="$(sed -n 's/^# fail //p' <<<"$out")"
if [ "$status" -ne 0 ]; then
  echo "$out" >&2
  echo "k8s validate: ERROR the validator's self-test failed (${passed:-?} passed, ${failed:-?} failed)" >&2
  exit 1
fi
echo "k8s validate self-test: ${passed} passed, ${failed} failed"

echo "k8s validate: rendering overlays/* and migrations, validating every object (node validate.mjs)"
exec node validate.mjs
