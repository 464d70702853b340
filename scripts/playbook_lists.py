"""What the two scripts that write example lists into the playbooks share
(`add-compare-examples.py`, `add-graded-examples.py`): texts compared as the playbook's duplicate
check compares them, a YAML double-quoted scalar, and where each item of a top-level list is."""

import re

FOLD = {0xFF1F: "?", 0xFF0C: ",", 0x3001: ",", 0x3002: ".", 0xFF01: "!", 0xFF1A: ":", 0xFF1B: ";",
        0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0xFF08: "(", 0xFF09: ")"}


def norm(text):
    """Lower case, typographic quotes and full-width punctuation and digits folded, runs of white
    space as one space."""
    t = "".join(FOLD.get(ord(c), c) for c in text.lower())
    t = "".join(chr(ord(c) - 0xFF10 + 0x30) if 0xFF10 <= ord(c) <= 0xFF19 else c for c in t)
    return " ".join(t.split())


def loose(text):
    """Letters and digits only, lower case: an excluded item matches however it is punctuated
    or spaced (`Are you the one who signs?` = `Are you the one who signs`)."""
    return "".join(c for c in norm(text) if c.isalnum())


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def blocks(lines, section):
    """Item id -> (first line, end line) of each `  - id:` item under the top-level `section:`."""
    out = {}
    inside = False
    current = None
    for i, line in enumerate(lines):
        if re.match(r"^\S", line):
            if current:
                out[current[0]] = (current[1], i)
                current = None
            inside = line.rstrip() == section + ":"
            continue
        m = re.match(r"^  - id: (\S+)", line)
        if inside and m:
            if current:
                out[current[0]] = (current[1], i)
            current = (m.group(1), i)
    if current:
        out[current[0]] = (current[1], len(lines))
    return out


def replace_marked(lines, lo, hi, key, marker, items):
    """In the item `lines[lo:hi]`, replaces what follows `marker` in its `key:` list (or, with no
    marker yet, appends after the list's last entry) with the marker and `items` (lines indented
    as list entries). A `key: []` becomes `key:` so the entries belong to it. Returns False when
    the item has no `key:` list."""
    block = lines[lo:hi]
    start = next((i for i, l in enumerate(block) if l.startswith(f"    {key}:")), None)
    if start is None:
        return False
    end = start + 1
    while end < len(block) and (block[end].startswith("      ") or block[end].strip() == ""):
        end += 1
    while end > start + 1 and block[end - 1].strip() == "":
        end -= 1
    mark = next((i for i in range(start + 1, end) if block[i].strip() == marker), None)
    cut = mark if mark is not None else end
    lines[lo + cut:lo + end] = ["      " + marker] + items
    if block[start].strip() == f"{key}: []":
        lines[lo + start] = f"    {key}:"
    return True
