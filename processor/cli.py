"""`pii-processor`: the command line entrances to the one pipeline.

  run        the streaming service (Kafka in, Kafka out)
  redact     the file mode: JSON Lines on stdin, redacted JSON Lines on stdout
  generate   synthetic events with planted identifiers
  demo       produce sample events to the local broker, process them, show before/after
  topics     create the configured topics
  broker     wait until a broker answers

Known failures (bad config, missing model, unreachable broker) end in one paragraph on
stderr and exit status 2, never in a traceback.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import orjson

from processor import logs
from processor.broker import BrokerUnreachable, TopicNotReady
from processor.config import ConfigError, PipelineConfig, load_config
from processor.detect import ModelMissing
from processor.events import StreamKind

EXIT_USAGE = 2
STREAMS = [k.value for k in StreamKind]


def _config(args: argparse.Namespace) -> PipelineConfig:
    return load_config(args.config)


def cmd_run(args: argparse.Namespace) -> int:
    from processor.service import Service

    config = _config(args)
    if args.workers > 1:
        return _run_workers(args, config.metrics.port)
    Service(config, stop_when_idle_s=args.stop_when_idle, instance=args.instance).run()
    return 0


def _run_workers(args: argparse.Namespace, metrics_port: int) -> int:
    """N worker processes in one consumer group, each with its own instance name (transactional
    id) and metrics port; signals are passed on, and the worst exit status is returned."""
    import signal
    import subprocess

    children = []
    for i in range(args.workers):
        argv = [sys.executable, "-m", "processor.cli", "--log-level", args.log_level, "run", "--instance", f"{args.instance}-{i}"]
        if args.config:
            argv += ["--config", str(args.config)]
        if args.stop_when_idle is not None:
            argv += ["--stop-when-idle", str(args.stop_when_idle)]
        env = {**os.environ, "PII_METRICS_PORT": str(metrics_port + i if metrics_port else 0)}
        children.append(subprocess.Popen(argv, env=env))

    def forward(signum: int, _frame: object) -> None:
        for child in children:
            child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    return max(child.wait() for child in children)


def _batches(lines: Iterator[bytes], size: int) -> Iterator[list[tuple[int, bytes]]]:
    batch: list[tuple[int, bytes]] = []
    for number, line in enumerate(lines, start=1):
        batch.append((number, line.rstrip(b"\r\n")))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def cmd_redact(args: argparse.Namespace) -> int:
    from processor.pipeline import Pipeline, Record

    config = _config(args)
    pipeline = Pipeline(config)
    stream = StreamKind(args.stream)
    # Which view is written: the fully redacted copy, or one partner's.
    recipients = {r.partner: r.topic for r in pipeline.recipients[stream]}
    if args.partner not in recipients:
        known = ", ".join(str(p) for p in recipients if p) or "none for this stream"
        raise ConfigError(f"no partner {args.partner!r} receives the {stream.value} stream (partners that do: {known})")
    topic = recipients[args.partner]
    pipeline.prepare_for_stream()
    out, err = sys.stdout.buffer, sys.stderr
    failed = done = dropped = 0
    progress = _progress("redacting") if err.isatty() else None
    for batch in _batches(iter(sys.stdin.buffer), args.batch_size):
        outcomes = pipeline.process([Record(stream, line) for _, line in batch])
        done += len(batch)
        if progress is not None:
            progress(done)
        for (number, _), outcome in zip(batch, outcomes):
            if outcome.dead_letter is not None:
                failed += 1
                # The line itself is never echoed: it may hold the identifiers we exist to hide.
                err.write(f"line {number}: {outcome.dead_letter.reason}: {outcome.dead_letter.detail}\n")
                continue
            view = next((o for o in outcome.outputs if o.topic == topic), None)
            if view is None:
                # A counted drop (the subscriber opted out of this partner's purpose): an empty
                # line keeps output lines aligned with input lines.
                dropped += 1
                out.write(b"\n")
            else:
                out.write(view.value + b"\n")
        out.flush()
    if dropped:
        err.write(f"{dropped} line(s) not for this partner (opt-out): written as empty lines\n")
    if failed:
        err.write(f"{failed} line(s) could not be processed and were not written\n")
        return 1
    return 0


def _progress(label: str):
    """A one-line live count on stderr (rich), for people watching a terminal."""
    from rich.console import Console
    from rich.live import Live

    live = Live(console=Console(stderr=True), transient=False, refresh_per_second=4)
    live.start()
    started = time.monotonic()

    def update(done: int) -> None:
        elapsed = max(time.monotonic() - started, 1e-9)
        live.update(f"{label}: {done} events, {done / elapsed:.0f} events/s")

    update.stop = live.stop  # type: ignore[attr-defined]
    atexit.register(live.stop)
    return update


def cmd_generate(args: argparse.Namespace) -> int:
    from processor.generate import generate

    out = sys.stdout.buffer
    for g in generate(StreamKind(args.stream), args.count, args.seed):
        out.write(orjson.dumps(g.event) + b"\n")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from processor.demo import run_demo

    return run_demo(_config(args), count=args.count, seed=args.seed)


def cmd_policy_explain(args: argparse.Namespace) -> int:
    from processor.explain import explain

    config = _config(args)
    partners = {p.name: p for p in config.partners}
    if args.partner not in partners:
        known = ", ".join(partners) or "none are configured"
        raise ConfigError(f"{args.config}: no partner named {args.partner!r} under `partners` (known: {known})")
    print(explain(config, partners[args.partner]))
    return 0


def cmd_reveal(args: argparse.Namespace) -> int:
    from processor.reveal import reveal

    return reveal(_config(args), args.key_file, args.reason, sys.stdin.buffer, sys.stdout.buffer)


def cmd_aggregate(args: argparse.Namespace) -> int:
    from processor.aggregate import app

    config = _config(args)
    if not config.aggregates:
        raise ConfigError(f"{args.config}: no `aggregates` are declared; see config/pipeline.yaml for an example")
    from processor import broker

    broker.wait_for_broker(config.kafka.bootstrap_servers, config.kafka.connect_timeout_s, **config.kafka.client)
    return app.run(config)


def cmd_report(args: argparse.Namespace) -> int:
    from processor.aggregate.report import show

    return show(_config(args), args.topic, args.windows, args.png)


def cmd_topics(args: argparse.Namespace) -> int:
    from processor import broker

    config = _config(args)
    broker.wait_for_broker(config.kafka.bootstrap_servers, config.kafka.connect_timeout_s, **config.kafka.client)
    topics = config.all_topics()
    created = broker.ensure_pipeline_topics(config)
    print(f"topics: {len(created)} created, {len(topics) - len(created)} already there")
    return 0


def cmd_broker_wait(args: argparse.Namespace) -> int:
    from processor import broker

    broker.wait_for_broker(args.bootstrap, args.timeout)
    print(f"kafka: broker at {args.bootstrap} answers")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pii-processor", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--log-level", default="INFO")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_config(p: argparse.ArgumentParser, required: bool = False) -> None:
        p.add_argument("--config", type=Path, required=required, help="pipeline YAML (default: built-in defaults)")

    p = sub.add_parser("run", help="run the streaming service")
    with_config(p)
    p.add_argument("--stop-when-idle", type=float, metavar="SECONDS", help="exit 0 after this long without new events")
    p.add_argument("--workers", type=int, default=1, help="worker processes in the consumer group (one per core)")
    p.add_argument(
        "--instance",
        default=os.environ.get("PII_INSTANCE", "0"),
        help="this worker's name within the group (its transactional id); distinct per running worker",
    )
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("redact", help="redact JSON Lines from stdin to stdout")
    with_config(p)
    p.add_argument("--stream", choices=STREAMS, required=True)
    p.add_argument("--partner", default=None, help="write this partner's view (default: the fully redacted copy)")
    p.add_argument("--batch-size", type=int, default=256)
    p.set_defaults(func=cmd_redact)

    p = sub.add_parser("generate", help="print synthetic events with planted identifiers")
    p.add_argument("--stream", choices=STREAMS, required=True)
    p.add_argument("--count", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("demo", help="end-to-end demo on the configured broker")
    with_config(p)
    p.add_argument("--count", type=int, default=300, help="events per stream")
    p.add_argument("--seed", type=int, default=None, help="default: a new one each run")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("policy", help="policy tools")
    psub = p.add_subparsers(dest="policy_command", required=True)
    e = psub.add_parser("explain", help="what a partner receives, field by field")
    with_config(e, required=True)
    e.add_argument("--partner", required=True)
    e.set_defaults(func=cmd_policy_explain)

    p = sub.add_parser("reveal", help="decrypt the reversible tokens on stdin (lawful disclosure; audited)")
    with_config(p)
    p.add_argument("--key-file", type=Path, required=True, help="the partner key the tokens were made with")
    p.add_argument("--reason", required=True, help="why: the legal process, ticket or consent reference (recorded in the audit topic)")
    p.set_defaults(func=cmd_reveal)

    p = sub.add_parser("aggregate", help="run the aggregate reports (faust worker)")
    with_config(p, required=True)
    p.set_defaults(func=cmd_aggregate)

    p = sub.add_parser("report", help="print the latest windows of an aggregate topic (and draw them)")
    with_config(p)
    p.add_argument("--topic", required=True, help="e.g. agg.calls-per-area")
    p.add_argument("--windows", type=int, default=3, help="how many of the latest windows")
    p.add_argument("--png", type=Path, help="also write a bar chart to this PNG file")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("topics", help="create the configured topics")
    with_config(p)
    p.set_defaults(func=cmd_topics)

    p = sub.add_parser("broker", help="broker utilities")
    bsub = p.add_subparsers(dest="broker_command", required=True)
    w = bsub.add_parser("wait", help="wait until the broker answers metadata requests")
    w.add_argument("--bootstrap", default="127.0.0.1:9092")
    w.add_argument("--timeout", type=float, default=60)
    w.set_defaults(func=cmd_broker_wait)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.setup(args.log_level)
    try:
        return args.func(args)
    except (ConfigError, ModelMissing, BrokerUnreachable, TopicNotReady, TimeoutError) as e:
        print(f"pii-processor {args.command}: {e}", file=sys.stderr)
        return EXIT_USAGE
    except RuntimeError as e:
        if type(e).__name__ != "DeliveryFailed":
            raise
        print(f"pii-processor {args.command}: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
