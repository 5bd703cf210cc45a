# shellcheck shell=bash
# Kafka for ./vf: downloads the broker's jars, starts a single KRaft node, creates the topics.
# Sourced by ./vf (uses its settings KAFKA_VERSION, KAFKA_PORT, KAFKA_TOPICS, ... and lib/common.sh).

# ---- (c) Kafka ------------------------------------------------------------------------------
kafka_java() { find_java 17 || die "Kafka $KAFKA_VERSION needs Java 17+"; }

ensure_kafka_dist() {
  local spec="kafka_2.13:$KAFKA_VERSION kafka-tools:$KAFKA_VERSION slf4j-simple:$SLF4J_VERSION"
  if [[ "$(cat "$KAFKA_HOME/lib/.complete" 2>/dev/null)" == "$spec" ]]; then
    msg "Kafka $KAFKA_VERSION jars present"
    return 0
  fi
  local start; start="$(now)"
  step "downloading Kafka $KAFKA_VERSION jars (Maven Central)"
  rm -rf "${KAFKA_HOME:?}/lib"
  fetch_with_maven "$KAFKA_HOME" "  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>$SLF4J_VERSION</version></dependency>
  </dependencies>" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_HOME/lib"
  # Exactly one SLF4J binding: keep slf4j-simple.
  rm -f "$KAFKA_HOME"/lib/slf4j-reload4j-*.jar "$KAFKA_HOME"/lib/log4j-slf4j*-impl-*.jar
  echo "$spec" >"$KAFKA_HOME/lib/.complete"
  ok "done, $(ls "$KAFKA_HOME/lib" | wc -l) jars ($(since "$start"))"
}

kafka_run() {  # kafka_run MAIN_CLASS ARGS...
  # Short-lived CLI JVM: C1 only + serial GC start about twice as fast.
  "$(kafka_java)" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$KAFKA_HOME/lib/*" "$@"
}

kafka_topic_class() {  # TopicCommand moved from core (kafka.admin) to kafka-tools in Kafka 3.x/4.x
  if compgen -G "$KAFKA_HOME/lib/kafka-tools-$KAFKA_VERSION.jar" >/dev/null; then
    echo org.apache.kafka.tools.TopicCommand
  else
    echo kafka.admin.TopicCommand
  fi
}

kafka_ready() { port_open "$KAFKA_PORT"; }

start_kafka() {
  ensure_kafka_dist
  mkdir -p "$DATA_DIR/kafka" "$RUN_DIR" "$LOG_DIR"
  render_template "$ROOT/deploy/local/kafka/server.properties" "$KAFKA_HOME/server.properties"
  local pid
  if pid="$(pid_of kafka)"; then
    msg "Kafka already running (pid $pid, 127.0.0.1:$KAFKA_PORT)"
  elif kafka_ready; then
    warn "port $KAFKA_PORT is in use by a process vf did not start; using it as Kafka"
  else
    if [[ ! -f "$DATA_DIR/kafka/meta.properties" ]]; then
      step "formatting Kafka KRaft storage in .vf/data/kafka"
      local cid
      cid="$(kafka_run kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
      [[ -n "$cid" ]] || die "could not generate a Kafka cluster id"
      kafka_run kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_HOME/server.properties" --ignore-formatted \
        >>"$LOG_DIR/kafka-format.log" 2>&1 || { tail "$LOG_DIR/kafka-format.log" >&2; die "kafka storage format failed"; }
      ok "cluster id $cid"
    fi
    local start; start="$(now)"
    step "starting Kafka $KAFKA_VERSION (KRaft, 127.0.0.1:$KAFKA_PORT)"
    start_bg kafka "$(kafka_java)" -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=info \
      -Dorg.slf4j.simpleLogger.showDateTime=true \
      "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS" \
      -Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn \
      -cp "$KAFKA_HOME/lib/*" kafka.Kafka "$KAFKA_HOME/server.properties"
    wait_for kafka 90 kafka_ready || die "Kafka did not start"
    ok "ready ($(since "$start"))"
  fi
  ensure_topics
}

ensure_topics() {
  local start; start="$(now)"
  local cls; cls="$(kafka_topic_class)"
  local existing
  existing="$(kafka_run "$cls" --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list 2>/dev/null | grep -v '^\[' || true)"
  local t missing=()
  for t in "${KAFKA_TOPICS[@]}"; do
    grep -qx "$t" <<<"$existing" || missing+=("$t")
  done
  if (( ${#missing[@]} == 0 )); then
    msg "Kafka topics present (${KAFKA_TOPICS[*]})"
    return 0
  fi
  step "creating Kafka topics ${missing[*]}"
  local pids=() failed=() i
  for t in "${missing[@]}"; do   # one CLI JVM per topic, in parallel
    kafka_run "$cls" --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create --if-not-exists \
      --topic "$t" --partitions "$KAFKA_TOPIC_PARTITIONS" --replication-factor 1 \
      >>"$LOG_DIR/kafka-topics.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    if wait "${pids[$i]}"; then printf '.'; else failed+=("${missing[$i]}"); fi
  done
  if (( ${#failed[@]} > 0 )); then
    tail -n 20 "$LOG_DIR/kafka-topics.log" >&2
    die "creating topic(s) ${failed[*]} failed (log: $LOG_DIR/kafka-topics.log)"
  fi
  ok "done ($(since "$start"))"
}
