# shellcheck shell=bash
# `./vf bench`'s entry: installs wrk and pgbench when missing, then loads deploy/local/bench.sh and runs it
# (`./vf bench scale [clean]`: deploy/local/bench-scale.sh).
# Sourced by ./vf (uses lib/common.sh, lib/packages.sh).

check_bench_tools() {  # installs wrk / pgbench (postgresql-client) when missing
  local need=()
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  command -v pgbench >/dev/null 2>&1 || need+=("postgresql-client-$PG_VERSION")
  (( ${#need[@]} == 0 )) || ensure_packages "${need[@]}"
  command -v wrk >/dev/null 2>&1 || die "wrk not installed"
  command -v pgbench >/dev/null 2>&1 || die "pgbench not installed"
  msg "bench tools: $(wrk --version 2>&1 | head -n1 | cut -c1-40), $(pgbench --version)"
}

bench() {
  check_bench_tools
  # shellcheck source=deploy/local/bench.sh
  source "$ROOT/deploy/local/bench.sh"
  if [[ "${1:-}" == scale ]]; then
    shift
    # shellcheck source=deploy/local/bench-scale.sh
    source "$ROOT/deploy/local/bench-scale.sh"
    bench_scale_main "$@"
    return
  fi
  bench_main "$@"
}
# ===== END BENCH STUB ================================================================
