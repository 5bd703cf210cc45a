# shellcheck shell=bash
# `./vf test`: vf's own tests, the module tests (./mvnw verify, two modules at a time, while the platform's parts
# that need no database start beside them), then the tests that stop PostgreSQL in the background while the OpenAPI
# lint, the Kubernetes manifests' validation and the system tests run, then the web journeys against the platform.
# Sourced by ./vf (uses lib/common.sh, lib/packages.sh, lib/postgres.sh, lib/s3proxy.sh, lib/platform.sh).

cmd_test() {
  mkdir -p "$VF_DIR" "$RUN_DIR" "$LOG_DIR"
  # vf's own pid handling (temporary run directory: a running platform is not touched).
  msg "vf script tests: deploy/local/tests/vf-pids-test.sh"
  bash "$ROOT/deploy/local/tests/vf-pids-test.sh" || { msg "tests FAILED (vf script tests)"; return 1; }
  msg "vf script tests: deploy/local/tests/vf-jvm-test.sh"
  bash "$ROOT/deploy/local/tests/vf-jvm-test.sh" || { msg "tests FAILED (vf script tests)"; return 1; }
  # Tests use real PostgreSQL (started here), a real S3 server (S3Proxy, started by the tests as a
  # child process from these jars), real espeak-ng/lame, and run Kafka and OIDC inside the test JVM.
  ensure_packages postgresql postgresql-contrib espeak-ng lame curl chromium
  ensure_node
  ensure_postgres
  ensure_databases
  ensure_s3proxy_dist
  export VF_S3PROXY_LIB="$S3_HOME/lib"
  local mvn; mvn="$(mvn_cmd)"
  local rc=0
  # The system tests need the platform. Its parts that do not use PostgreSQL (Kafka, S3Proxy, Keycloak, whose first
  # start builds it, and the Stripe stub) start in the background while the module tests run; ./vf up then finds
  # them running. Their output goes to a log, shown when they are waited for.
  local started_here=0 parts_pid="" parts_log="$LOG_DIR/test-platform-parts.log"
  if [[ "${VF_SKIP_SYSTEM_TESTS:-0}" != 1 ]] && ! svc_ready 8080; then
    started_here=1
    ensure_packages "${APT_PACKAGES[@]}"
    msg "starting Kafka, S3Proxy, Keycloak and the Stripe stub for the system tests in the background ($parts_log)"
    (start_kafka && start_s3 && start_keycloak && start_stripe) >"$parts_log" 2>&1 &
    parts_pid=$!
  fi
  # Modules build and test two at a time: each test JVM spends much of its time waiting on PostgreSQL, Kafka and
  # its own awaits. The tests that stop PostgreSQL (@StopsPostgres, each on a cluster of its own: OwnPostgres) need
  # a Quarkus boot of their own, so they run afterwards in JVMs of their own, beside the contract checks and the
  # system tests (they leave the shared cluster alone).
  local threads="${VF_TEST_THREADS:-2}"
  msg "module tests: $(basename "$mvn") -B -T $threads verify -DexcludedGroups=stops-postgres $*"
  "$mvn" -B -T "$threads" verify -DexcludedGroups=stops-postgres "$@" || rc=$?
  if (( rc == 0 )) && [[ "${VF_SKIP_SYSTEM_TESTS:-0}" != 1 ]]; then
    # The system tests use platform-testing's protocol stubs: put it (and its parents) in the local repository,
    # before anything else reads those modules.
    msg "installing platform-testing for the system tests: $(basename "$mvn") -B -q install -DskipTests -pl platform/testing -am"
    "$mvn" -B -q install -DskipTests -pl platform/testing -am || rc=$?
  fi
  local outage_pid="" outage_log="$LOG_DIR/test-stops-postgres.log"
  if (( rc == 0 )); then
    # Only the modules that have such tests (and, through -am, what they build on): discovering a module's tests
    # costs a Quarkus application model even when none of them is selected.
    local modules
    modules="$(cd "$ROOT" && grep -rl --include='*.java' '^@StopsPostgres' -- */src/test platform/*/src/test 2>/dev/null \
      | sed 's#/src/test/.*##' | sort -u | paste -sd, -)"
    if [[ -n "$modules" ]]; then
      msg "module tests that stop PostgreSQL ($modules), in the background: $(basename "$mvn") -B surefire:test -Dgroups=stops-postgres ($outage_log)"
      "$mvn" -B surefire:test -Dgroups=stops-postgres -Dsurefire.failIfNoSpecifiedTests=false -pl "$modules" -am "$@" \
        >"$outage_log" 2>&1 &
      outage_pid=$!
    fi
  fi
  if (( rc == 0 )); then
    contract_checks || rc=$?
  fi
  if [[ -n "$parts_pid" ]]; then
    local parts_rc=0
    wait "$parts_pid" || parts_rc=$?
    cat "$parts_log"
    if (( parts_rc != 0 && rc == 0 )); then rc=$parts_rc; msg "the platform's parts did not start (above)"; fi
  fi
  if (( rc == 0 )) && [[ "${VF_SKIP_SYSTEM_TESTS:-0}" != 1 ]]; then
    # Journeys run against the platform as ./vf up runs it: reuse a running one, otherwise start it
    # here and stop it afterwards (only what this command started).
    # The services map their AOT cache when ./vf up made one, but do not train: a training run's stop (each
    # ./vf restart of the journeys, and the final ./vf down) would spend tens of seconds writing its cache.
    export VF_AOT="${VF_AOT:-use}"
    # Without a cache the services' boots and restarts are mostly C2 compiling: the client compiler alone is
    # enough for the minutes the journeys run (and the same code paths run under both compilers).
    export VF_SERVICE_EXTRA_JAVA_OPTS="${VF_SERVICE_EXTRA_JAVA_OPTS--XX:TieredStopAtLevel=1}"
    if ! svc_ready 8080; then
      msg "system tests need the platform: ./vf up"
      (cmd_up) || rc=$?
      started_here=1
    fi
    if (( rc == 0 )); then
      msg "system tests: $(basename "$mvn") -B -pl system-tests verify -DskipSystemTests=false"
      "$mvn" -B -pl system-tests verify -DskipSystemTests=false || rc=$?
    fi
  fi
  if [[ -n "$outage_pid" ]]; then
    local outage_rc=0
    wait "$outage_pid" || outage_rc=$?
    msg "module tests that stop PostgreSQL: exit $outage_rc (whole output: $outage_log)"
    grep -E 'Tests run:|FAIL|BUILD|ERROR\]' "$outage_log" | grep -v 'Tests run: 0,' || true
    if (( outage_rc != 0 && rc == 0 )); then rc=$outage_rc; fi
  fi
  if (( rc == 0 )) && [[ "${VF_SKIP_SYSTEM_TESTS:-0}" != 1 ]]; then
    # The member journeys in a real browser (Debian's chromium) through the gateway, signing in on Keycloak.
    msg "web journeys: (cd web && npm run e2e) in $(command -v chromium)"
    (cd "$ROOT/web" && VF_CHROMIUM="$(command -v chromium)" npm run --silent e2e) || rc=$?
  fi
  if (( started_here )); then
    msg "stopping the platform started for the system tests"
    (cmd_down) || true
  fi
  if (( rc == 0 )); then msg "tests PASSED"; else msg "tests FAILED (exit $rc)"; fi
  return "$rc"
}

# The public contract and the deployment, checked offline; fails on the first error.
contract_checks() {
  # The gateway's merged OpenAPI document, linted with Spectral (OAS and OWASP rules, deploy/openapi-lint). The
  # module builds wrote each service's document; an error fails the run.
  msg "OpenAPI lint: deploy/openapi-lint/lint.sh"
  bash "$ROOT/deploy/openapi-lint/lint.sh" || { local rc=$?; msg "the OpenAPI document has errors: deploy/openapi-lint/out/spectral.txt"; return "$rc"; }
  # The Kubernetes manifests: every overlay and the migrations rendered (kubectl kustomize, kubectl >= 1.27), every
  # object against the Kubernetes schemas and the operators' vendored CRDs with unknown fields rejected, plus
  # cross-checks (Secret/ConfigMap references, selectors, pinned images, requests, runAsNonRoot). The validator's
  # self-test (manifests broken on purpose) runs first. Any error, or a missing/old kubectl, fails the run.
  msg "Kubernetes manifests: deploy/k8s/validate/validate.sh"
  bash "$ROOT/deploy/k8s/validate/validate.sh" || { local rc=$?; msg "the Kubernetes manifests have errors (see above; deploy/k8s/README.md, \"Validation\")"; return "$rc"; }
}
