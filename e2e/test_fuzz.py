"""Fuzzing the built binary (issue 11): seeded, bounded, reproducible.

1. Sessions: batch sessions generated from the real command words, walk answers and hostile
   tokens, several per workspace so later sessions meet what earlier ones wrote. Each must end
   (no hang) with an exit status below 128 (no crash), and every plan and backup in the
   workspace must match the published schema.
2. Concurrency: several writer processes add actions to one plan while others list it and one
   keeps deleting the lock folder; every action a writer was told was added is on disk.

`make test` runs each for a few seconds of a fixed seed; `make fuzz` runs them for
FUZZ_SECONDS (default 1800) with a fresh seed. A failure prints the seed and the session, so
`FUZZ_SEED=... FUZZ_SECONDS=...` replays it.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import threading
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import Workspace, validate_plan_file

SEED = int(os.environ.get("FUZZ_SEED", "11"))
SECONDS = float(os.environ.get("FUZZ_SECONDS", "25"))
CONCURRENCY_SECONDS = float(os.environ.get("FUZZ_CONCURRENCY_SECONDS", str(min(max(SECONDS / 3, 8), 300))))
SESSION_TIMEOUT = 30

COMMANDS = ["new", "open", "close", "list", "show", "check", "profile", "stakeholders", "discover", "questions",
            "objection", "negotiate", "actions", "undo", "export", "drill", "report", "learn", "quiz",
            "playbook", "help",
            "meeting", "debrief"]
ARGUMENTS = {
    "show": ["", "account", "negotiation", "stakeholders", "discovery", "actions", "objections", "questions"],
    "stakeholders": ["", "add Li Wei", "add 王总", "edit Li Wei", "remove Li Wei", "map", "remove 1"],
    "discover": ["", "initial-contact", "in-depth-interview", "needs-confirmation", "solution-matching"],
    "questions": ["", "add", "remove 1", "list"],
    "objection": ["", "price", "1", "resolve 1", "reopen 1", "remove 1", "list"],
    "negotiate": ["", "goals", "batna", "interests", "concessions", "team"],
    "actions": ["", "add call back", "add 寄送方案 --due 2026-12-15", "done 1", "undone 1", "remove 1", "done 99"],
    "export": ["--format md", "--format json", "--format csv", "--format html", "--format xml"],
    "drill": ["", "price-cheaper-competitor", "list"],
    "report": [""],
    "learn": ["", "key-accounts", "needs-hierarchy"],
    "quiz": [""],
    "playbook": ["validate", "list"],
    "help": ["", "negotiate", "nosuch"],
    "check": [""], "list": [""], "close": [""], "undo": [""], "profile": [""],
    "meeting": ["", "new", "list", "1", "2", "remove 1", "frob"],
    "debrief": ["", "1", "2"],
}
NAMES = ["Acme", "acme", "ACME  corp", "华东电力", "Café", unicodedata.normalize("NFD", "Café"), "Race", "x"]
WALK_WORDS = ["1", "2", "3", "4", "5", "0", "6", "skip", "back", "done", "?", "", "clear", "yes", "no",
              "12万", "$1.2m", "120,000 CNY", "1.5亿", "36", "-5", "2026-12-15", "2026-02-30", "CTO", "price",
              "free training", "They are cheaper.", "Li Wei", "a b", "higher", "lower", "core", "flexible"]
Z300, Z308 = "0" * 300, "0" * 308
HOSTILE = ["1" + Z300 + "b", "1" + Z300 + "亿", "1" + Z308, "-1" + Z308, "1e19", "1e308", "NaN", "inf", "-0",
           "9" * 40, "0." + "0" * 400 + "1", "../../pwned", "/etc/passwd", ".", "..", "\x1b[31mred", "a\x00b",
           "\u202eevil", "'", '"', '"unclosed', "\\", "%s%n", "x" * 5000, "华" * 400, "\t", " ", "e\u0301",
           "\ufeff", "\u2028", "--help", "--workspace /tmp", "-x", "🙂" * 50]


def token(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(WALK_WORDS)
    if roll < 0.8:
        return rng.choice(HOSTILE)
    return rng.choice(NAMES)


def command_line(rng: random.Random) -> str:
    word = rng.choice(COMMANDS)
    if word in ("new", "open"):
        return f"{word} {rng.choice(NAMES + HOSTILE[:8])}"
    arg = rng.choice(ARGUMENTS.get(word, [""]))
    if rng.random() < 0.15:
        arg = (arg + " " + rng.choice(HOSTILE)).strip()
    return f"{word} {arg}".strip()


def session_script(rng: random.Random) -> list[str]:
    lines = [f"{rng.choice(['new', 'open'])} {rng.choice(NAMES[:5])}"]
    for _ in range(rng.randint(1, 12)):
        lines.append(command_line(rng))
        lines.extend(token(rng) for _ in range(rng.randint(0, 10)))
    if rng.random() < 0.7:
        lines.append("quit")
    return lines


def file_trick(ws: Workspace, rng: random.Random) -> str:
    """A change made between sessions, as a shared folder or a git pull could: plans stay
    schema-valid (their id may name another plan), the bookkeeping may be gone or garbage."""
    plans = sorted((ws.dir / "plans").glob("*.json")) if (ws.dir / "plans").is_dir() else []
    trick = rng.choice(["id", "mode", "locks", "cache", "touch"])
    if trick == "id" and len(plans) >= 2:
        a, b = rng.sample(plans, 2)
        plan = json.loads(a.read_bytes())
        plan["id"] = b.name.removesuffix(".json")
        a.write_text(json.dumps(plan, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    elif trick == "mode" and plans:
        os.chmod(rng.choice(plans), 0o644)
    elif trick == "locks":
        shutil.rmtree(ws.dir / ".locks", ignore_errors=True)
    elif trick == "cache" and (ws.dir / ".cache").is_dir():
        (ws.dir / ".cache" / "digests.tsv").write_text(rng.choice(["coach-digests\t1\tx\n", "P\tacme\t1\n", "", "coach-digests\t1\n\tI\taction\n"]))
    elif trick == "touch" and plans:
        os.utime(rng.choice(plans), (1, 1))
    return trick


def run_session(ws: Workspace, lines: list[str], args=()) -> subprocess.CompletedProcess:
    data = b"".join(line.encode("utf-8", "surrogatepass") + b"\n" for line in lines)
    return subprocess.run(ws.argv(["--batch", *args]), input=data, capture_output=True, env=ws.env(), cwd=ws.base,
                          timeout=SESSION_TIMEOUT)


def check_workspace(ws: Workspace, context: str):
    plans = ws.dir / "plans"
    if not plans.is_dir():
        return
    for path in sorted(plans.iterdir()):
        if path.name.endswith(".json") or path.name.endswith(".json.bak"):
            try:
                validate_plan_file(path)
            except AssertionError as e:
                raise AssertionError(f"{context}\n{e}") from None


def test_fuzzed_sessions_never_crash_hang_or_write_an_invalid_plan(tmp_path):
    rng = random.Random(SEED)
    deadline = time.monotonic() + SECONDS
    sessions = workspaces = 0
    while time.monotonic() < deadline:
        base = tmp_path / f"w{workspaces}"
        base.mkdir()
        ws = Workspace(base)
        workspaces += 1
        history: list[list[str]] = []
        for _ in range(rng.randint(1, 4)):
            if history and rng.random() < 0.2:
                history.append([f"<file trick: {file_trick(ws, rng)}>"])
            lines = session_script(rng)
            history.append(lines)
            lang = ["--lang", "zh"] if rng.random() < 0.3 else []
            context = f"seed {SEED}, workspace {workspaces}, sessions so far in it:\n" + "\n---\n".join(
                "\n".join(repr(x)[:120] for x in h) for h in history)
            try:
                done = run_session(ws, lines, lang)
            except subprocess.TimeoutExpired:
                raise AssertionError(f"hang (> {SESSION_TIMEOUT}s)\n{context}") from None
            sessions += 1
            stderr = done.stderr.decode("utf-8", "replace")
            assert 0 <= done.returncode < 128, f"exit {done.returncode}\n{stderr[-1500:]}\n{context}"
            assert "Fatal error" not in stderr and "Stack dump" not in stderr, f"{stderr[-1500:]}\n{context}"
            check_workspace(ws, context)
        shutil.rmtree(base, ignore_errors=True)
    print(f"fuzz: seed {SEED}, {sessions} sessions in {workspaces} workspaces, {SECONDS:.0f}s")
    assert sessions > 0


def test_concurrent_writers_never_lose_an_acknowledged_answer(tmp_path):
    ws = Workspace(tmp_path)
    assert run_session(ws, ["new Acme"]).returncode == 0
    stop = time.monotonic() + CONCURRENCY_SECONDS
    acknowledged: list[str] = []
    failures: list[str] = []
    lock = threading.Lock()

    def writer(n: int):
        k = 0
        while time.monotonic() < stop:
            k += 1
            text = f"w{n}-{k}"
            try:
                done = run_session(ws, ["open acme", f"actions add {text}", "quit"])
            except subprocess.TimeoutExpired:
                failures.append(f"writer {n} hung")
                return
            out = done.stdout.decode()
            if done.returncode >= 128:
                failures.append(f"writer {n} exit {done.returncode}")
            if "Added action" in out:
                with lock:
                    acknowledged.append(text)

    def reader():
        while time.monotonic() < stop:
            for args in (["list"], ["show", "acme"]):
                done = subprocess.run(ws.argv(args), capture_output=True, env=ws.env(), cwd=ws.base, timeout=SESSION_TIMEOUT)
                if done.returncode >= 128:
                    failures.append(f"{args} exit {done.returncode}")

    def lock_deleter():
        rng = random.Random(SEED)
        while time.monotonic() < stop:
            time.sleep(rng.uniform(0.01, 0.2))
            shutil.rmtree(ws.dir / ".locks", ignore_errors=True)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    threads += [threading.Thread(target=reader), threading.Thread(target=lock_deleter)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    plan = validate_plan_file(ws.plan_path("acme"))
    on_disk = {a["text"] for a in plan.get("actions", [])}
    missing = [t for t in acknowledged if t not in on_disk]
    print(f"concurrency: {len(acknowledged)} acknowledged, {len(on_disk)} on disk, {CONCURRENCY_SECONDS:.0f}s")
    assert acknowledged, "no writer got through in the time"
    assert missing == [], f"acknowledged but not on disk: {missing}"
