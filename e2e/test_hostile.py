"""Corrupt, newer, hostile and oversized input: coach must keep files intact, stay inside the
workspace, print nothing raw, and neither crash nor hang."""
import json
import os
import re
import time
import unicodedata

import pytest

from conftest import has_raw_controls


def new_plan(ws, name="Acme", *more_lines):
    r = ws.run(stdin_text=ws.lines(f"new {name}", *more_lines))
    assert r.status == 0, r.stderr
    return r


def assert_no_crash(r):
    assert r.status >= 0, f"killed by signal {-r.status}"
    assert r.status not in (132, 133, 134, 135, 136, 139), f"crashed with status {r.status}"
    assert "Fatal error" not in r.stderr and "Stack dump" not in r.stderr, r.stderr[-2000:]


# --- corrupt plans ------------------------------------------------------------------------------

def _truncate(text: bytes) -> tuple[bytes, int | None]:
    return text[: len(text) // 2], None


def _trailing_comma(text: bytes) -> tuple[bytes, int | None]:
    body = text.rstrip()
    assert body.endswith(b"}")
    damaged = body[:-1].rstrip() + b",\n}\n"
    return damaged, damaged.count(b"\n")  # the closing brace's line


def _invalid_utf8(text: bytes) -> tuple[bytes, int | None]:
    damaged = text.replace(b'"name": "Acme"', b'"name": "Ac\xff\xfeme"', 1)
    assert damaged != text
    line = damaged[: damaged.index(b"\xff")].count(b"\n") + 1
    return damaged, line


CORRUPTIONS = {"truncated": _truncate, "trailing-comma": _trailing_comma, "invalid-utf8": _invalid_utf8}


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_corrupt_plan_is_reported_with_location_and_never_touched(ws, kind):
    new_plan(ws)
    path = ws.plan_path("acme")
    damaged, expected_line = CORRUPTIONS[kind](path.read_bytes())
    path.write_bytes(damaged)
    os.chmod(path, 0o600)
    ws.expect_invalid(path)

    r = ws.run(["show", "acme"])
    assert r.status == 65, (r.status, r.stderr)
    assert r.stdout == ""
    m = re.search(re.escape(str(path)) + r":(\d+):(\d+)", r.stderr)
    assert m, f"stderr names the file with :line:column: {r.stderr!r}"
    if expected_line is not None:
        assert int(m.group(1)) in (expected_line - 1, expected_line), (m.group(0), expected_line)
    assert path.read_bytes() == damaged

    # In a session: open fails with 65, an attempted change has nothing to change, and creating
    # a plan of the same name does not overwrite the damaged one.
    s = ws.run(stdin_text="open acme\nprofile\nA\nnew Acme\nlist\nquit\n")
    assert s.status != 0
    assert str(path) in s.stderr
    assert path.read_bytes() == damaged
    j = ws.run(["list", "--format", "json"])
    assert j.status == 65
    entry = json.loads(j.stdout)["plans"][0]
    assert entry["id"] == "acme" and "error" in entry
    assert path.read_bytes() == damaged
    assert sorted(n for n in os.listdir(ws.plans) if not n.startswith(".")) == ["acme.json"]


def test_plan_that_is_json_but_not_a_plan_is_65_and_kept(ws):
    new_plan(ws)
    path = ws.plan_path("acme")
    damaged = b'{"schemaVersion": 1, "id": "acme", "name": 42}\n'
    path.write_bytes(damaged)
    ws.expect_invalid(path)
    r = ws.run(["show", "acme"])
    assert r.status == 65 and str(path) in r.stderr
    ws.run(stdin_text="open acme\nprofile\nA\n")
    assert path.read_bytes() == damaged


def test_newer_schema_version_opens_read_only_and_is_never_rewritten(ws):
    new_plan(ws)
    path = ws.plan_path("acme")
    plan = json.loads(path.read_bytes())
    plan["schemaVersion"] = 3
    plan["fromTheFuture"] = {"keep": ["me"]}
    newer = (json.dumps(plan, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    path.write_bytes(newer)
    ws.expect_invalid(path)  # schemaVersion 3 is not what the published schema (v2) describes

    r = ws.run(stdin_text="open acme\nshow account\nprofile\nA\nundo\nstakeholders add Li Wei\nquit\n")
    assert "newer version" in r.stdout and "read-only" in r.stdout
    assert "Tier" in r.stdout, "show works on a read-only plan"
    assert "read-only" in r.stderr, "the change is refused with a message"
    assert r.status != 0
    assert path.read_bytes() == newer
    assert not (ws.plans / "acme.json.bak").exists()

    shown = ws.run(["show", "acme"])
    assert shown.status == 0
    assert path.read_bytes() == newer


# --- hostile names ------------------------------------------------------------------------------

HOSTILE_NAMES = {
    "dotdot-path": "../../evil",
    "absolute": "/etc/passwd",
    "hidden": ".hidden",
    "controls": "a\x01b\x1b[31mc\x7f",
    "chinese-300": "华" * 300,
    "dotdot": "..",
    "dots": "../..",
    "dot": ".",
    "slashes": "a/b/../../../c",
    "backslash": "..\\..\\evil",
    "nul": "nul\x00byte",
    "newline-ish": "x\u2028y\u0085z",
    "tilde": "~/evil",
}


@pytest.mark.parametrize("case", list(HOSTILE_NAMES))
def test_hostile_names_stay_inside_plans(ws, case):
    name = HOSTILE_NAMES[case]
    (ws.dir / "plans").mkdir(parents=True)
    before = ws.tree()
    r = ws.run(stdin_text=ws.lines(f"new {name}", f"open {name}", "show", f"open {name}", "list", "quit"))
    assert_no_crash(r)
    after = ws.tree()
    created = sorted(set(after) - set(before))
    plans_prefix = str(ws.plans) + os.sep
    # coach's own bookkeeping in the workspace: the list cache and the per-plan lock files.
    bookkeeping = {str(ws.dir / ".cache"), str(ws.dir / ".cache" / "digests.tsv"), str(ws.dir / ".locks")}
    locks_prefix = str(ws.dir / ".locks") + os.sep
    for path in created:
        if path.startswith(locks_prefix):
            base = os.path.basename(path)
            assert base.startswith(".") and base.endswith(".lock") and os.path.dirname(path) + os.sep == locks_prefix, path
            assert not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in base), repr(base)
    outside = [p for p in created if not p.startswith(plans_prefix) and p not in bookkeeping and not p.startswith(locks_prefix)]
    assert outside == [], f"files created outside plans/: {outside}"
    changed = [p for p in before if p in after and before[p] != after[p] and not p.startswith(plans_prefix) and p not in bookkeeping]
    assert changed == []
    created = [p for p in created if p.startswith(plans_prefix)]
    for path in created:
        base = os.path.basename(path)
        assert os.path.dirname(path) == str(ws.plans), f"nothing nested under plans/: {path}"
        assert not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in base), repr(base)
        assert len(base.encode()) <= 255
        if base.startswith("."):
            assert ".tmp-" in base, f"no hidden plan files: {base!r}"
    for plan_file in ws.plans.glob("*.json"):
        plan = json.loads(plan_file.read_bytes())
        assert plan_file.name == plan["id"] + ".json"
        assert ".." not in plan["id"] and "/" not in plan["id"] and not plan["id"].startswith(".")
    assert not (ws.base / "evil.json").exists() and not (ws.dir / "evil.json").exists()


def test_open_cannot_reach_a_plan_outside_the_workspace(ws):
    new_plan(ws, "Inside")
    outside = json.loads(ws.plan_path("inside").read_bytes())
    outside.update(id="outside", name="Outside")
    for folder in (ws.dir, ws.base):
        (folder / "outside.json").write_text(json.dumps(outside))
    for word in ("../outside", "../../outside", str(ws.dir / "outside.json"), str(ws.dir / "outside")):
        r = ws.run(stdin_text=f"open {word}\n")
        assert r.status == 66, (word, r.stdout, r.stderr)
        assert "Opened" not in r.stdout
        one_shot = ws.run(["show", word])
        assert one_shot.status == 66, (word, one_shot.stdout)


def test_a_symlinked_plan_is_never_written_through(ws):
    new_plan(ws, "Victim")
    target = ws.base / "elsewhere.json"
    target.write_bytes(ws.plan_path("victim").read_bytes())
    original = target.read_bytes()
    ws.plan_path("victim").unlink()
    ws.plan_path("victim").symlink_to(target)
    r = ws.run(stdin_text="open victim\nprofile\nA\ndone\nquit\n")
    assert_no_crash(r)
    assert target.read_bytes() == original, "the file the link points to is untouched"


def test_a_300_character_chinese_name_is_kept_whole(ws):
    name = "华" * 300
    r = new_plan(ws, name)
    files = list(ws.plans.glob("*.json"))
    assert len(files) == 1
    plan = json.loads(files[0].read_bytes())
    assert plan["name"] == name, "the name is stored in full; only the id is shortened"
    assert len(plan["id"].encode()) <= 96
    assert "Created" in r.stdout
    again = ws.run(stdin_text=f"open {name}\n")
    assert again.status == 0 and "Opened" in again.stdout


# --- escape sequences in answers ----------------------------------------------------------------

HOSTILE_TEXT = [
    "osc\x1b]0;pwned\x07title",
    "clear\x1b[2Jscreen",
    "csi\u009b31mred",
    "over\rwrite",
    "rtl\u202eevil.exe",
    "bell\x07and\x08backspace",
]


def test_escape_sequences_are_stored_faithfully_and_printed_visibly(ws):
    lines = ["new Evil\x1b[2JCorp", "discover initial-contact", HOSTILE_TEXT[0], HOSTILE_TEXT[1],
             *HOSTILE_TEXT[2:], "", "done", "show discovery", "show", "list"]
    r = ws.run(stdin_text=ws.lines(*lines))
    assert r.status == 0, r.stderr
    assert not has_raw_controls(r.out_bytes), _first_raw(r.out_bytes)
    assert not has_raw_controls(r.err_bytes), _first_raw(r.err_bytes)
    # Shown visibly, not dropped.
    assert "\\u{1B}]0;pwned\\u{07}title" in r.stdout
    assert "\\u{1B}[2Jscreen" in r.stdout
    assert "over\\rwrite" in r.stdout
    assert "\\u{9B}31mred" in r.stdout
    assert "\\u{202E}" in r.stdout

    plans = list(ws.plans.glob("*.json"))
    assert len(plans) == 1
    plan = json.loads(plans[0].read_bytes())
    assert plan["name"] == "Evil\x1b[2JCorp"
    answers = plan["discovery"]["initial-contact"]["answers"]
    assert answers["company-basics"] == HOSTILE_TEXT[0]
    assert answers["industry-background"] == HOSTILE_TEXT[1]
    assert answers["key-decision-makers"] == HOSTILE_TEXT[2:]

    # The one-shot commands print them safely too.
    for args in (["show", plan["id"]], ["list"], ["check", plan["id"]], ["list", "--format", "json"]):
        one = ws.run(args)
        assert one.status == 0, (args, one.stderr)
        assert not has_raw_controls(one.out_bytes), (args, _first_raw(one.out_bytes))
    listed = json.loads(ws.run(["list", "--format", "json"]).stdout)
    assert listed["plans"][0]["name"] == "Evil\x1b[2JCorp", "JSON output escapes, it does not mangle"


def test_hostile_text_in_error_messages_is_visible(ws):
    r = ws.run(stdin_text=ws.lines("\x1b]0;pwned\x07", "open \x1b[2J", "new Acme", "show \x1b[31m"))
    assert r.status != 0
    assert not has_raw_controls(r.err_bytes), _first_raw(r.err_bytes)
    assert not has_raw_controls(r.out_bytes), _first_raw(r.out_bytes)
    assert "\\u{1B}" in r.stderr


def _first_raw(data: bytes) -> str:
    text = data.decode("utf-8", "replace")
    for i, ch in enumerate(text):
        o = ord(ch)
        if (o < 0x20 and ch not in "\n\t") or o == 0x7F or 0x80 <= o <= 0x9F or 0x202A <= o <= 0x202E:
            return f"raw {unicodedata.name(ch, hex(o))} at {i}: {text[max(0, i - 40):i + 40]!r}"
    return ""


# --- invalid UTF-8 and huge lines ---------------------------------------------------------------

def test_invalid_utf8_on_stdin_becomes_replacement_characters(ws):
    data = (b"new Caf\xe9 \xff\n"
            b"discover initial-contact\n"
            b"bad \xc3\x28 bytes \xed\xa0\x80 here\n"
            b"\xf0\x9f\x98\n"
            b"done\n"
            b"\xff\xfe\n"
            b"show\n")
    r = ws.run(stdin_text=data)
    assert_no_crash(r)
    assert r.status == 64, "only the garbage command line failed"
    files = list(ws.plans.glob("*.json"))
    assert len(files) == 1
    plan = json.loads(files[0].read_bytes())
    assert plan["name"].startswith("Caf\ufffd")
    answers = plan["discovery"]["initial-contact"]["answers"]
    assert answers["company-basics"].startswith("bad \ufffd(")
    assert "\ufffd" in answers["industry-background"]
    files[0].read_bytes().decode("utf-8")  # the file itself is valid UTF-8
    assert "\ufffd" in r.stdout


TWO_MB = 2 * 1024 * 1024


def test_a_2mb_answer_is_recorded(ws):
    big = "y" * TWO_MB
    r = ws.run(stdin_text=ws.lines("new Acme", "discover initial-contact", big, "done", "show discovery"), timeout=60)
    assert_no_crash(r)
    answer = ws.plan("acme")["discovery"].get("initial-contact", {}).get("answers", {}).get("company-basics")
    if answer is None:
        assert r.stderr.strip(), "refused with a message"
    else:
        assert answer == big
        assert r.status == 0, r.stderr[:500]


def test_a_2mb_plan_name_and_open(ws):
    big = "z" * TWO_MB
    r = ws.run(stdin_text=ws.lines(f"new {big}", f"open {big}", "quit"), timeout=60)
    assert_no_crash(r)
    files = list(ws.plans.glob("*.json"))
    if files:
        assert json.loads(files[0].read_bytes())["name"] == big
    else:
        assert r.stderr.strip()
    missing = ws.run(stdin_text=ws.lines(f"open {'q' * TWO_MB}"), timeout=60)
    assert missing.status == 66


def test_a_2mb_unknown_command_is_refused_without_hanging(ws):
    # A hang guard, not a speed test (make bench measures speed): anything worse than linear
    # over 2 MB runs for minutes, far past the timeout, which a loaded machine stays well under.
    r = ws.run(stdin_text=ws.lines("x" * TWO_MB, "new Acme"), timeout=30)
    assert r.status == 64
    assert ws.plan_path("acme").exists()


# --- unknown keys -------------------------------------------------------------------------------

def test_unknown_keys_survive_changes_and_saves(ws):
    new_plan(ws, "Acme", "stakeholders add Li Wei", "CTO", "done")
    path = ws.plan_path("acme")
    plan = json.loads(path.read_bytes())
    plan["fromTheFuture"] = {"nested": [1, "two", {"three": None}], "flag": True}
    plan["zzLast"] = "kept"
    plan["stakeholders"][0]["mood"] = "optimistic"
    plan["stakeholders"][0]["futureScores"] = {"trust": 4}
    plan["account"]["futureAccountField"] = 7
    plan["negotiation"]["futureNegotiationField"] = ["x"]
    path.write_text(json.dumps(plan, indent=2, ensure_ascii=False))

    r = ws.run(stdin_text=ws.lines("open acme", "stakeholders edit Li Wei", "final", "done",
                                   "profile", "A", "done", "quit"))
    assert r.status == 0, r.stderr
    after = ws.plan("acme")
    assert after["account"]["tier"] == "A", "the change was saved"
    assert after["stakeholders"][0]["role"] == "final"
    assert after["fromTheFuture"] == plan["fromTheFuture"]
    assert after["zzLast"] == "kept"
    assert after["stakeholders"][0]["mood"] == "optimistic"
    assert after["stakeholders"][0]["futureScores"] == {"trust": 4}
    assert after["account"]["futureAccountField"] == 7
    assert after["negotiation"]["futureNegotiationField"] == ["x"]
    # Still sorted keys and pretty-printed, as the format promises.
    text = path.read_text()
    assert list(json.loads(text)) == sorted(json.loads(text))
    assert text.startswith("{\n  \"")


# --- a permissive umask ------------------------------------------------------------------------

@pytest.mark.parametrize("mask", [0o000, 0o022])
def test_private_files_whatever_the_umask(ws, mask):
    """Plans are confidential: folders 0700, files 0600 even when the user's umask allows more.
    (Set in the child only: the test process's own umask is never changed.)"""
    import subprocess
    script = ws.lines("new Acme", "actions add Call the CFO", "actions add Send the TCO model", "quit")
    done = subprocess.run(ws.argv(), input=script, capture_output=True, env=ws.env(), cwd=ws.base,
                          timeout=60, preexec_fn=lambda: os.umask(mask))
    assert done.returncode == 0, done.stderr
    assert (ws.plans / "acme.json.bak").exists()
    for path in [ws.dir, ws.plans]:
        assert path.stat().st_mode & 0o777 == 0o700, path
    for path in ws.plans.iterdir():
        if path.is_file():
            assert path.stat().st_mode & 0o777 == 0o600, path
