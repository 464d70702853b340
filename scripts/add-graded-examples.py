#!/usr/bin/env python3
"""Adds step answers graded by trainers to the playbooks' `answers.yaml` (graded example answers).

Usage: scripts/add-graded-examples.py FILE.jsonl [FILE.jsonl ...]

Each line of a FILE is one graded step answer as the writers write them (data/GRADED.md):
`{"id": "PFX-LANG-07-confirm-1", "category": "price", "customer": "…", "step": "confirm",
"grade": 1, "text": "…", "why": "…"}`. A file's language is its `-en`/`-zh` suffix. The answers go
into `playbooks/LANG/answers.yaml`, under each step's `graded` list, in a block that starts with
the marker comment below (entries a trainer wrote above the marker are kept). Running the script
again replaces that block, so the result depends only on the files. Each entry records `from:
FILE-STEM:OBJECTION` (the writer's file and objection), and the first entry of each objection
the customer's words, so a measurement can leave a writer out and score an answer as a drill
would (the words are the same on the objection's 15 answers: written once, the files stay small
enough to load quickly).

Left out, and counted on stdout:
- a malformed line (not JSON, unknown step, grade not 0/1/2, empty text), with its file and line;
- an answer the writers graded twice for one step with different grades (both are left out);
- a repeat of an answer already taken for that step, or already listed above the marker;
- an answer whose letters and digits equal any text of any labelled set under
  Tests/CoachCoreTests/Fixtures (tuning and held-out: their items never become examples). Only
  the count is printed, never a text.
Texts are compared as the playbook's duplicate check compares them: lower case, typographic
quotes and full-width punctuation folded, runs of white space as one space.
"""

import json
import os
import re
import sys

from playbook_lists import blocks, loose, norm, quoted, replace_marked

MARKER = "# Graded by trainers who never saw the rules (data/graded, 2026-12-07; scripts/add-graded-examples.py):"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STEPS = ["listen", "sympathize", "confirm", "process", "assure"]
CATEGORIES = ["price", "time", "risk", "decision"]
HEADER = {
    "en": ["module: answers", "language: en", "title: Graded example answers", "",
           "# Step answers graded 0, 1 or 2 by trainers. A new answer is compared with the answers of its step",
           "# by similarity; when the nearest ones agree strongly and are close enough they move the checks'",
           "# score one point toward their grade (a failed harm check still caps the step at 0). Add your own",
           "# under a step's `graded:` (grade, text; optionally category, customer, from)."],
    "zh": ["module: answers", "language: zh", "title: 培训师评分的示例回答", "",
           "# 培训师按 0、1、2 分评过的各步骤回答。新的回答会按相似度与同一步骤的这些回答比较；最接近的几条意见一致且足够接近时，",
           "# 把检查项给的分数向它们的评分移动一分（未通过的伤害类检查仍使该步得 0 分）。可在各步骤的 `graded:` 下添加自己的示例",
           "# （grade、text；可选 category、customer、from）。"],
}


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def labelled_texts():
    """Every text of every labelled set under Tests/CoachCoreTests/Fixtures, by letters and digits."""
    out = set()
    base = os.path.join(ROOT, "Tests", "CoachCoreTests", "Fixtures")
    for folder, _, names in os.walk(base):
        for name in names:
            if not name.endswith(".jsonl"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for line in f:
                    try:
                        row = json.loads(line)
                    except ValueError:
                        continue
                    for s in strings(row):
                        key = loose(s)
                        if len(key) >= 4:
                            out.add(key)
    return out


def read(path, bad):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                text = " ".join(str(r["text"]).split())
                step, grade = r["step"], r["grade"]
                if step not in STEPS or grade not in (0, 1, 2) or isinstance(grade, bool) or not text:
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                bad.append(f"{os.path.basename(path)}:{n}")
                continue
            oid = str(r.get("id", ""))
            parts = oid.rsplit("-", 2)
            objection = parts[0] if len(parts) == 3 and parts[1] in STEPS else oid
            stem = os.path.basename(path).rsplit(".", 1)[0]
            if objection.lower().startswith(stem.lower() + "-"):
                objection = objection[len(stem) + 1:]
            cat = r.get("category") if r.get("category") in CATEGORIES else None
            customer = " ".join(str(r.get("customer") or "").split())
            rows.append({"step": step, "grade": grade, "text": text, "category": cat, "customer": customer, "from": f"{stem}:{objection}"})
    return rows


def hand_written(lines, lo, hi):
    """Normalised texts of the entries above the marker in one step's `graded` list."""
    seen = set()
    for line in lines[lo:hi]:
        if line.strip() == MARKER:
            break
        m = re.match(r"^        text: (.*)$", line)
        if m:
            v = m.group(1).strip()
            seen.add(norm(json.loads(v) if v.startswith('"') else v))
    return seen


def entry(r, customers):
    out = [f"      - grade: {r['grade']}", f"        text: {quoted(r['text'])}"]
    if r["category"]:
        out.append(f"        category: {r['category']}")
    # The customer's words once per objection (its first answer): they are the same on all 15.
    if r["customer"] and r["from"] not in customers:
        customers.add(r["from"])
        out.append(f"        customer: {quoted(r['customer'])}")
    out.append(f"        from: {quoted(r['from'])}")
    return out


def main(paths):
    excluded = labelled_texts()
    bad = []
    by_lang = {"en": [], "zh": []}
    for p in paths:
        lang = "zh" if os.path.basename(p).rsplit(".", 1)[0].endswith("-zh") else "en"
        by_lang[lang] += read(p, bad)
    for lang, rows in by_lang.items():
        if not rows:
            continue
        path = os.path.join(ROOT, "playbooks", lang, "answers.yaml")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                lines = f.read().rstrip("\n").split("\n")
        else:
            lines = HEADER[lang] + ["steps:"]
            for s in STEPS:
                lines += [f"  - id: {s}", "    graded:"]
        grades = {}
        for r in rows:
            grades.setdefault((r["step"], norm(r["text"])), set()).add(r["grade"])
        counts = {"graded twice differently": 0, "repeated": 0, "in a labelled fixture set": 0}
        chosen = {s: [] for s in STEPS}
        customers = set()
        for s in STEPS:
            lo, hi = blocks(lines, "steps")[s]
            taken = hand_written(lines, lo, hi)
            for r in (r for r in rows if r["step"] == s):
                key = norm(r["text"])
                if len(grades[(s, key)]) > 1:
                    counts["graded twice differently"] += 1
                elif loose(r["text"]) in excluded:
                    counts["in a labelled fixture set"] += 1
                elif key in taken:
                    counts["repeated"] += 1
                else:
                    taken.add(key)
                    chosen[s].append(r)
            if not replace_marked(lines, lo, hi, "graded", MARKER, [l for r in chosen[s] for l in entry(r, customers)]):
                sys.exit(f"{path}: step `{s}` has no `graded:` list")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        per = ", ".join(f"{s} {len(chosen[s])} ({'/'.join(str(sum(1 for r in chosen[s] if r['grade'] == g)) for g in (0, 1, 2))})" for s in STEPS)
        print(f"{lang}: {sum(len(v) for v in chosen.values())} answers: {per} [grades 0/1/2]; left out: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if bad:
        print(f"malformed lines skipped: {len(bad)}: " + ", ".join(bad[:20]) + (" …" if len(bad) > 20 else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
