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

# Node and npm build the web app (web/, through the Maven build). A machine that has them (any source) keeps
# them; otherwise they come from Debian. Vite needs Node 20.19 or newer.
ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    ensure_packages nodejs npm
  fi
  local version; version="$(node --version)"; version="${version#v}"
  local major="${version%%.*}" rest="${version#*.}"; local minor="${rest%%.*}"
  if (( major < 20 || (major == 20 && minor < 19) )); then
    die "the web app's build needs Node 20.19 or newer; this machine has $version (install a newer nodejs package)"
  fi
  msg "Node $version and npm $(npm --version) present"
}
