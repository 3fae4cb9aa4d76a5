#!/usr/bin/env bash
# A single-node Apache Kafka (KRaft: broker + controller in one JVM) for the demo, the tests and
# the benchmarks, run from the Maven Central jars named in pom.xml. No Docker needed.
#
#   kafka.sh jars     fetch the jars into deploy/kafka/libs (once)
#   kafka.sh up       start the broker on 127.0.0.1:$KAFKA_PORT (default 9092) unless it already runs
#   kafka.sh down     stop exactly the broker this script started (pid file)
#   kafka.sh status   say whether it runs
#   kafka.sh clean    stop it and delete its data
#
# If KAFKA_BOOTSTRAP is set, `up` and `down` leave that external broker alone and start nothing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-$((port + 1))}
state=${KAFKA_STATE_DIR:-$root/.kafka/$port}
libs=$here/libs
wait_s=${KAFKA_WAIT_S:-90}
python=${PYTHON:-$root/.venv/bin/python}
pidfile=$state/broker.pid
log=$state/broker.log

running() { [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

fetch_jars() {
  if [[ -f $libs/.complete ]]; then return; fi
  echo "kafka: fetching Apache Kafka jars from Maven Central into $libs (once)"
  rm -rf "$libs"
  mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$libs" -DincludeScope=runtime
  touch "$libs/.complete"
}

write_config() {
  mkdir -p "$state/data"
  cat > "$state/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$state/data
num.partitions=3
# Topics are created on purpose by the processor; a typo in a topic name should fail loudly.
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0
PROPS
  cat > "$state/log4j.properties" <<PROPS
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.logger.kafka.Kafka=INFO
PROPS
}

up() {
  if [[ -n ${KAFKA_BOOTSTRAP:-} ]]; then
    echo "kafka: KAFKA_BOOTSTRAP=$KAFKA_BOOTSTRAP is set; using that broker and starting none"
    return
  fi
  if running; then
    echo "kafka: already running on 127.0.0.1:$port (pid $(cat "$pidfile"))"
    return
  fi
  fetch_jars
  write_config
  if [[ ! -f $state/data/meta.properties ]]; then
    cluster_id=$(java -Dlog4j.configuration="file:$state/log4j.properties" -cp "$libs/*" kafka.tools.StorageTool random-uuid)
    java -Dlog4j.configuration="file:$state/log4j.properties" -cp "$libs/*" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$state/server.properties" >/dev/null
  fi
  echo "kafka: starting broker on 127.0.0.1:$port (log: $log)"
  # setsid: the broker must outlive `make`, and be stoppable as exactly this one process.
  KAFKA_HEAP_OPTS= setsid nohup java -Xms256m -Xmx1g -XX:+UseG1GC \
    -Dlog4j.configuration="file:$state/log4j.properties" \
    -cp "$libs/*" kafka.Kafka "$state/server.properties" >"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  if ! "$python" -m processor.cli broker wait --bootstrap "127.0.0.1:$port" --timeout "$wait_s"; then
    echo "kafka: last lines of $log:" >&2
    tail -n 30 "$log" >&2 || true
    down
    exit 1
  fi
}

down() {
  if [[ -n ${KAFKA_BOOTSTRAP:-} ]]; then
    echo "kafka: KAFKA_BOOTSTRAP is set; leaving that broker alone"
    return
  fi
  if ! running; then
    echo "kafka: not running on 127.0.0.1:$port"
    rm -f "$pidfile"
    return
  fi
  pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "kafka: broker $pid did not stop in 30 s; killing it"
    kill -9 "$pid"
  fi
  rm -f "$pidfile"
  echo "kafka: stopped (pid $pid)"
}

case ${1:-} in
  jars) fetch_jars ;;
  up) up ;;
  down) down ;;
  status) if running; then echo "kafka: running on 127.0.0.1:$port (pid $(cat "$pidfile"))"; else echo "kafka: not running"; exit 1; fi ;;
  clean) down; rm -rf "$state" ;;
  *) echo "usage: $0 jars|up|down|status|clean" >&2; exit 2 ;;
esac
