# shellcheck shell=bash
# S3 for ./vf: downloads S3Proxy's jars, starts it on the filesystem, creates the media bucket.
# Sourced by ./vf (uses its settings S3PROXY_VERSION, S3_PORT, S3_BUCKET, ... and lib/common.sh).

# ---- (d) S3 (S3Proxy) -------------------------------------------------------------------------
ensure_s3proxy_dist() {
  local spec="s3proxy:$S3PROXY_VERSION jackson-annotations:$JACKSON_ANNOTATIONS_VERSION"
  if [[ "$(cat "$S3_HOME/lib/.complete" 2>/dev/null)" == "$spec" ]]; then
    msg "S3Proxy $S3PROXY_VERSION jars present"
    return 0
  fi
  local start; start="$(now)"
  step "downloading S3Proxy $S3PROXY_VERSION jars (Maven Central)"
  rm -rf "${S3_HOME:?}/lib"
  fetch_with_maven "$S3_HOME" "  <dependencyManagement>
    <dependencies>
      <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-annotations</artifactId><version>$JACKSON_ANNOTATIONS_VERSION</version></dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>org.gaul</groupId><artifactId>s3proxy</artifactId><version>$S3PROXY_VERSION</version></dependency>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-annotations</artifactId><version>$JACKSON_ANNOTATIONS_VERSION</version></dependency>
  </dependencies>" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$S3_HOME/lib"
  echo "$spec" >"$S3_HOME/lib/.complete"
  ok "done, $(ls "$S3_HOME/lib" | wc -l) jars ($(since "$start"))"
}

s3_ready() { port_open "$S3_PORT"; }

EMPTY_SHA256="e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
s3_curl() {  # s3_curl ARGS... — SigV4-signed, EMPTY-body request to the local S3 endpoint
  # curl 7.88 does not send x-amz-content-sha256, which S3Proxy requires: pass the hash of "".
  curl -sS --max-time 10 --aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_IDENTITY:$S3_CREDENTIAL" \
    -H "x-amz-content-sha256: $EMPTY_SHA256" "$@"
}

start_s3() {
  ensure_s3proxy_dist
  mkdir -p "$DATA_DIR/s3" "$RUN_DIR" "$LOG_DIR"
  render_template "$ROOT/deploy/local/s3proxy/s3proxy.properties" "$S3_HOME/s3proxy.properties"
  local pid
  if pid="$(pid_of s3proxy)"; then
    msg "S3Proxy already running (pid $pid, http://127.0.0.1:$S3_PORT)"
  elif s3_ready; then
    warn "port $S3_PORT is in use by a process vf did not start; using it as S3"
  else
    local start; start="$(now)"
    step "starting S3Proxy $S3PROXY_VERSION (http://127.0.0.1:$S3_PORT)"
    start_bg s3proxy "$(find_java 17 || die "S3Proxy needs Java 17+")" -Xms64m -Xmx256m -Djava.awt.headless=true \
      -Dlogback.configurationFile="$ROOT/deploy/local/s3proxy/logback.xml" \
      -cp "$S3_HOME/lib/*" org.gaul.s3proxy.Main --properties "$S3_HOME/s3proxy.properties"
    wait_for s3proxy 60 s3_ready || die "S3Proxy did not start"
    ok "ready ($(since "$start"))"
  fi
  local code
  code="$(s3_curl -o /dev/null -w '%{http_code}' -I "http://127.0.0.1:$S3_PORT/$S3_BUCKET" 2>/dev/null || true)"
  if [[ "$code" == 200 ]]; then
    msg "S3 bucket $S3_BUCKET present"
  else
    step "creating S3 bucket $S3_BUCKET"
    code="$(s3_curl -o "$RUN_DIR/s3-create-bucket.out" -w '%{http_code}' -X PUT "http://127.0.0.1:$S3_PORT/$S3_BUCKET")"
    case "$code" in
      200) ok "created" ;;
      409) ok "already exists" ;;
      *) cat "$RUN_DIR/s3-create-bucket.out" >&2; die "creating bucket failed (HTTP $code)" ;;
    esac
  fi
}
