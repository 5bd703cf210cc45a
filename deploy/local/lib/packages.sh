# shellcheck shell=bash
# System packages (apt-get) for ./vf: ensure_packages. Sourced by ./vf (uses lib/common.sh).

# ---- (a) system packages -------------------------------------------------------------
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if (( ${#missing[@]} == 0 )); then
    msg "system packages present ($*)"
    return 0
  fi
  local start; start="$(now)"
  step "installing ${missing[*]} (apt-get)"
  [[ "$(id -u)" == 0 ]] || die "need root to apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >"$VF_DIR/apt.log" 2>&1 || { tail "$VF_DIR/apt.log" >&2; die "apt-get update failed"; }
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$VF_DIR/apt.log" 2>&1 \
    </dev/null || { tail -n 30 "$VF_DIR/apt.log" >&2; die "apt-get install failed (log: $VF_DIR/apt.log)"; }
  ok "done ($(since "$start"))"
}
