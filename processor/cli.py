"""`pii-processor`: the command line entrances to the one pipeline (click).

Commands import what they need when they run: `--help`, `policy explain`, `reveal`, `topics`
and `report` never load spaCy, Presidio or faust (tests/test_cli.py checks it).

Exit status: 0 done; 1 some input lines could not be processed (`redact`), or the broker did
not take what was produced; 2 the configuration, the environment or the command line is wrong
(one paragraph on stderr that names the file, key, address or duration, never a traceback);
130 interrupted.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import signal
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from processor import logs
from processor.errors import DeliveryFailed, SetupError
from processor.events import BuiltinStream

if TYPE_CHECKING:  # the commands import what they use when they run
    from processor.config import PipelineConfig

EXIT_OK, EXIT_BAD_INPUT, EXIT_SETUP, EXIT_INTERRUPTED = 0, 1, 2, 130
# How long `run` may take to exit once its service has ended.
EXIT_GRACE_S = 30
BUILTIN_STREAMS = [k.value for k in BuiltinStream]
F = TypeVar("F", bound=Callable[..., Any])


def _load(config: Path | None) -> PipelineConfig:
    from processor.config_file import load_config

    return load_config(config)


def config_option(required: bool = False) -> Callable[[F], F]:
    return click.option(
        "--config",
        type=click.Path(path_type=Path, dir_okay=False),
        required=required,
        help="The pipeline YAML (see config/pipeline.yaml and docs/configuration.md)." + ("" if required else " Default: built-in defaults."),
    )


def exits(command: F) -> F:
    """Run a command and turn its outcome into an exit status (see the module's docstring)."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        ctx = click.get_current_context()
        try:
            status = command(*args, **kwargs)
        except SetupError as e:
            click.echo(f"pii-processor {ctx.command_path.removeprefix('pii-processor ')}: {e}", err=True)
            status = EXIT_SETUP
        except DeliveryFailed as e:
            click.echo(f"pii-processor {ctx.command_path.removeprefix('pii-processor ')}: {e}", err=True)
            status = EXIT_BAD_INPUT
        except TimeoutError as e:
            click.echo(f"pii-processor {ctx.command_path.removeprefix('pii-processor ')}: {e}", err=True)
            status = EXIT_SETUP
        except KeyboardInterrupt:
            status = EXIT_INTERRUPTED
        ctx.exit(status or EXIT_OK)

    return run  # type: ignore[return-value]


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  make demo                                   # everything, end to end, on a local broker
  pii-processor run --config config/pipeline.yaml
  pii-processor generate --stream call-records --count 5 \\
    | pii-processor redact --stream call-records --config config/pipeline.yaml
  pii-processor policy explain --config config/pipeline.yaml --partner repair-vendor

\b
Exit status: 0 done; 1 some input lines failed (redact) or delivery failed;
2 bad configuration, environment or command line; 130 interrupted.""",
)
@click.option("--log-level", default="INFO", show_default=True, type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False))
def main_group(log_level: str) -> None:
    """PII detection and redaction for telecom event streams: Kafka in, one redacted copy and
    one copy per partner out, opt-outs honoured, everything else to the dead-letter topic."""
    logs.setup(log_level.upper())


@main_group.command(
    epilog="""\b
Examples:
  pii-processor run --config config/pipeline.yaml
  pii-processor run --config config/pipeline.yaml --workers 2
  PII_INSTANCE=worker-a pii-processor run --config config/pipeline.yaml"""
)
@config_option()
@click.option("--stop-when-idle", type=float, metavar="SECONDS", help="Exit 0 after this long without new events (tests, batch jobs).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes in the consumer group (one per core).")
@click.option(
    "--instance",
    default=lambda: os.environ.get("PII_INSTANCE", "0"),
    show_default="$PII_INSTANCE or 0",
    help="This worker's name within the group (its transactional id); distinct per running worker.",
)
@exits
def run(config: Path | None, stop_when_idle: float | None, workers: int, instance: str) -> int:
    """Run the streaming service: consume the raw topics, produce the redacted and partner
    topics, exactly once."""
    loaded = _load(config)
    if workers > 1:
        return _run_workers(config, stop_when_idle, workers, instance, loaded.metrics.port)
    from processor.service import Service

    # `kill -USR1 <pid>` prints every thread's stack on stderr and the service goes on: what a
    # stuck service is doing, without stopping it (the tests ask for it when one overstays).
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    try:
        Service(loaded, stop_when_idle_s=stop_when_idle, instance=instance).run()
    finally:
        # The service has closed what it could within its own limits; the process must now end
        # even if a librdkafka handle's destructor waits for a broker gone for good (seen in CI:
        # a service that had said it gave up was still running two minutes later). Past the
        # grace period the interpreter is stopped, its threads' stacks printed, exit status 1.
        faulthandler.dump_traceback_later(EXIT_GRACE_S, exit=True)
    return EXIT_OK


def _run_workers(config: Path | None, stop_when_idle: float | None, workers: int, instance: str, metrics_port: int) -> int:
    """N worker processes in one consumer group, each with its own instance name (transactional
    id) and metrics port; signals are passed on, and the worst exit status is returned."""
    import subprocess

    children = []
    log_level = logging.getLevelName(logging.getLogger().level)
    for i in range(workers):
        argv = [sys.executable, "-m", "processor.cli", "--log-level", log_level, "run", "--instance", f"{instance}-{i}"]
        if config:
            argv += ["--config", str(config)]
        if stop_when_idle is not None:
            argv += ["--stop-when-idle", str(stop_when_idle)]
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


@main_group.command(
    epilog="""\b
Examples:
  pii-processor redact --stream call-records < calls.jsonl > redacted.jsonl
  pii-processor redact --stream call-records --config config/pipeline.yaml \\
    --partner repair-vendor < calls.jsonl"""
)
@config_option()
@click.option("--stream", required=True, help="The configured stream the lines belong to (its field rules and partners apply).")
@click.option("--partner", default=None, help="Write this partner's view. Default: the fully redacted copy.")
@click.option("--batch-size", type=click.IntRange(min=1), default=256, show_default=True)
@exits
def redact(config: Path | None, stream: str, partner: str | None, batch_size: int) -> int:
    """The file mode: JSON Lines on stdin, redacted JSON Lines on stdout, one output line per
    input line (an empty line for an opted-out subscriber; a failed line is reported on
    stderr by number and reason, never echoed, and left out)."""
    from processor.errors import ConfigError
    from processor.pipeline import Pipeline, Record

    settings = _load(config)
    settings.stream(stream)  # a clear error naming the configured streams
    pipeline = Pipeline(settings)
    kind = stream
    recipients = {r.partner: r.topic for r in pipeline.recipients[kind]}
    if partner not in recipients:
        known = ", ".join(str(p) for p in recipients if p) or "none for this stream"
        raise ConfigError(f"no partner {partner!r} receives the {kind} stream (partners that do: {known})")
    topic = recipients[partner]
    pipeline.prepare_for_stream()
    out, err = sys.stdout.buffer, sys.stderr
    failed = done = dropped = 0
    progress = None
    if err.isatty():
        from processor.progress import live_count

        progress = live_count("redacting")
    for batch in _batches(iter(sys.stdin.buffer), batch_size):
        outcomes = pipeline.process([Record(kind, line) for _, line in batch])
        done += len(batch)
        if progress is not None:
            progress(done)
        for (number, _), outcome in zip(batch, outcomes, strict=True):
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
    if progress is not None:
        progress.stop()
    if dropped:
        err.write(f"{dropped} line(s) not for this partner (opt-out): written as empty lines\n")
    if failed:
        err.write(f"{failed} line(s) could not be processed and were not written\n")
        return EXIT_BAD_INPUT
    return EXIT_OK


@main_group.command(epilog="\b\nExample:\n  pii-processor generate --stream support-transcripts --count 3 --seed 7")
@click.option("--stream", required=True, help=f"One of the built-in streams: {', '.join(BUILTIN_STREAMS)}.")
@click.option("--count", type=click.IntRange(min=0), default=10, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@exits
def generate(stream: str, count: int, seed: int) -> int:
    """Print synthetic events with planted identifiers (JSON Lines), for trying things out.
    Only the built-in streams have a generator: a declared stream's events are your own."""
    import orjson

    if stream not in BUILTIN_STREAMS:
        raise click.BadParameter(
            f"generate makes events of the built-in streams only ({', '.join(BUILTIN_STREAMS)}); {stream!r} is not one of them. "
            "For a stream of your own, take a sample of its topic (pii-processor profile --topic ...) or a file of its events",
            param_hint="--stream",
        )

    from processor.generate import generate as synthetic

    out = sys.stdout.buffer
    for g in synthetic(BuiltinStream(stream), count, seed):
        out.write(orjson.dumps(g.event) + b"\n")
    return EXIT_OK


@main_group.command(epilog="\b\nExample:\n  make demo   # starts a local broker first, then runs this")
@config_option()
@click.option("--count", type=click.IntRange(min=1), default=300, show_default=True, help="Events per stream.")
@click.option("--seed", type=int, default=None, help="Default: a new one each run.")
@exits
def demo(config: Path | None, count: int, seed: int | None) -> int:
    """Produce sample events to the configured broker, process them, and show before and after
    with the accounting in = out + dropped + dead-letter per recipient."""
    from processor.demo import run_demo

    return run_demo(_load(config), count=count, seed=seed)


@main_group.group()
def policy() -> None:
    """Policy tools."""


@policy.command(epilog="\b\nExample:\n  pii-processor policy explain --config config/pipeline.yaml --partner advertising-partner")
@config_option(required=True)
@click.option("--partner", required=True, help="A partner name under `partners` in the config.")
@exits
def explain(config: Path, partner: str) -> int:
    """What a partner receives, field by field, and why (read from the same policy the
    renderer applies)."""
    from processor.errors import ConfigError
    from processor.explain import explain as explained

    loaded = _load(config)
    partners = {p.name: p for p in loaded.partners}
    if partner not in partners:
        known = ", ".join(partners) or "none are configured"
        raise ConfigError(f"{config}: no partner named {partner!r} under `partners` (known: {known})")
    click.echo(explained(loaded, partners[partner]))
    return EXIT_OK


@main_group.command(
    epilog="""\b
Example:
  pii-processor reveal --config config/pipeline.yaml --key-file .keys/repair-vendor.key \\
    --reason "court order 2026-117, ticket LEG-42" < tokens.txt"""
)
@config_option()
@click.option("--key-file", type=click.Path(path_type=Path, dir_okay=False), required=True, help="The partner key the tokens were made with.")
@click.option("--reason", required=True, help="Why: the legal process, ticket or consent reference (recorded in the audit topic).")
@exits
def reveal(config: Path | None, key_file: Path, reason: str) -> int:
    """Decrypt the reversible `enc:` tokens on stdin (lawful disclosure); every reveal is
    recorded in the audit topic before anything is printed."""
    from processor.reveal import reveal as revealed

    return revealed(_load(config), key_file, reason, sys.stdin.buffer, sys.stdout.buffer)


@main_group.command(epilog="\b\nExample:\n  pii-processor aggregate --config config/pipeline.yaml")
@config_option(required=True)
@exits
def aggregate(config: Path) -> int:
    """Run the aggregate reports (a faust worker): k-anonymous, optionally noisy counts per
    window for the partners that receive only aggregates."""
    from processor import broker
    from processor.errors import ConfigError

    loaded = _load(config)
    if not loaded.aggregates:
        raise ConfigError(f"{config}: no `aggregates` are declared; see config/pipeline.yaml for an example")
    broker.wait_until_reachable(loaded.kafka)
    from processor.aggregate import app

    return app.run(loaded)


@main_group.command(epilog="\b\nExample:\n  pii-processor report --config config/pipeline.yaml --topic agg.calls-per-area --png calls.png")
@config_option()
@click.option("--topic", required=True, help="An aggregate topic, e.g. agg.calls-per-area.")
@click.option("--windows", type=click.IntRange(min=1), default=3, show_default=True, help="How many of the latest windows.")
@click.option("--png", type=click.Path(path_type=Path, dir_okay=False), help="Also draw a bar chart to this PNG file.")
@exits
def report(config: Path | None, topic: str, windows: int, png: Path | None) -> int:
    """Print the latest windows of an aggregate topic as a table (and draw them)."""
    from processor.aggregate.report import show

    return show(_load(config), topic, windows, png)


@main_group.command(
    epilog="\b\nExamples:\n  pii-processor topics --config config/pipeline.yaml\n  pii-processor topics --config config/pipeline.yaml --acls > acls.sh"
)
@config_option()
@click.option("--acls", is_flag=True, help="Print the kafka-acls commands for the configured principals instead (no broker needed).")
@exits
def topics(config: Path | None, acls: bool) -> int:
    """Create the configured topics that do not exist yet: replication, min.insync.replicas and
    retention per topic class from the config. With --acls, print who may read and write each."""
    loaded = _load(config)
    if acls:
        from processor.provisioning import acl_commands

        click.echo("# Kafka ACLs for this pipeline (review, then run against the cluster):")
        for line in acl_commands(loaded):
            click.echo(line)
        return EXIT_OK
    from processor import broker

    broker.wait_until_reachable(loaded.kafka)
    names = loaded.all_topics()
    created = broker.ensure_pipeline_topics(loaded)
    click.echo(f"topics: {len(created)} created, {len(names) - len(created)} already there")
    return EXIT_OK


@main_group.command(
    epilog="\b\nExamples:\n  pii-processor canary --config config/pipeline.yaml --interval 30\n"
    "  pii-processor canary --config config/pipeline.yaml --rounds 3   # a check: exit 1 on a leak"
)
@config_option(required=True)
@click.option("--interval", type=click.FloatRange(min=0.1), default=30, show_default=True, help="Seconds between rounds (one event per stream each).")
@click.option(
    "--rounds", type=click.IntRange(min=1), default=None, help="Stop after this many rounds; exit 1 if any identifier leaked or an event never came through."
)
@click.option(
    "--expect-within", type=click.FloatRange(min=1), default=60, show_default=True, help="Seconds a canary event may take to reach its redacted topic."
)
@click.option(
    "--metrics-port", type=click.IntRange(min=0, max=65535), default=9465, show_default=True, help="Prometheus /metrics (pii_canary_*); 0 turns it off."
)
@exits
def canary(config: Path, interval: float, rounds: int | None, expect_within: float, metrics_port: int) -> int:
    """The leak canary: synthetic events with marked identifiers (from ranges reserved for
    testing) through the running pipeline, every output topic watched for them; a canary
    identifier found where its recipient's policy does not keep it counts in
    pii_canary_leaks_total. Canary events carry the header pii-canary, which partners drop."""
    from processor import broker, metrics
    from processor import canary as leak_canary

    loaded = _load(config)
    broker.wait_until_reachable(loaded.kafka)
    server = metrics.MetricsServer(loaded.metrics.host, metrics_port) if metrics_port else None
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        stats = leak_canary.run(loaded, interval, rounds, expect_within, running=lambda: not stopping)
    finally:
        if server is not None:
            server.close()
    click.echo(f"canary: {stats.sent} sent, {stats.seen} seen, {stats.missing} missing, {len(stats.leaks)} leaks")
    return EXIT_BAD_INPUT if rounds is not None and (stats.leaks or stats.missing) else EXIT_OK


@main_group.command(epilog="\b\nExample:\n  pii-processor keys --config config/pipeline.yaml")
@config_option(required=True)
@exits
def keys(config: Path) -> int:
    """Create the partner key files the config names that do not exist yet (random, mode 600).
    Existing keys are never replaced: a new key would unlink every pseudonym made with the old."""
    from processor.policy import write_missing_keys

    loaded = _load(config)
    for path in write_missing_keys(loaded):
        click.echo(f"keys: wrote {path}")
    return EXIT_OK


@main_group.command(
    epilog="\b\nExamples:\n  pii-processor profile --config config/pipeline.yaml --topic raw.sms-records --sample 500\n"
    "  pii-processor profile --file sms.jsonl --stream sms-records"
)
@config_option()
@click.option("--topic", default=None, help="Profile the latest messages of this topic.")
@click.option("--file", "file_", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None, help="Profile a JSON Lines file instead.")
@click.option("--stream", default=None, help="The stream's name (default: the configured stream reading the topic, or the topic's last part).")
@click.option("--sample", type=click.IntRange(min=1), default=500, show_default=True, help="How many events to read.")
@exits
def profile(config: Path | None, topic: str | None, file_: Path | None, stream: str | None, sample: int) -> int:
    """Which fields of a topic hold which identifiers, and the field rules to declare for it: a
    table per field path (share of events, what detection found, a proposed rule) and a YAML
    block to paste under `streams:`. Detection runs as the service runs it; no value is printed."""
    import itertools
    import re

    from processor import broker
    from processor.config import StreamSettings
    from processor.detect import Detector
    from processor.errors import MalformedEvent
    from processor.formats import JSON, stream_format
    from processor.profile import format_profile
    from processor.profile import profile as run_profile

    if (topic is None) == (file_ is None):
        raise click.UsageError("give exactly one of --topic (a Kafka topic) or --file (JSON Lines)")
    loaded = _load(config)
    if topic is not None:
        topic = loaded.named_topic(topic)
        broker.wait_until_reachable(loaded.kafka)
        raw = broker.sample(loaded.kafka, topic, sample, loaded.kafka.connect_timeout_s)
        default_name = loaded.stream_for_topic().get(topic) or topic.rsplit(".", 1)[-1]
    else:
        assert file_ is not None
        with file_.open("rb") as f:
            raw = [line for line in itertools.islice((x for x in f if x.strip()), sample)]
        default_name = file_.stem
    name = stream or re.sub(r"[^a-z0-9-]+", "-", default_name.lower()).strip("-") or "new-stream"
    if name not in loaded.streams:
        # Profiled as a new stream: no rules of its own, field names and content only.
        declared = StreamSettings(input_topic=topic or f"raw.{name}", output_topic=f"redacted.{name}")
        loaded = loaded.model_copy(update={"streams": {**loaded.streams, name: declared}})
    # A topic holds the stream's format; a file is JSON Lines.
    fmt = stream_format(loaded, name) if topic is not None else JSON
    events, malformed = [], 0
    for value in raw:
        try:
            events.append(fmt.decode(value, loaded.limits.max_event_bytes, loaded.limits.max_depth))
        except MalformedEvent:
            malformed += 1
    if not events:
        raise click.UsageError(f"no events to profile in {topic or file_} ({len(raw)} message(s) read, {malformed} could not be decoded)")
    result = run_profile(name, events, Detector(loaded))
    if malformed:
        click.echo(f"profile: {malformed} of {len(raw)} message(s) could not be decoded and were left out", err=True)
    click.echo(format_profile(result, topic))
    return EXIT_OK


@main_group.command(epilog="\b\nExample:\n  pii-processor schemas --config config/pipeline.yaml")
@config_option(required=True)
@exits
def schemas(config: Path) -> int:
    """The Avro schema of each output topic of an Avro stream (derived from the stream's schema:
    only the fields its recipient receives, each nullable and string-capable), with the
    CRC-64-AVRO fingerprint its single-object encoded messages carry."""
    import json

    from fastavro.schema import fingerprint, parse_schema, to_parsing_canonical_form

    from processor.formats import derived_schemas

    found = derived_schemas(_load(config))
    if not found:
        click.echo("schemas: no stream of this configuration is Avro")
    for topic, (stream, schema) in found.items():
        mark = fingerprint(to_parsing_canonical_form(parse_schema(schema)), "CRC-64-AVRO")
        click.echo(f"# {topic} (stream {stream}), fingerprint {mark}")
        click.echo(json.dumps(schema, indent=2))
    return EXIT_OK


@main_group.group(name="dead-letter")
def dead_letter_group() -> None:
    """Look into the dead-letter topic (reasons and counts, never a value) and replay after a fix."""


@dead_letter_group.command(name="list", epilog="\b\nExample:\n  pii-processor dead-letter list --config config/pipeline.yaml --since 24h")
@config_option()
@click.option("--since", default=None, help="Only dead letters from this time on: ISO 8601 (2026-11-30T10:00:00Z) or a span (30m, 6h, 2d).")
@exits
def dead_letter_list(config: Path | None, since: str | None) -> int:
    """Dead letters per reason: how many, of which streams, when, how many were replays, and the
    latest one's detail (a sentence that never quotes the event)."""
    from processor import broker, dead_letters

    loaded = _load(config)
    since_ms = dead_letters.parse_since(since) if since else None
    broker.wait_until_reachable(loaded.kafka)
    total, rows = dead_letters.summarize(loaded, since_ms)
    click.echo(dead_letters.format_summary(loaded.kafka.dead_letter_topic, total, rows))
    return EXIT_OK


@dead_letter_group.command(
    name="replay",
    epilog="\b\nExample, after raising limits.max_event_bytes:\n  pii-processor dead-letter replay --config config/pipeline.yaml --reason too-large",
)
@config_option()
@click.option("--reason", required=True, help="Replay the dead letters of this reason (see `dead-letter list`).")
@click.option("--since", default=None, help="Only dead letters from this time on: ISO 8601 or a span (30m, 6h, 2d).")
@click.option("--max-replays", type=click.IntRange(min=1), default=3, show_default=True, help="An event replayed this many times already is left alone.")
@click.option("--dry-run", is_flag=True, help="Count what would be replayed; send nothing and move no position.")
@exits
def dead_letter_replay(config: Path | None, reason: str, since: str | None, max_replays: int, dry_run: bool) -> int:
    """Send the originals of the dead letters of a reason, not replayed before, back to their raw
    topics (key, headers and event id kept; a `pii-replay` header counts the replays), in
    transactions with the reason's position, for the running service to process again."""
    from processor import broker, dead_letters

    loaded = _load(config)
    since_ms = dead_letters.parse_since(since) if since else None
    broker.wait_until_reachable(loaded.kafka)
    result = dead_letters.replay(loaded, reason, since_ms, max_replays, dry_run)
    click.echo(("(dry run) " if dry_run else "") + result.describe(reason))
    return EXIT_OK


@main_group.group(name="broker")
def broker_group() -> None:
    """Broker utilities."""


@broker_group.command(epilog="\b\nExample:\n  pii-processor broker wait --bootstrap 127.0.0.1:9092 --timeout 60")
@click.option("--bootstrap", default="127.0.0.1:9092", show_default=True)
@click.option("--timeout", type=float, default=60, show_default=True, help="Seconds to wait.")
@exits
def wait(bootstrap: str, timeout: float) -> int:
    """Wait until a broker answers metadata requests."""
    from processor import broker

    broker.wait_for_broker(bootstrap, timeout)
    click.echo(f"kafka: broker at {bootstrap} answers")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """The console script: the exit status of the command (see the module's docstring)."""
    try:
        # Not standalone: click returns the status of `ctx.exit` instead of leaving the process.
        status = main_group.main(args=argv, prog_name="pii-processor", standalone_mode=False)
    except click.ClickException as e:  # a usage error: unknown option, missing value
        e.show()
        return EXIT_SETUP
    except click.exceptions.Abort:
        return EXIT_INTERRUPTED
    return status if isinstance(status, int) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
