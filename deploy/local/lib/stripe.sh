# shellcheck shell=bash
# (g) The payment provider, locally: platform-testing's StripeProtocolStub (Stripe's API, hosted checkout page and
# signed webhooks, JDK only), run as a single-file Java program, so nothing is built or downloaded for it.
# ai-usage-service gets its URL and LOCAL-ONLY key and webhook secret from the environment vf starts it with.
# Sourced by ./vf (uses lib/common.sh).

STRIPE_PORT=12111
STRIPE_STUB_SOURCE="$ROOT/platform/testing/src/main/java/com/vibrationfit/platform/testing/StripeProtocolStub.java"
# LOCAL ONLY: the stub accepts exactly these; production sets VF_BILLING_STRIPE_* from a Secret.
STRIPE_API_KEY="sk_test_vibrationfit_local_only"
STRIPE_WEBHOOK_SECRET="whsec_vibrationfit_local_only"

stripe_ready() { port_open "$STRIPE_PORT"; }

start_stripe() {
  local pid
  if pid="$(pid_of stripe-stub)"; then
    msg "Stripe stub already running (pid $pid, http://127.0.0.1:$STRIPE_PORT)"
  elif stripe_ready; then
    warn "port $STRIPE_PORT is in use by a process vf did not start; using it as the payment provider"
  else
    local start; start="$(now)"
    step "starting the Stripe protocol stub (http://127.0.0.1:$STRIPE_PORT; checkout pages, signed webhooks to the gateway)"
    start_bg stripe-stub "$(find_java 17 || die "the Stripe stub needs Java 17+")" -Xms16m -Xmx64m \
      "$STRIPE_STUB_SOURCE" --port "$STRIPE_PORT" --api-key "$STRIPE_API_KEY" \
      --webhook-url "http://127.0.0.1:8080/webhooks/stripe" --webhook-secret "$STRIPE_WEBHOOK_SECRET" \
      --public-url "http://127.0.0.1:$STRIPE_PORT"
    wait_for stripe-stub 60 stripe_ready || die "the Stripe stub did not start (log: $LOG_DIR/stripe-stub.log)"
    ok "ready ($(since "$start"))"
  fi
  stripe_env
}

# What ai-usage-service (started after this, or restarted) reads; a value already in the environment wins.
stripe_env() {
  export VF_BILLING_STRIPE_BASE_URL="${VF_BILLING_STRIPE_BASE_URL:-http://127.0.0.1:$STRIPE_PORT}"
  export VF_BILLING_STRIPE_API_KEY="${VF_BILLING_STRIPE_API_KEY:-$STRIPE_API_KEY}"
  export VF_BILLING_STRIPE_WEBHOOK_SECRET="${VF_BILLING_STRIPE_WEBHOOK_SECRET:-$STRIPE_WEBHOOK_SECRET}"
  # Back to the web app on the origin ./vf up prints (its sign-in session lives there).
  export VF_BILLING_RETURN_URL="${VF_BILLING_RETURN_URL:-http://127.0.0.1:8080/account}"
}
