"""`make bench`: throughput and latency on this machine, against the local real broker, in one run.

On the same generated events it measures and prints (and writes to bench/results.json):
- Kafka passthrough: consume + produce in transactions, no processing (this machine's ceiling),
  also with each event produced to as many topics as a call record goes to;
- the processor end to end (`pii-processor run`, exactly-once, the example pipeline with its
  four partners) per stream: events/s, peak RSS; with 1 and 2 workers for call records;
- end-to-end latency p50/p99 while events arrive at half the measured throughput;
- the file mode (`pii-processor redact`) per stream, events/s (start-up excluded);
- Presidio's default AnalyzerEngine on every string value of the same events, events/s;
- the ratios ours / Presidio and ours / passthrough.
Each throughput is the median of --repeats runs. The machine is shared and noisy: compare the
ratios of one run, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import orjson
from confluent_kafka import Consumer, Producer, TopicPartition

from processor import broker
from processor.config import AggregateSettings, PipelineConfig
from processor.config_file import load_config
from processor.events import BuiltinStream, walk
from processor.generate import generate

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).with_name("results.json")
# The processor's input topics: divisible by 1 and 2, so that two workers get equal shares.
INPUT_PARTITIONS = 4
# A worker stops after this long without events: longer than the group takes to settle before
# the input is filled (see `_run_workers`); it is not counted in events/s.
IDLE_STOP_S = 10
CONFIG = Path(os.environ.get("BENCH_CONFIG", ROOT / "config" / "pipeline.yaml"))


def _env(prefix: str) -> dict[str, str]:
    return {**os.environ, "PII_TOPIC_PREFIX": prefix, "PII_GROUP_ID": f"bench-{prefix}", "PII_METRICS_PORT": "0"}


def _config(prefix: str) -> PipelineConfig:
    return load_config(CONFIG, environ=_env(prefix))


def _prefill(config: PipelineConfig, topic: str, payloads: list[bytes], partitions: int | None = None) -> None:
    producer = broker.producer(config.kafka, **{"linger.ms": 20})
    for i, p in enumerate(payloads):
        while True:
            try:
                # Spread evenly over the partitions: unkeyed messages produced this fast go to
                # one partition for a whole batch at a time, and one worker would get them all.
                producer.produce(topic, p, partition=i % (partitions or config.kafka.partitions))
                break
            except BufferError:
                producer.poll(0.1)
    assert producer.flush(60) == 0


def _peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _run_workers(prefix: str, workers: int, partitions: int, fill: Any) -> dict[str, Any]:
    """Start `workers` service processes, wait until the consumer group has settled (every
    partition assigned once, every worker holding some), then `fill` the input topic and run
    until idle: events/s over the union of their busy times. Joining and rebalancing are
    start-up, not throughput; with data already waiting, the first worker to join would take
    it all before the second got a partition."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "processor.cli", "run", "--config", str(CONFIG), "--stop-when-idle", str(IDLE_STOP_S), "--instance", str(i)],
            env=_env(prefix),
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(workers)
    ]
    peaks = [0.0] * workers
    stderr: list[list[str]] = [[] for _ in range(workers)]
    held: list[list[str] | None] = [None] * workers  # each worker's latest assignment
    readers = []
    for i, p in enumerate(procs):

        def read(i: int = i, p: subprocess.Popen[str] = p) -> None:
            for line in p.stderr or ():
                stderr[i].append(line)
                if '"partitions assigned"' in line:
                    held[i] = orjson.loads(line).get("partitions", [])

        t = threading.Thread(target=read, daemon=True)
        t.start()
        readers.append(t)
    deadline = time.monotonic() + 120
    while not _settled(held, partitions, workers):
        if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
            for p in procs:
                p.kill()
            raise RuntimeError(f"the consumer group did not settle: {held}; {''.join(stderr[0][-20:])[-1500:]}")
        time.sleep(0.1)
    fill()
    while any(p.poll() is None for p in procs):
        for i, p in enumerate(procs):
            peaks[i] = max(peaks[i], _peak_rss_mb(p.pid))
        time.sleep(0.2)
    for t in readers:
        t.join()
    stats = []
    for i, p in enumerate(procs):
        if p.returncode != 0:
            raise RuntimeError(f"worker {i} failed: {''.join(stderr[i])[-1500:]}")
        line = next(x for x in reversed(stderr[i]) if '"service stopped"' in x)
        stats.append(orjson.loads(line))
    consumed = sum(sum(s["consumed"].values()) for s in stats)
    starts = [s["first_record_unix"] for s in stats if s["first_record_unix"]]
    ends = [s["last_commit_unix"] for s in stats if s["last_commit_unix"]]
    seconds = max(ends) - min(starts) if starts else float("nan")
    return {"events": consumed, "seconds": seconds, "events_per_s": consumed / seconds, "peak_rss_mb": max(peaks)}


def _settled(held: list[list[str] | None], partitions: int, workers: int) -> bool:
    if any(h is None for h in held):
        return False
    taken = [p for h in held for p in h or ()]
    return len(taken) == len(set(taken)) == partitions and all(held[: min(workers, partitions)])


def bench_processor(kind: BuiltinStream, payloads: list[bytes], repeats: int, workers: int = 1) -> dict[str, Any]:
    runs = []
    for _ in range(repeats):
        prefix = f"bench{uuid.uuid4().hex[:8]}."
        config = _config(prefix)
        inputs = [s.input_topic for s in config.streams.values()]
        broker.ensure_topics(config.kafka, inputs, partitions=INPUT_PARTITIONS)
        broker.ensure_pipeline_topics(config)
        topic = config.streams[kind].input_topic
        # Every worker subscribes to the input topics of all configured streams.
        runs.append(
            _run_workers(
                prefix, workers, len(inputs) * INPUT_PARTITIONS, lambda config=config, topic=topic: _prefill(config, topic, payloads, INPUT_PARTITIONS)
            )
        )
        broker.delete_topics(config.kafka, config.all_topics())
    best = statistics.median(r["events_per_s"] for r in runs)
    return {"events_per_s": best, "runs": [r["events_per_s"] for r in runs], "peak_rss_mb": max(r["peak_rss_mb"] for r in runs)}


def aggregate_events(a: AggregateSettings, n: int, seed: int = 7) -> list[bytes]:
    """Events shaped as the report reads them from its partner topic: a subject among n/5, a
    group value among 200 per field, times over two windows, a value for every summed field."""
    import random

    rng = random.Random(seed)
    start = 1_793_000_000 // a.window_s * a.window_s
    summed = {m.field for m in a.measures if m.field}
    return [
        orjson.dumps(
            {
                a.time_field: start + i * 2 * a.window_s // n,
                a.subject: f"subject-{rng.randrange(max(n // 5, 1))}",
                **{g: f"{g}-{rng.randrange(200)}" for g in a.group_by},
                **{f: rng.randrange(600) for f in summed},
            }
        )
        for i in range(n)
    ]


def bench_aggregate(n: int, workers: int, repeats: int) -> dict[str, Any]:
    """The example's first report folded by `workers` aggregate workers: events/s from the fill
    of its partner topic until every event is forwarded and folded (the workers' committed
    positions on the source and fold topics reach their ends). Start-up and rebalancing are not
    counted: the group has settled before the fill."""
    from processor.aggregate.app import ensure_worker_topics

    runs = []
    for _ in range(repeats):
        prefix = f"bench{uuid.uuid4().hex[:8]}."
        config = _config(prefix)
        a = config.aggregates[0]
        source = next(p for p in config.partners if p.name == a.partner).topic(a.stream)
        broker.ensure_topics(config.kafka, [source], partitions=INPUT_PARTITIONS)
        ensure_worker_topics(config)
        payloads = aggregate_events(a, n)
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "processor.cli", "aggregate", "--config", str(CONFIG)],
                env=_env(prefix),
                cwd=ROOT,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        try:
            fold = config.aggregate_fold_topic(a.name)
            admin = broker.admin_client(config.kafka)
            deadline = time.monotonic() + 120
            while True:
                [group] = admin.describe_consumer_groups([config.aggregate_app_id()]).values()
                members = group.result(timeout=10).members
                shares = [{tp.partition for tp in m.assignment.topic_partitions if tp.topic == fold} for m in members]
                if len(shares) == workers and all(shares) and sum(map(len, shares)) == a.partitions:
                    break
                if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                    raise RuntimeError(f"the aggregate workers did not settle: {shares}")
                time.sleep(0.5)
            started = time.monotonic()
            _prefill(config, source, payloads, INPUT_PARTITIONS)
            positions = Consumer({"bootstrap.servers": config.kafka.bootstrap_servers, "group.id": config.aggregate_app_id()})
            while True:
                ends = broker.end_offsets(config.kafka, [source, fold])
                committed = positions.committed([TopicPartition(t, p) for t, p in ends], timeout=10)
                if all(c.offset >= ends[(c.topic, c.partition)] for c in committed):
                    break
                if time.monotonic() - started > 600:
                    raise RuntimeError("the aggregate workers did not fold every event in 10 minutes")
                time.sleep(0.25)
            runs.append(n / (time.monotonic() - started))
            positions.close()
        finally:
            for p in procs:
                p.terminate()
            for p in procs:
                try:
                    p.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    p.kill()
            worker_topics = [config.aggregate_topic(x.name) + suffix for x in config.aggregates for suffix in ("", ".fold", ".release")]
            broker.delete_topics(config.kafka, [source, config.aggregate_state_topic(), *worker_topics])
    return {"events_per_s": statistics.median(runs), "runs": runs, "events": n, "workers": workers, "fold_partitions": config.aggregates[0].partitions}


def bench_passthrough(payloads: list[bytes], repeats: int, batch: int = 500, fan_out: int = 1) -> dict[str, Any]:
    """Consume and produce in transactions of `batch`, no processing: what Kafka and the client
    allow. With `fan_out`, each message goes to that many topics, as an event goes to each of
    its stream's recipients."""
    runs = []
    for _ in range(repeats):
        prefix = f"bench{uuid.uuid4().hex[:8]}."
        config = _config(prefix)
        src, outs = f"{prefix}passthrough.in", [f"{prefix}passthrough.out{i}" for i in range(fan_out)]
        broker.ensure_topics(config.kafka, [src, *outs])
        _prefill(config, src, payloads)
        consumer = Consumer(
            broker.client_config(
                config.kafka, **{"group.id": f"{prefix}pt", "auto.offset.reset": "earliest", "enable.auto.commit": False, "isolation.level": "read_committed"}
            )
        )
        producer = Producer(broker.client_config(config.kafka, **{"transactional.id": f"{prefix}pt", "linger.ms": 5, "compression.type": "lz4"}))
        producer.init_transactions(30)
        consumer.subscribe([src])
        done, started = 0, None
        while done < len(payloads):
            messages = [m for m in consumer.consume(batch, timeout=1.0) if m.error() is None]
            if not messages:
                continue
            started = started or time.perf_counter()
            producer.begin_transaction()
            offsets: dict[tuple[str, int], int] = {}
            for m in messages:
                for dst in outs:
                    producer.produce(dst, m.value())
                offsets[(m.topic(), m.partition())] = m.offset() + 1
            producer.send_offsets_to_transaction([TopicPartition(t, p, o) for (t, p), o in offsets.items()], consumer.consumer_group_metadata())
            producer.commit_transaction()
            done += len(messages)
        runs.append(done / (time.perf_counter() - started))
        consumer.close()
        broker.delete_topics(config.kafka, [src, *outs])
    return {"events_per_s": statistics.median(runs), "runs": runs}


def bench_latency(kind: BuiltinStream, payloads: list[bytes], rate: float) -> dict[str, Any]:
    """p50/p99 from produce to a read_committed consumer of the redacted topic, at `rate` events/s."""
    prefix = f"bench{uuid.uuid4().hex[:8]}."
    config = _config(prefix)
    broker.ensure_pipeline_topics(config)
    proc = subprocess.Popen(
        [sys.executable, "-m", "processor.cli", "run", "--config", str(CONFIG)], env=_env(prefix), cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if '"partitions assigned"' in line:
            break
    threading.Thread(target=proc.stderr.read, daemon=True).start()
    # The reader must not add its own fetch wait to what is measured.
    reader = broker.reader(config.kafka, f"{prefix}lat", **{"fetch.wait.max.ms": 5})
    reader.subscribe([config.streams[kind].output_topic])
    # Joined and assigned before the first event is sent: the reader's own start is not latency.
    while not reader.assignment():
        reader.consume(1, timeout=0.1)
    sent: dict[str, float] = {}
    latencies: list[float] = []

    ids = [orjson.loads(p)["event_id"] for p in payloads]

    def send() -> None:
        # librdkafka's default linger (5 ms), as an upstream producer would have it; the send
        # time of each event is taken when it is handed to the producer.
        producer = broker.producer(config.kafka)
        # One event first, then a pause: the producer's id and metadata, and the service's
        # first transaction (which registers every output partition), are start-up, not latency.
        producer.produce(config.streams[kind].input_topic, orjson.dumps({"event_id": "warm-up"}))
        producer.flush(30)
        time.sleep(1)
        start, i = time.perf_counter(), 0
        # Paced in ticks of 2 ms rather than a sleep per event, which would cost the generator
        # more CPU than the 2 shared cores can spare.
        while i < len(payloads):
            due = min(len(payloads), int((time.perf_counter() - start) * rate) + 1)
            while i < due:
                sent[ids[i]] = time.perf_counter()
                producer.produce(config.streams[kind].input_topic, payloads[i])
                i += 1
            producer.poll(0)
            time.sleep(0.002)
        producer.flush(30)

    sender = threading.Thread(target=send)
    sender.start()
    deadline = time.perf_counter() + len(payloads) / rate + 60
    while len(latencies) < len(payloads) and time.perf_counter() < deadline:
        # A short timeout: consume() holds what it has until the timeout when fewer messages
        # than asked for arrive, which would add to every latency measured.
        for m in reader.consume(500, timeout=0.005):
            if m.error() is None:
                t = sent.get(_event_id(m.value()))
                if t is not None:
                    latencies.append(time.perf_counter() - t)
    sender.join()
    reader.close()
    proc.terminate()
    proc.wait(timeout=60)
    broker.delete_topics(config.kafka, config.all_topics())
    latencies.sort()
    q = lambda f: latencies[min(len(latencies) - 1, int(f * len(latencies)))] * 1000  # noqa: E731
    return {"rate": rate, "events": len(latencies), "p50_ms": q(0.50), "p99_ms": q(0.99)}


def _event_id(value: bytes) -> str | None:
    # A byte search, not a JSON parse: the reader shares the CPU with what it measures.
    at = value.find(b'"event_id":"')
    if at < 0:
        return None
    start = at + len(b'"event_id":"')
    return value[start : value.find(b'"', start)].decode()


def bench_file_mode(kind: BuiltinStream, payloads: list[bytes], tmp: Path) -> dict[str, Any]:
    data, one = tmp / f"{kind.value}.jsonl", tmp / f"{kind.value}.one.jsonl"
    data.write_bytes(b"\n".join(payloads) + b"\n")
    one.write_bytes(payloads[0] + b"\n")

    def timed(path: Path) -> float:
        started = time.perf_counter()
        with path.open("rb") as stdin:
            subprocess.run(
                [sys.executable, "-m", "processor.cli", "redact", "--stream", kind.value, "--config", str(CONFIG)],
                stdin=stdin,
                stdout=subprocess.DEVNULL,
                check=True,
                cwd=ROOT,
            )
        return time.perf_counter() - started

    startup = timed(one)
    total = timed(data)
    return {"events_per_s": len(payloads) / max(total - startup, 1e-9), "startup_s": startup}


def bench_presidio(events: list[dict[str, Any]]) -> dict[str, Any]:
    from eval.evaluate import presidio_default_analyzer

    analyzer = presidio_default_analyzer()
    for e in events[:3]:
        for _, _, v in walk(e):
            analyzer.analyze(text=str(v), language="en")
    started = time.perf_counter()
    for e in events:
        for _, _, v in walk(e):
            analyzer.analyze(text=str(v), language="en")
    return {"events_per_s": len(events) / (time.perf_counter() - started)}


# Adversarial text for the hostile mix: the shapes that cost most per kilobyte, each as written
# by a producer that wants the stream to stall (see tests/processor/test_cost.py).
HOSTILE_UNITS = ("one two ", "Mr. ", "call me at 555 0123 ", "12 ", "1.2.3.4 ", "ab:", "John Smith ", "my name is ")


def hostile_text(size: int, seed: int) -> str:
    """`size` characters of adversarial text, different for each seed (so nothing is cached)."""
    unit = HOSTILE_UNITS[seed % len(HOSTILE_UNITS)]
    text = (unit * (size // len(unit) + 1))[:size]
    return "".join(f"{text[i : i + 200]} q{seed}x{i} " for i in range(0, size, 200))[:size]


def with_hostile(kind: BuiltinStream, events: list[dict[str, Any]], every: int, size: int) -> list[bytes]:
    """The events, with every `every`-th one carrying `size` characters of adversarial text in
    its free-text field: under the scan budget, so it is processed, not dead-lettered."""
    out = []
    for i, event in enumerate(events):
        if i % every == every - 1:
            event = dict(event)
            if kind is BuiltinStream.SUPPORT_TRANSCRIPTS:
                event["turns"] = [{"speaker": "customer", "text": hostile_text(size, i)}]
            else:
                event["notes"] = hostile_text(size, i)
        out.append(orjson.dumps(event))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--structured", type=int, default=20000, help="call records and telemetry events per run")
    parser.add_argument("--transcripts", type=int, default=3000)
    parser.add_argument("--presidio-sample", type=int, default=200)
    parser.add_argument("--hostile-events", type=int, default=3000, help="events per run of the hostile mix (1%% adversarial)")
    parser.add_argument("--aggregate-events", type=int, default=40000, help="events folded per run of the aggregate worker")
    args = parser.parse_args(argv)
    import logging
    import tempfile

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    config = _config("")
    broker.wait_until_reachable(config.kafka)
    counts = {
        BuiltinStream.CALL_RECORDS: args.structured,
        BuiltinStream.NETWORK_TELEMETRY: args.structured,
        BuiltinStream.SUPPORT_TRANSCRIPTS: args.transcripts,
    }
    events = {k: [g.event for g in generate(k, n, seed=42)] for k, n in counts.items()}
    payloads = {k: [orjson.dumps(e) for e in v] for k, v in events.items()}
    results: dict[str, Any] = {"machine": {"cores": os.cpu_count()}, "events": {k.value: n for k, n in counts.items()}, "repeats": args.repeats}

    print(f"bench: broker {config.kafka.bootstrap_servers}, {args.repeats} repeats, exactly-once, pipeline {CONFIG.name} ({len(config.partners)} partners)")
    # The same transaction size as the processor's (kafka.batch_size), so that the ratio compares like with like.
    batch = config.kafka.batch_size
    # A freshly started broker loads its transaction coordinator on first use and is slow for a
    # while: one discarded run first, or the ceiling would be measured low and every ratio high.
    bench_passthrough(payloads[BuiltinStream.CALL_RECORDS], 1, batch)
    first = bench_passthrough(payloads[BuiltinStream.CALL_RECORDS], args.repeats, batch)
    print(f"  kafka passthrough (transactions of {batch}), first: {first['events_per_s']:.0f} events/s")
    results["processor"], results["file_mode"], results["presidio_default"] = {}, {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in counts:
            r = bench_processor(kind, payloads[kind], args.repeats)
            results["processor"][kind.value] = r
            print(
                f"  processor {kind.value:20} {r['events_per_s']:8.0f} events/s  (runs {', '.join(f'{x:.0f}' for x in r['runs'])}; peak RSS {r['peak_rss_mb']:.0f} MB)"
            )
            f = bench_file_mode(kind, payloads[kind], Path(tmp))
            results["file_mode"][kind.value] = f
            print(f"  file mode {kind.value:20} {f['events_per_s']:8.0f} events/s  (start-up {f['startup_s']:.1f} s excluded)")
            sample = events[kind][: args.presidio_sample if kind is not BuiltinStream.SUPPORT_TRANSCRIPTS else max(args.presidio_sample // 4, 10)]
            p = bench_presidio(sample)
            results["presidio_default"][kind.value] = p
            print(f"  presidio default {kind.value:13} {p['events_per_s']:8.1f} events/s  (every string value, one analyze call each)")
    two = bench_processor(BuiltinStream.CALL_RECORDS, payloads[BuiltinStream.CALL_RECORDS], max(1, args.repeats - 1), workers=2)
    results["processor_2_workers"] = {BuiltinStream.CALL_RECORDS.value: two}
    print(f"  processor call-records, 2 workers  {two['events_per_s']:8.0f} events/s (1 worker: {results['processor']['call-records']['events_per_s']:.0f})")
    results["aggregate"] = {}
    for workers in (1, 2):
        agg = bench_aggregate(args.aggregate_events, workers, max(1, args.repeats - 1))
        results["aggregate"][f"{workers}_workers"] = agg
        print(
            f"  aggregate worker, {workers} worker(s) on {agg['fold_partitions']} fold partitions: {agg['events_per_s']:8.0f} events/s folded"
            f"  (runs {', '.join(f'{x:.0f}' for x in agg['runs'])})"
        )
    # 1% of events carry adversarial text just under the scan budget (limits.max_scan_chars):
    # what a hostile producer can make the stream pay without any event being refused.
    size = int(config.limits.max_scan_chars * 0.9)
    results["hostile"] = {}
    for kind in (BuiltinStream.CALL_RECORDS, BuiltinStream.SUPPORT_TRANSCRIPTS):
        sample = events[kind][: args.hostile_events]
        clean = bench_processor(kind, [orjson.dumps(e) for e in sample], args.repeats)
        mixed = bench_processor(kind, with_hostile(kind, sample, 100, size), args.repeats)
        ratio = mixed["events_per_s"] / clean["events_per_s"]
        results["hostile"][kind.value] = {"size_chars": size, "share": 0.01, "clean": clean, "mixed": mixed, "ratio": ratio}
        print(
            f"  processor {kind.value:20} with 1% hostile events of {size:,} characters: {mixed['events_per_s']:.0f} events/s"
            f" against {clean['events_per_s']:.0f} without ({ratio:.0%})"
        )
    half = results["processor"][BuiltinStream.CALL_RECORDS.value]["events_per_s"] / 2
    lat = bench_latency(
        BuiltinStream.CALL_RECORDS, payloads[BuiltinStream.CALL_RECORDS][: int(min(len(payloads[BuiltinStream.CALL_RECORDS]), half * 10))], half
    )
    results["latency"] = {BuiltinStream.CALL_RECORDS.value: lat}
    print(
        f"  latency call-records at {lat['rate']:.0f} events/s (half of max): p50 {lat['p50_ms']:.0f} ms, p99 {lat['p99_ms']:.0f} ms over {lat['events']} events"
    )

    # Measured again at the end, when the broker's JVM has run for minutes: the ceiling is the
    # higher of the two, so that the ratios are never flattered by a broker still warming up.
    last = bench_passthrough(payloads[BuiltinStream.CALL_RECORDS], args.repeats, batch)
    ceiling = max(first["events_per_s"], last["events_per_s"])
    # The processor writes each call record to every recipient of the stream (the redacted
    # copy and each partner's view): the same fan-out without processing, for comparison.
    fan_out = 1 + sum(BuiltinStream.CALL_RECORDS in p.streams for p in config.partners)
    fanned = bench_passthrough(payloads[BuiltinStream.CALL_RECORDS], args.repeats, batch, fan_out)
    results["passthrough"] = {"events_per_s": ceiling, "first": first, "last": last, "batch": batch, "fan_out": {"topics": fan_out, **fanned}}
    print(f"  kafka passthrough (transactions of {batch}), last: {last['events_per_s']:.0f} events/s; ceiling {ceiling:.0f}")
    print(
        f"  kafka passthrough, each event to {fan_out} topics as call records are: {fanned['events_per_s']:.0f} events/s"
        f" (ours/that: {results['processor'][BuiltinStream.CALL_RECORDS.value]['events_per_s'] / fanned['events_per_s']:.3f})"
    )

    print(f"\n{'stream':22} {'ours e2e':>10} {'file mode':>10} {'presidio':>10} {'ours/presidio':>14} {'ours/passthrough':>17}")
    ratios = {}
    for kind in counts:
        ours = results["processor"][kind.value]["events_per_s"]
        theirs = results["presidio_default"][kind.value]["events_per_s"]
        ratios[kind.value] = {"ours_over_presidio": ours / theirs, "ours_over_passthrough": ours / results["passthrough"]["events_per_s"]}
        print(
            f"{kind.value:22} {ours:10.0f} {results['file_mode'][kind.value]['events_per_s']:10.0f} {theirs:10.1f}"
            f" {ratios[kind.value]['ours_over_presidio']:13.1f}x {ratios[kind.value]['ours_over_passthrough']:16.3f}"
        )
    results["ratios"] = ratios
    RESULTS.write_text(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode())
    print(f"\nbench: results written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
