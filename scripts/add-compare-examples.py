#!/usr/bin/env python3
"""Adds example wordings written by trainers to the playbooks' `compareWith` lists.

Usage: scripts/add-compare-examples.py DATA_DIR [DATA_DIR ...] [--exclude FILE ...]

Each DATA_DIR holds `objections-LANG.jsonl` (`text`, `category`) and `questions-LANG.jsonl`
(`text`, `type`, where `closed` means no type) for LANG in en, zh (or several parts of each,
`objections-LANG-a.jsonl`, `-b`…, read in name order). The wordings go into
`playbooks/LANG/objections.yaml` (under each category's `compareWith`) and
`playbooks/LANG/questions.yaml` (under each type's `compareWith`; closed questions under
`weak: closed`'s `compareWith`), in a block that starts with the marker comment below. Running the
script again replaces that block, so the result depends only on the data.

Left out, and counted on stdout:
- a wording the writers put under two labels (it would vote for both; the playbook rejects it);
- a wording the playbook already lists (same label: a duplicate; another label: ambiguous);
- a wording that is also an item of an `--exclude` file (the tuning and held-out sets: their items
  are never copied into the playbooks).
Texts are compared as the playbook's duplicate check compares them: lower case, typographic
quotes and full-width punctuation folded, runs of white space as one space.
"""

import json
import os
import re
import sys

from playbook_lists import blocks, loose, norm, quoted, replace_marked

MARKER = "# Written as examples by trainers who never saw the rules (data/examples*, 2026-12-07; scripts/add-compare-examples.py):"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def files(folder, kind, lang):
    """`KIND-LANG.jsonl` and, from writers who split the work, `KIND-LANG-*.jsonl`, in name order."""
    if not os.path.isdir(folder):
        return []
    names = [n for n in os.listdir(folder) if n == f"{kind}-{lang}.jsonl" or (n.startswith(f"{kind}-{lang}-") and n.endswith(".jsonl"))]
    return sorted(names)


def existing(lines, section, lists):
    """Normalised text -> label, for every entry of the given lists in the playbook (outside our block)."""
    seen = {}
    for label, (lo, hi) in blocks(lines, section).items():
        inlist = False
        for line in lines[lo:hi]:
            if re.match(r"^    \S", line):
                inlist = any(line.startswith("    " + name + ":") for name in lists)
                continue
            if inlist and line.strip() == MARKER:
                break
            m = re.match(r"^      - (.*)$", line)
            if inlist and m:
                v = m.group(1).strip()
                if v.startswith('"') and v.endswith('"'):
                    v = json.loads(v)
                seen.setdefault(norm(v), label)
    return seen


def insert(lines, section, label, texts, comment_for_new):
    """Puts `texts` into `label`'s compareWith list (replacing an earlier block of this script)."""
    lo, hi = blocks(lines, section)[label]
    if replace_marked(lines, lo, hi, "compareWith", MARKER, ["      - " + quoted(t) for t in texts]):
        return
    # No compareWith list yet: one before the item's trailing blank or comment lines.
    block = lines[lo:hi]
    end = len(block)
    while end > 0 and (block[end - 1].strip() == "" or block[end - 1].strip().startswith("#")):
        end -= 1
    lines[lo + end:lo + end] = ["    # " + comment_for_new, "    compareWith:", "      " + MARKER] + ["      - " + quoted(t) for t in texts]


def main(argv):
    dirs, excludes = [], []
    it = iter(argv)
    for a in it:
        if a == "--exclude":
            excludes.append(next(it))
        else:
            dirs.append(a)
    excluded = set()
    for path in excludes:
        for row in load(path):
            excluded.add(loose(row["text"]))
    for lang in ["en", "zh"]:
        for kind, field, section, lists, labels in [
            ("objections", "category", "categories", ["wordings", "compareWith"], ["price", "time", "risk", "decision"]),
            ("questions", "type", "types", ["examples", "compareWith"], ["open", "leading", "verification", "value", "closed"]),
        ]:
            rows = [r for d in dirs for name in files(d, kind, lang) for r in load(os.path.join(d, name))]
            if not rows:
                continue
            path = os.path.join(ROOT, "playbooks", lang, f"{kind}.yaml")
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            have = existing(lines, section, lists)
            if kind == "questions":
                have.update({k: "closed" for k in existing(lines, "weak", ["compareWith"])})
            labels_of = {}
            for r in rows:
                labels_of.setdefault(norm(r["text"]), set()).add(r[field])
            counts = {"two labels": 0, "already listed": 0, "listed under another label": 0, "in a tuning or held-out set": 0, "repeated": 0}
            chosen = {label: [] for label in labels}
            taken = set()
            for r in rows:
                key = norm(r["text"])
                if len(labels_of[key]) > 1:
                    counts["two labels"] += 1
                elif loose(r["text"]) in excluded:
                    counts["in a tuning or held-out set"] += 1
                elif key in have:
                    counts["already listed" if have[key] == r[field] else "listed under another label"] += 1
                elif key in taken:
                    counts["repeated"] += 1
                else:
                    taken.add(key)
                    chosen[r[field]].append(" ".join(r["text"].split()))
            for label in labels:
                if label == "closed":
                    insert(lines, "weak", "closed", chosen[label], "Closed questions to compare a new question with: when the nearest of them outvote every type, it is closed.")
                else:
                    insert(lines, section, label, chosen[label], "More to compare a new one with.")
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            print(f"{lang} {kind}: " + ", ".join(f"{l} {len(chosen[l])}" for l in labels) + "; left out: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
