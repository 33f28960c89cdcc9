#!/usr/bin/env python3
"""Measures how far the advert checker agrees with a care recruiter, on the labelled adverts here.

Usage: evaluate.py --checker BUILD/caretoolkit [--rules DIR] [--verbose]

Runs the checker on every advert in adverts/ (grouped by the service its label names), then
compares its findings with labels.json through mapping.json, and prints precision, recall, the
Spearman rank correlation between score and rating, the spread of the scores, the false positives
by rule and the misses by label kind. README.md defines the label vocabulary, the matching and
each figure. Python 3 standard library only.
"""

import argparse
import json
import re
import signal
import statistics
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def fail(message):
    print(f"evaluate.py: {message}", file=sys.stderr)
    sys.exit(2)


def read_vocabulary():
    """The label kinds, from the README's tables: rows of the form | `kind` | problem or good | ..."""
    kinds = {}
    row = re.compile(r"^\|\s*`([a-z0-9.-]+)`\s*\|\s*(problem|good)\s*\|")
    for line in (HERE / "README.md").read_text(encoding="utf-8").splitlines():
        found = row.match(line)
        if found:
            kinds[found.group(1)] = found.group(2)
    if not kinds:
        fail("README.md has no vocabulary table")
    return kinds


def read_labels(vocabulary):
    adverts = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))["adverts"]
    on_disk = sorted(p.name for p in (HERE / "adverts").glob("*.txt"))
    if sorted(adverts) != on_disk:
        missing = sorted(set(on_disk) - set(adverts))
        extra = sorted(set(adverts) - set(on_disk))
        fail(f"labels.json and adverts/ disagree: unlabelled {missing}, no such advert {extra}")
    for name, label in adverts.items():
        if label.get("rating") not in (1, 2, 3, 4, 5):
            fail(f"{name}: rating must be a whole number from 1 to 5")
        for side, expected in (("problems", "problem"), ("good", "good")):
            entries = [e if isinstance(e, dict) else {"kind": e} for e in label.get(side, [])]
            for entry in entries:
                if vocabulary.get(entry["kind"]) != expected:
                    fail(f"{name}: \"{entry['kind']}\" is not a {expected} kind of the README")
            label[side] = entries
    return adverts


def read_mapping(vocabulary):
    rules = json.loads((HERE / "mapping.json").read_text(encoding="utf-8"))["rules"]
    for rule, sides in rules.items():
        for side, expected in (("problem", "problem"), ("good", "good")):
            for kind in sides.get(side, []):
                if vocabulary.get(kind) != expected:
                    fail(f"mapping.json: {rule}: \"{kind}\" is not a {expected} kind of the README")
    return rules


def run_checker(checker, rules_dir, adverts):
    """One checker run per service; returns {advert name: report}."""
    by_service = defaultdict(list)
    for name, label in adverts.items():
        by_service[label.get("service", "")].append(name)
    reports = {}
    for service, names in sorted(by_service.items()):
        command = [str(checker), "check", "--json", "--rules", str(rules_dir)]
        if service:
            command += ["--service", service]
        command += [str(HERE / "adverts" / n) for n in names]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode not in (0, 1):
            fail(f"the checker failed ({done.returncode}): {done.stderr.strip()}")
        for line in done.stdout.splitlines():
            report = json.loads(line)
            reports[Path(report["file"]).name] = report
    if sorted(reports) != sorted(adverts):
        fail("the checker did not report on every advert")
    return reports


def is_good_claim(finding):
    return finding["outcome"] == "met" or finding["points"] > 0


def is_information(finding):
    """Information only: moves no points and is not a warning (met with no reward, weight 0)."""
    return finding["points"] == 0 and finding["severity"] == "info"


def span_ranges(text, spans):
    """Every occurrence of each labelled span, as byte ranges, ignoring ASCII case."""
    haystack = text.encode("utf-8").lower()
    ranges = []
    for span in spans:
        needle = span.encode("utf-8").lower()
        start = haystack.find(needle)
        while start >= 0:
            ranges.append((start, start + len(needle)))
            start = haystack.find(needle, start + 1)
    return ranges


def entry_matches(entry, finding, text):
    """A finding with a span must overlap one of the entry's spans, when the entry has spans."""
    if not entry.get("spans") or not finding.get("span"):
        return True
    begin, end = finding["span"]["begin"], finding["span"]["end"]
    return any(begin < e and b < end for b, e in span_ranges(text, entry["spans"]))


def claimed_kinds(finding, mapping):
    sides = mapping.get(finding["rule"], {})
    return sides.get("good" if is_good_claim(finding) else "problem", [])


def judge_finding(finding, label, mapping, text):
    """(right, right kind): whether the finding evidences a labelled problem (or good point) of
    its advert, spans overlapping; and whether the advert has a label of a kind it claims at all,
    wherever the label's spans are."""
    entries = label["good"] if is_good_claim(finding) else label["problems"]
    kinds = set(claimed_kinds(finding, mapping))
    of_kind = [e for e in entries if e["kind"] in kinds]
    return any(entry_matches(e, finding, text) for e in of_kind), bool(of_kind)


def flagged(entry, findings, mapping, text):
    return any(
        not is_good_claim(f)
        and entry["kind"] in claimed_kinds(f, mapping)
        and entry_matches(entry, f, text)
        for f in findings
    )


def ranks(values):
    """1-based ranks, ties sharing the mean of their positions."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(xs, ys):
    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    var = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return cov / var if var else 0.0


def percent(part, whole):
    return f"{100 * part / whole:5.1f} % ({part}/{whole})" if whole else "  n/a"


def short(text, width=60):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checker", required=True, help="the caretoolkit binary")
    parser.add_argument("--rules", default=str(HERE.parents[2] / "rules"), help="rule packs")
    parser.add_argument("--verbose", action="store_true", help="list every false positive and miss")
    args = parser.parse_args()

    vocabulary = read_vocabulary()
    adverts = read_labels(vocabulary)
    mapping = read_mapping(vocabulary)
    reports = run_checker(args.checker, args.rules, adverts)

    scored_right = scored_all = all_right = all_count = scored_kind_right = 0
    by_rule = defaultdict(lambda: {"findings": 0, "wrong": 0, "scored_wrong": 0, "adverts": set()})
    wrong_examples = defaultdict(list)
    unmapped = Counter()
    labelled = Counter()
    missed = Counter()
    miss_examples = defaultdict(list)
    scores, ratings = [], []
    for name, label in sorted(adverts.items()):
        report = reports[name]
        text = (HERE / "adverts" / name).read_text(encoding="utf-8")
        findings = report["findings"]
        scores.append(report["score"])
        ratings.append(label["rating"])
        for f in findings:
            right, right_kind = judge_finding(f, label, mapping, text)
            if f["rule"] not in mapping:
                unmapped[f["rule"]] += 1
            all_count += 1
            all_right += right
            if not is_information(f):
                scored_all += 1
                scored_right += right
                scored_kind_right += right_kind
            stats = by_rule[f["rule"]]
            stats["findings"] += 1
            if not is_good_claim(f):
                stats["adverts"].add(name)
            if not right:
                stats["wrong"] += 1
                stats["scored_wrong"] += not is_information(f)
                claim = "good" if is_good_claim(f) else "problem"
                wrong_examples[f["rule"]].append(f"{name}: {claim} \"{short(f['text'])}\"")
        for entry in label["problems"]:
            labelled[entry["kind"]] += 1
            if not flagged(entry, findings, mapping, text):
                missed[entry["kind"]] += 1
                miss_examples[entry["kind"]].append(
                    f"{name}: {short(' | '.join(entry.get('spans', [])) or '(whole advert)')}")

    total_labelled = sum(labelled.values())
    total_missed = sum(missed.values())
    print(f"Validity on {len(adverts)} labelled adverts ({args.rules})")
    print(f"  precision, scored findings:   {percent(scored_right, scored_all)}"
          "   (findings that move points or warn; information-only ones left out)")
    print(f"  precision, scored, by kind:   {percent(scored_kind_right, scored_all)}"
          "   (the same, a finding's span need not overlap the label's spans)")
    print(f"  precision, all findings:      {percent(all_right, all_count)}"
          "   (information-only and met-with-no-reward findings counted too)")
    print(f"  recall:                       {percent(total_labelled - total_missed, total_labelled)}"
          "   (labelled problems flagged by any finding, information included)")
    print(f"  Spearman(score, rating):      {spearman(scores, ratings):6.3f}")
    q1, median, q3 = statistics.quantiles(scores, n=4, method="inclusive")
    print(f"  scores: min {min(scores)}, Q1 {q1:g}, median {median:g}, Q3 {q3:g}, max {max(scores)};"
          f" middle half spans {q3 - q1:g} points")
    by_rating = defaultdict(list)
    for s, r in zip(scores, ratings):
        by_rating[r].append(s)
    print("  mean score by rating: " + ", ".join(
        f"{r}: {statistics.fmean(v):.1f} (n={len(v)})" for r, v in sorted(by_rating.items())))

    print("\nFalse positives by rule (findings matching no label; * fires as a problem on >= 80 %"
          " of adverts)")
    print(f"  {'rule':36} {'wrong':>5} {'of':>4} {'scored':>6}")
    for rule, stats in sorted(by_rule.items(), key=lambda kv: (-kv[1]["wrong"], kv[0])):
        if stats["wrong"] == 0:
            continue
        common = "*" if len(stats["adverts"]) >= 0.8 * len(adverts) else " "
        print(f" {common}{rule:36} {stats['wrong']:5} {stats['findings']:4} {stats['scored_wrong']:6}")
        if args.verbose:
            for example in wrong_examples[rule]:
                print(f"      {example}")

    print("\nMisses by label kind (labelled problems no finding flagged)")
    print(f"  {'kind':32} {'missed':>6} {'of':>4}")
    for kind, count in sorted(missed.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {kind:32} {count:6} {labelled[kind]:4}")
        if args.verbose:
            for example in miss_examples[kind]:
                print(f"      {example}")

    if unmapped:
        print("\nRules not in mapping.json (their findings count as wrong): " +
              ", ".join(f"{r} ({n})" for r, n in sorted(unmapped.items())))


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    main()
