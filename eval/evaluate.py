"""`make eval`: detection quality of the pipeline, and of Presidio's default analyzer, on the
same seeded development set (eval/dataset.py).

Per entity type and overall: precision, recall, F2 (recall weighs more: a miss leaks, a false
alarm only hides a harmless word), the leak rate (share of gold identifiers still present
verbatim in the redacted output), the partial-leak rate (share not fully covered: half a card
number is still a leak), and the decoy survival rate (share of look-alikes left intact).

Overall figures count any detection that overlaps a gold identifier, whatever type it was
given (what matters for redaction); per-type figures need the type to agree.
Prints a table and writes eval/results.json.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from eval import foreign
from eval.dataset import Sample, Span, build
from processor.config_file import load_config
from processor.detect import Detector, Finding
from processor.events import Location, walk
from processor.policy import apply_policy

RESULTS = Path(__file__).with_name("results.json")


@dataclass(frozen=True)
class Pred:
    location: Location
    start: int
    end: int
    entity: str


def _value_at(event: Any, loc: Location) -> Any:
    for key in loc:
        event = event[key]
    return event


def _to_preds(sample: Sample, findings: Iterable[Finding]) -> list[Pred]:
    preds = []
    for f in findings:
        if f.whole_value:
            preds.append(Pred(f.location, 0, len(str(_value_at(sample.event, f.location))), f.entity_type))
        else:
            preds.append(Pred(f.location, f.start, f.end, f.entity_type))
    return _merge(preds)


def _merge(preds: list[Pred]) -> list[Pred]:
    """Overlapping detections of one type in one value count once."""
    groups: dict[tuple[Location, str], list[Pred]] = defaultdict(list)
    for p in preds:
        groups[(p.location, p.entity)].append(p)
    merged = []
    for (loc, entity), ps in groups.items():
        ps.sort(key=lambda p: p.start)
        cur = ps[0]
        for p in ps[1:]:
            if p.start < cur.end:
                cur = Pred(loc, cur.start, max(cur.end, p.end), entity)
            else:
                merged.append(cur)
                cur = p
        merged.append(cur)
    return merged


def _overlaps(a: Span | Pred, b: Span | Pred) -> bool:
    return a.location == b.location and a.start < b.end and b.start < a.end


def _fully_covered(gold: Span, preds: list[Pred], value: str) -> bool:
    covered = set()
    for p in preds:
        if p.location == gold.location:
            covered.update(range(max(p.start, gold.start), min(p.end, gold.end)))
    return all(i in covered for i in range(gold.start, gold.end) if value[i].isalnum())


class Tally:
    def __init__(self) -> None:
        self.tp_pred = self.fp = self.tp_gold = self.fn = 0
        self.leaks = self.partial_leaks = self.gold = 0

    def metrics(self) -> dict[str, float | int | None]:
        p = self.tp_pred / (self.tp_pred + self.fp) if self.tp_pred + self.fp else None
        r = self.tp_gold / (self.tp_gold + self.fn) if self.tp_gold + self.fn else None
        f2 = (5 * p * r / (4 * p + r)) if p is not None and r is not None and (4 * p + r) else None
        return {
            "precision": p,
            "recall": r,
            "f2": f2,
            "gold": self.gold,
            "predicted": self.tp_pred + self.fp,
            "leak_rate": self.leaks / self.gold if self.gold else None,
            "partial_leak_rate": self.partial_leaks / self.gold if self.gold else None,
        }


def score(samples: list[Sample], predictions: list[list[Pred]], outputs: list[str]) -> dict[str, Any]:
    per_type: dict[str, Tally] = defaultdict(Tally)
    overall = Tally()
    decoys = decoys_kept = 0
    for sample, preds, output in zip(samples, predictions, outputs):
        for g in sample.gold:
            value = str(_value_at(sample.event, g.location))
            typed = [p for p in preds if p.entity == g.entity]
            hit_typed = any(_overlaps(g, p) for p in typed)
            hit_any = any(_overlaps(g, p) for p in preds)
            leaked = orjson.dumps(g.value)[1:-1].decode() in output
            partial = not _fully_covered(g, preds, value)
            for tally, hit in ((per_type[g.entity], hit_typed), (overall, hit_any)):
                tally.gold += 1
                tally.tp_gold += hit
                tally.fn += not hit
                tally.leaks += leaked
                tally.partial_leaks += partial
        for p in preds:
            typed_hit = any(_overlaps(p, g) for g in sample.gold if g.entity == p.entity)
            any_hit = any(_overlaps(p, g) for g in sample.gold)
            per_type[p.entity].tp_pred += typed_hit
            per_type[p.entity].fp += not typed_hit
            overall.tp_pred += any_hit
            overall.fp += not any_hit
        for d in sample.decoys:
            decoys += 1
            decoys_kept += not any(_overlaps(d, p) for p in preds)
    return {
        "overall": {**overall.metrics(), "decoys": decoys, "decoy_survival": decoys_kept / decoys if decoys else None},
        "per_type": {t: per_type[t].metrics() for t in sorted(per_type)},
    }


# The spaCy model of `run_ours` (`--spacy-model`); None: the configured default.
SPACY_MODEL: str | None = None


def run_ours(samples: list[Sample], batch: int = 128) -> tuple[list[list[Pred]], list[str], float]:
    config = load_config(None, environ={})
    if SPACY_MODEL is not None:
        config = config.model_copy(update={"detection": config.detection.model_copy(update={"spacy_model": SPACY_MODEL})})
    detector = Detector(config)
    preds: list[list[Pred]] = []
    outputs: list[str] = []
    started = time.perf_counter()
    for i in range(0, len(samples), batch):
        chunk = samples[i : i + batch]
        for sample, detection in zip(chunk, detector.detect([(s.stream, s.event) for s in chunk])):
            if detection.error is not None:
                raise detection.error
            preds.append(_to_preds(sample, detection.findings))
            outputs.append(orjson.dumps(apply_policy(sample.event, detection.findings)).decode())
    return preds, outputs, time.perf_counter() - started


def presidio_default_analyzer():
    """Presidio's AnalyzerEngine as its README configures it, with the one spaCy model that
    can be had here (its default, en_core_web_lg, cannot be downloaded on this network)."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    settings = load_config(None, environ={}).detection
    provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": settings.spacy_model}]})
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def run_presidio(samples: list[Sample]) -> tuple[list[list[Pred]], list[str], float]:
    analyzer = presidio_default_analyzer()
    preds: list[list[Pred]] = []
    outputs: list[str] = []
    started = time.perf_counter()
    for sample in samples:
        findings = []
        for loc, _, value in walk(sample.event):
            text = str(value)
            for r in analyzer.analyze(text=text, language="en"):
                whole = not isinstance(value, str)
                findings.append(Finding(loc, r.entity_type, None if whole else r.start, None if whole else r.end, r.score))
        preds.append(_to_preds(sample, findings))
        outputs.append(orjson.dumps(apply_policy(sample.event, findings)).decode())
    return preds, outputs, time.perf_counter() - started


def show_errors(samples: list[Sample], predictions: list[list[Pred]], entity: str) -> None:
    for sample, preds in zip(samples, predictions):
        for g in sample.gold:
            if g.entity == entity and not any(_overlaps(g, p) and p.entity == entity for p in preds):
                print(f"MISS  {g.value!r} in {str(_value_at(sample.event, g.location))!r}")
        for p in preds:
            if p.entity == entity and not any(_overlaps(p, g) and g.entity == entity for g in sample.gold):
                text = str(_value_at(sample.event, p.location))
                print(f"FALSE {text[p.start : p.end]!r} in {text!r}")


def _fmt(x: float | int | None) -> str:
    if x is None:
        return "   -  "
    return f"{x:6.3f}" if isinstance(x, float) else f"{x:6d}"


def print_table(results: dict[str, Any]) -> None:
    ours, theirs = results["ours"], results["presidio_default"]
    types = sorted(set(ours["per_type"]) | set(theirs["per_type"]))
    print(f"\n{'entity':18} {'gold':>6} | {'ours: P':>7} {'R':>6} {'F2':>6} {'leak':>6} | {'presidio: P':>11} {'R':>6} {'F2':>6} {'leak':>6}")
    print("-" * 96)
    for t in [*types, "OVERALL"]:
        a = ours["overall"] if t == "OVERALL" else ours["per_type"].get(t, {})
        b = theirs["overall"] if t == "OVERALL" else theirs["per_type"].get(t, {})
        gold = a.get("gold") or b.get("gold") or 0
        print(
            f"{t:18} {gold:6d} | {_fmt(a.get('precision')):>7} {_fmt(a.get('recall'))} {_fmt(a.get('f2'))} {_fmt(a.get('leak_rate'))} |"
            f" {_fmt(b.get('precision')):>11} {_fmt(b.get('recall'))} {_fmt(b.get('f2'))} {_fmt(b.get('leak_rate'))}"
        )
    for name, r in (("ours", ours), ("presidio default", theirs)):
        o = r["overall"]
        if not o:
            continue  # --skip-presidio
        print(
            f"{name:17}: leak rate {o['leak_rate']:.4f}, partial-leak rate {o['partial_leak_rate']:.4f}, "
            f"decoy survival {o['decoy_survival']:.4f} of {o['decoys']}, {r['events_per_s']:.0f} events/s"
        )


def evaluate_foreign(pairs: list[tuple[str, Sample]], title: str, skip_presidio: bool) -> dict[str, Any]:
    """A source of eval/foreign.py: values of 24 locales, the team's lines around them."""
    locales = [locale for locale, _ in pairs]
    samples = [sample for _, sample in pairs]
    print(
        f"\neval ({title}): {len(samples)} events with values of Faker's providers in {len(set(locales))} locales, "
        f"{sum(len(s.gold) for s in samples)} identifiers, {sum(len(s.decoys) for s in samples)} decoys"
    )
    out: dict[str, Any] = {"lines": len(samples), "locales": sorted(set(locales))}
    runs = [("ours", run_ours)] + ([] if skip_presidio else [("presidio_default", run_presidio)])
    for name, run in runs:
        preds, outputs, _seconds = run(samples)
        result = score(samples, preds, outputs)
        by_locale: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for locale, sample, output in zip(locales, samples, outputs):
            for g in sample.gold:
                by_locale[locale][0] += 1
                by_locale[locale][1] += orjson.dumps(g.value)[1:-1].decode() in output
        result["leak_by_locale"] = {loc: leaked / n for loc, (n, leaked) in sorted(by_locale.items())}
        out[name] = result
    theirs = out.get("presidio_default", {"per_type": {}, "overall": {}})
    # leak: the value still verbatim in the output; partial: a letter or digit of it left unredacted.
    print(f"{'class':18} {'gold':>6} | {'ours: leak':>10} {'partial':>7} {'recall':>7} | {'presidio: leak':>14} {'partial':>7} {'recall':>7}")
    for t in [*sorted(out["ours"]["per_type"]), "OVERALL"]:
        a = out["ours"]["overall"] if t == "OVERALL" else out["ours"]["per_type"][t]
        b = theirs["overall"] if t == "OVERALL" else theirs["per_type"].get(t, {})
        if not a.get("gold"):
            continue
        print(
            f"{t:18} {a['gold']:6d} | {_fmt(a.get('leak_rate')):>10} {_fmt(a.get('partial_leak_rate')):>7} {_fmt(a.get('recall')):>7} | "
            f"{_fmt(b.get('leak_rate')):>14} {_fmt(b.get('partial_leak_rate')):>7} {_fmt(b.get('recall')):>7}"
        )
    o = out["ours"]["overall"]
    print(
        (f"ours: decoy survival {o['decoy_survival']:.4f} of {o['decoys']}; " if o["decoys"] else "ours: ")
        + "leak by locale: "
        + ", ".join(f"{loc} {rate:.2f}" for loc, rate in out["ours"]["leak_by_locale"].items())
    )
    return out


def evaluate_prose(pairs: list[tuple[str, Sample]]) -> dict[str, Any]:
    """eval/foreign.py's other-language prose: the share of its words redacted (none are identifiers)."""
    samples = [sample for _, sample in pairs]
    preds, _outputs, _seconds = run_ours(samples)
    words: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (locale, sample), found in zip(pairs, preds):
        text = sample.event["notes"]
        for m in re.finditer(r"\w+", text):
            words[locale][0] += 1
            words[locale][1] += any(p.start < m.end() and m.start() < p.end for p in found)
    total, redacted = sum(n for n, _ in words.values()), sum(r for _, r in words.values())
    by_locale = {loc: r / n for loc, (n, r) in sorted(words.items())}
    print(
        f"\neval (other-language prose: Faker's sentences of {len(words)} locales, half in lower case, no identifiers): "
        f"{redacted} of {total} words redacted ({redacted / total:.1%}); by locale: " + ", ".join(f"{loc} {rate:.1%}" for loc, rate in by_locale.items())
    )
    return {"words": total, "redacted": redacted, "redacted_share": redacted / total, "by_locale": by_locale}


# The sources of eval/foreign.py: results key -> (builder, share of --foreign-per-locale, title).
SOURCES: dict[str, tuple[Callable[[int, int], list[tuple[str, Sample]]], int, str]] = {
    "foreign": (foreign.build, 1, "foreign: one identifier a line"),
    "narrative": (foreign.build_narrative, 3, "narrative: two or three identifiers a sentence, few cues"),
    "narrative_later": (foreign.build_narrative_later, 3, "later narrative: 12 more shapes (chat, forms, e-mail, postcodes)"),
    "narrative_last": (foreign.build_narrative_last, 3, "last narrative: 12 shapes written at the end, not tuned on"),
    "narrative_fresh": (foreign.build_narrative_fresh, 3, "fresh narrative: 12 shapes of requests, questions, hand-overs"),
    "narrative_closing": (foreign.build_narrative_closing, 3, "closing narrative: 12 shapes written during the session, not tuned on"),
    "dialogue": (foreign.build_dialogue, 3, "dialogue: the agent asks, the customer answers"),
    "schemas": (foreign.build_schemas, 3, "schemas: structured events as other systems name their fields"),
    "notes_in_language": (foreign.build_notes_in_language, 1, "notes in the customer's language (7 languages)"),
    "formats": (foreign.build_formats, 1, "formats: one name, address, phone number or date of birth in a plain sentence (tuned on)"),
    "records": (foreign.build_records, 3, "records: mail headers, exports, key=value lines, chat and SMS (tuned on)"),
    "calls": (foreign.build_calls, 3, "calls: a customer on the phone, as speech-to-text writes it (tuned on)"),
    "letters": (foreign.build_letters, 3, "letters: address blocks on several lines, forms, signatures (tuned on)"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--transcripts", type=int, default=400)
    parser.add_argument("--call-records", type=int, default=300)
    parser.add_argument("--telemetry", type=int, default=300)
    parser.add_argument("--skip-presidio", action="store_true")
    parser.add_argument("--foreign-per-locale", type=int, default=30, help="lines per locale of the Faker source (eval/foreign.py)")
    parser.add_argument("--show-errors", metavar="ENTITY", help="print our misses and false alarms of one type (synthetic values)")
    parser.add_argument("--spacy-model", default=None, help="an installed spaCy model package to measure instead of detection.spacy_model")
    args = parser.parse_args(argv)
    global SPACY_MODEL
    SPACY_MODEL = args.spacy_model
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)

    samples = build(args.seed, args.transcripts, args.call_records, args.telemetry)
    print(
        f"eval: {len(samples)} events (seed {args.seed}), {sum(len(s.gold) for s in samples)} gold identifiers, "
        f"{sum(len(s.decoys) for s in samples)} decoys, {sum(not s.gold for s in samples)} events without PII"
    )
    results: dict[str, Any] = {"seed": args.seed, "events": len(samples), "spacy_model": args.spacy_model or "default"}
    runs = [("ours", run_ours)] + ([] if args.skip_presidio else [("presidio_default", run_presidio)])
    for name, run in runs:
        preds, outputs, seconds = run(samples)
        if name == "ours" and args.show_errors:
            show_errors(samples, preds, args.show_errors)
        results[name] = {**score(samples, preds, outputs), "seconds": seconds, "events_per_s": len(samples) / seconds}
    if args.skip_presidio:
        results["presidio_default"] = {"overall": {}, "per_type": {}}
    print_table(results)
    per_locale = args.foreign_per_locale
    for name, (build_source, share, title) in SOURCES.items():
        results[name] = evaluate_foreign(build_source(args.seed, max(1, per_locale // share)), title, args.skip_presidio)
    results["other_language_prose"] = evaluate_prose(foreign.build_prose(args.seed))
    RESULTS.write_text(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode())
    print(f"\neval: results written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
