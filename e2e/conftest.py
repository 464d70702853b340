"""Shared fixtures for the end-to-end, pseudo-terminal and failure-injection suites.

They run the built `coach` binary — `$COACH_BIN`, default `.build/debug/coach` (what `make test`
builds) — in a fresh temporary workspace per test, with `HOME`, the history file and the locale
under the test's control. After every test, every plan the program left in a workspace's
`plans/` folder (and every `.bak` previous version) is validated against
`schema/account-plan.schema.json` with `jsonschema` (Draft 2020-12); a file still in the
version-1 format (a plan no session has opened for writing yet, the original kept as
`<id>.v1.json` when coach migrated it, or a `.bak` of it) against `schema/account-plan.v1.schema.json`.

Helpers:
- `ws` (fixture): a `Workspace` with `run(args, stdin_text, env)` → `Result(status, stdout, stderr)`
  and `session()` → `LiveSession`, a batch session whose standard input stays open.
- `LiveSession.send(...)` waits until coach has handled every line sent and is blocked reading
  standard input again (from `/proc/PID/syscall`), so tests never sleep for output.
- `tmpfs` (fixture): a small tmpfs mounted for the test (root only; skipped otherwise).

Every run is pinned to `PINNED_NOW` through `COACH_NOW` (see below).
"""
from __future__ import annotations

import array
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import termios
import time
from pathlib import Path
from typing import NamedTuple

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "schema" / "account-plan.schema.json"
SCHEMA_V1_PATH = ROOT / "schema" / "account-plan.v1.schema.json"


def _binary() -> Path:
    value = os.environ.get("COACH_BIN", ".build/debug/coach")
    path = Path(value)
    if not path.is_absolute():
        # Relative to the working directory if it is there, else to the repository.
        path = path.resolve() if path.exists() else ROOT / path
    return path


COACH = _binary()

# Every run of coach in these suites happens at this moment (`COACH_NOW`), so what the tests
# assert ("overdue 5 d", the actions CSV's `overdue` column, "updated 3 days ago") is the same on
# any day and in any time zone. A test that needs another moment passes its own COACH_NOW; one
# that needs the real clock passes `COACH_NOW: None`.
PINNED_NOW = "2026-11-23T09:00:00Z"

# Variables that would leak the developer's settings into a test.
_SCRUBBED = ("LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANGUAGE", "NO_COLOR", "TERM", "EDITRC",
             "COLUMNS", "LINES", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME")


def pytest_sessionstart(session):
    if not COACH.is_file() or not os.access(COACH, os.X_OK):
        raise pytest.UsageError(
            f"coach binary not found at {COACH}. Build it first (`swift build`), or point COACH_BIN at one "
            "(e.g. COACH_BIN=.build-e2e/debug/coach after `swift build --scratch-path .build-e2e`).")


# --------------------------------------------------------------------------------------------
# Plan validation

_VALIDATORS: dict[int, jsonschema.protocols.Validator] = {}


def validator(version: int = 2) -> jsonschema.protocols.Validator:
    """The validator of the published plan format `version` (2, the current one, or 1)."""
    if version not in _VALIDATORS:
        path = SCHEMA_V1_PATH if version == 1 else SCHEMA_PATH
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        _VALIDATORS[version] = jsonschema.Draft202012Validator(schema)
    return _VALIDATORS[version]


def validate_plan_file(path: Path) -> dict:
    """Parses a plan file strictly (UTF-8, JSON) and validates it; returns the plan."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise AssertionError(f"{path}: not UTF-8: {e}") from None
    try:
        plan = json.loads(text)
    except json.JSONDecodeError as e:
        raise AssertionError(f"{path}: not JSON: {e}") from None
    version = 1 if isinstance(plan, dict) and plan.get("schemaVersion") == 1 else 2
    errors = sorted(validator(version).iter_errors(plan), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{path}: {len(errors)} schema error(s):"]
        for e in errors[:10]:
            where = "/".join(str(p) for p in e.absolute_path) or "(root)"
            lines.append(f"  at {where}: {e.message[:300]}")
        raise AssertionError("\n".join(lines))
    return plan


def plan_files(plans_dir: Path) -> list[Path]:
    """Plan files a workspace holds: `*.json` and the `*.json.bak` previous versions."""
    if not plans_dir.is_dir():
        return []
    return sorted(p for p in plans_dir.iterdir()
                  if p.is_file() and not p.name.startswith(".")
                  and (p.name.endswith(".json") or p.name.endswith(".json.bak")))


def temp_files(plans_dir: Path) -> list[str]:
    """Temp files left by an interrupted save (`.NAME.tmp-PID-N`)."""
    if not plans_dir.is_dir():
        return []
    return sorted(n for n in os.listdir(plans_dir) if ".tmp-" in n)


# --------------------------------------------------------------------------------------------
# Running coach


class Result(NamedTuple):
    status: int
    stdout: str
    stderr: str

    # stdout/stderr are decoded with surrogateescape, so the exact bytes come back from these.
    @property
    def out_bytes(self) -> bytes:
        return self.stdout.encode("utf-8", "surrogateescape")

    @property
    def err_bytes(self) -> bytes:
        return self.stderr.encode("utf-8", "surrogateescape")


def decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def encode(text: str | bytes | None) -> bytes | None:
    if text is None or isinstance(text, bytes):
        return text
    return text.encode("utf-8", "surrogateescape")


_LIVE_WORKSPACES: list["Workspace"] = []


class Workspace:
    """A fresh temporary world for one test: workspace, HOME, history file, environment."""

    def __init__(self, base: Path):
        self.base = base
        self.home = base / "home"
        self.dir = base / "ws"
        self.history = base / "state" / "history"
        self.home.mkdir(parents=True, exist_ok=True)
        self.unvalidated: set[Path] = set()
        _LIVE_WORKSPACES.append(self)

    @property
    def plans(self) -> Path:
        return self.dir / "plans"

    def env(self, extra: dict | None = None, unset: tuple[str, ...] = ()) -> dict:
        """The environment coach runs with: no locale, no NO_COLOR, a private HOME."""
        env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED and not k.startswith("COACH_")}
        env["HOME"] = str(self.home)
        env["COACH_HISTORY"] = str(self.history)
        env["COACH_NOW"] = PINNED_NOW
        env.setdefault("PATH", "/usr/bin:/bin")
        for key, value in (extra or {}).items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        for key in unset:
            env.pop(key, None)
        return env

    def argv(self, args=(), workspace: bool = True) -> list[str]:
        return [str(COACH)] + (["--workspace", str(self.dir)] if workspace else []) + [str(a) for a in args]

    def run(self, args=(), stdin_text: str | bytes | None = "", env: dict | None = None,
            timeout: float = 60, workspace: bool = True) -> Result:
        """Runs coach once; `stdin_text` is piped in (str or bytes). Returns (status, stdout, stderr)."""
        try:
            done = subprocess.run(self.argv(args, workspace), input=encode(stdin_text) or b"",
                                  capture_output=True, env=self.env(env), timeout=timeout, cwd=self.base)
        except subprocess.TimeoutExpired as e:
            raise AssertionError(f"coach {list(args)} did not finish within {timeout}s (hang?); "
                                 f"stdout tail: {decode(e.stdout or b'')[-500:]!r}") from None
        return Result(done.returncode, decode(done.stdout), decode(done.stderr))

    def lines(self, *lines: str | bytes) -> bytes:
        """Input lines joined with newlines (str or bytes each)."""
        return b"".join(encode(line) + b"\n" for line in lines)

    def session(self, args=(), env: dict | None = None) -> "LiveSession":
        return LiveSession(self.argv(args), self.env(env), cwd=self.base)

    def plan_path(self, plan_id: str) -> Path:
        return self.plans / f"{plan_id}.json"

    def plan(self, plan_id: str) -> dict:
        return validate_plan_file(self.plan_path(plan_id))

    def expect_invalid(self, path: Path):
        """A file the test damaged on purpose: not validated at teardown."""
        self.unvalidated.add(Path(path))

    def validate_all(self):
        for path in plan_files(self.plans):
            if path in self.unvalidated or Path(str(path).removesuffix(".bak")) in self.unvalidated:
                continue
            validate_plan_file(path)

    def tree(self) -> dict[str, bytes | None]:
        """Every path under the test's base folder (files with their bytes, folders as None)."""
        out: dict[str, bytes | None] = {}
        for dirpath, dirnames, filenames in os.walk(self.base):
            for d in dirnames:
                out[os.path.join(dirpath, d)] = None
            for f in filenames:
                p = os.path.join(dirpath, f)
                out[p] = Path(p).read_bytes() if os.path.isfile(p) and not os.path.islink(p) else b"<special>"
        return out


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace(tmp_path)


@pytest.fixture(autouse=True)
def _validate_every_plan():
    """After every test: every plan left in any workspace it used matches the published schema."""
    _LIVE_WORKSPACES.clear()
    yield
    workspaces = list(_LIVE_WORKSPACES)
    _LIVE_WORKSPACES.clear()
    for w in workspaces:
        w.validate_all()


# --------------------------------------------------------------------------------------------
# A session with an open standard input


def _pipe_bytes(fd: int) -> int:
    buf = array.array("i", [0])
    fcntl.ioctl(fd, termios.FIONREAD, buf)
    return buf[0]


class LiveSession:
    """coach reading commands from a pipe that stays open, so a test can act between lines.

    `send()` writes lines and returns once coach has handled all of them: its main thread is
    blocked in read(0) and nothing is left in the pipe. No sleeps, no output sentinels.
    """

    def __init__(self, argv: list[str], env: dict, cwd: Path):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env, cwd=cwd)
        self.out = bytearray()
        self.err = bytearray()
        self._out_mark = 0
        self._err_mark = 0
        self._open = {self.proc.stdout.fileno(): self.out, self.proc.stderr.fileno(): self.err}
        for fd in self._open:
            os.set_blocking(fd, False)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _drain(self, wait: float = 0.0):
        if not self._open:
            if wait:
                time.sleep(wait)
            return
        ready, _, _ = select.select(list(self._open), [], [], wait)
        for fd in ready:
            while True:
                try:
                    chunk = os.read(fd, 65536)
                except BlockingIOError:
                    break
                if not chunk:
                    del self._open[fd]
                    break
                self._open[fd].extend(chunk)

    def _waiting_for_input(self) -> bool:
        try:
            fields = Path(f"/proc/{self.pid}/syscall").read_text().split()
        except (FileNotFoundError, ProcessLookupError):
            return False
        except PermissionError:
            pytest.skip("this machine does not let a test read /proc/PID/syscall of its own child")
        # "0 0x0 …" = blocked in read() on fd 0; and nothing unread in the pipe.
        return fields[:2] == ["0", "0x0"] and _pipe_bytes(self.proc.stdin.fileno()) == 0

    def wait_idle(self, timeout: float = 30):
        deadline = time.monotonic() + timeout
        while True:
            self._drain(0.002)
            if self.proc.poll() is not None:
                self._drain_to_end()
                return
            if self._waiting_for_input():
                self._drain(0)
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"coach did not come back for input within {timeout}s; "
                                     f"stdout tail {decode(bytes(self.out[-400:]))!r}")

    def wait_for(self, predicate, timeout: float = 30, what: str = "output"):
        """Reads output until `predicate(stdout_bytes)` holds (or coach exits); returns whether it held."""
        deadline = time.monotonic() + timeout
        while not predicate(bytes(self.out)):
            if self.proc.poll() is not None:
                self._drain_to_end()
                return predicate(bytes(self.out))
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {timeout}s for {what}; stdout tail {decode(bytes(self.out[-400:]))!r}")
            self._drain(0.001)
        return True

    def _drain_to_end(self, timeout: float = 30):
        deadline = time.monotonic() + timeout
        while self._open and time.monotonic() < deadline:
            self._drain(0.05)

    def write(self, *lines: str | bytes):
        data = b"".join(encode(line) + b"\n" for line in lines)
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, *lines: str | bytes, timeout: float = 30) -> tuple[str, str]:
        """Sends lines, waits until they are handled; returns (new stdout, new stderr)."""
        self.write(*lines)
        self.wait_idle(timeout)
        return self.take()

    def take(self) -> tuple[str, str]:
        out = decode(bytes(self.out[self._out_mark:]))
        err = decode(bytes(self.err[self._err_mark:]))
        self._out_mark = len(self.out)
        self._err_mark = len(self.err)
        return out, err

    def close(self, timeout: float = 30) -> int:
        """Closes standard input (end of input) and returns the exit status."""
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None:
            self._drain(0.02)
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"coach did not exit within {timeout}s after end of input")
        self._drain_to_end()
        return self.proc.returncode

    def wait_exit(self, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None:
            self._drain(0.02)
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"coach did not exit within {timeout}s")
        self._drain_to_end()
        return self.proc.returncode

    def kill(self, sig: int = signal.SIGKILL):
        if self.proc.poll() is None:
            try:
                os.kill(self.proc.pid, sig)
            except ProcessLookupError:
                pass

    def cleanup(self):
        self.kill()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                stream.close()
            except Exception:
                pass


@pytest.fixture
def sessions():
    """Starts LiveSessions and makes sure none outlives the test."""
    started: list[LiveSession] = []

    def start(workspace: Workspace, args=(), env=None) -> LiveSession:
        s = workspace.session(args, env)
        started.append(s)
        return s

    yield start
    for s in started:
        s.cleanup()


# --------------------------------------------------------------------------------------------
# A small tmpfs


class Mount:
    def __init__(self, path: Path, spare: Path):
        self.path = path
        self._spare = spare
        self.mounted = True

    def make_read_only(self):
        """Makes the mount read-only, even while coach holds its lock file open for writing.

        `mount -o remount,ro` is refused (EBUSY) while any file on the file system is open for
        writing — and an open plan's lock file is. So a read-only bind of the same tmpfs is put
        in its place: paths now lead to a read-only view, while the session's open descriptors
        (its lock) stay on the detached read-write mount.
        """
        if subprocess.run(["mount", "-o", "remount,ro", str(self.path)], capture_output=True).returncode == 0:
            return
        self._spare.mkdir(exist_ok=True)
        for cmd in (["mount", "--bind", str(self.path), str(self._spare)],
                    ["mount", "-o", "remount,bind,ro", str(self._spare)],
                    ["umount", "-l", str(self.path)],
                    ["mount", "--bind", str(self._spare), str(self.path)],
                    ["mount", "-o", "remount,bind,ro", str(self.path)],
                    ["umount", str(self._spare)]):
            done = subprocess.run(cmd, capture_output=True, text=True)
            assert done.returncode == 0, f"{' '.join(cmd)} failed: {done.stderr}"

    def unmount(self):
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.path)], capture_output=True)
            subprocess.run(["umount", "-l", str(self._spare)], capture_output=True)
            self.mounted = False


@pytest.fixture
def tmpfs(tmp_path):
    """A 64 KiB tmpfs; yields a factory `make(size="64k") -> Mount` (root only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (not root here)")
    if shutil.which("mount") is None:
        pytest.skip("no mount(8) on this machine")
    mounts: list[Mount] = []

    def make(size: str = "64k") -> Mount:
        path = tmp_path / f"mnt{len(mounts)}"
        path.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        m = Mount(path, tmp_path / f"spare{len(mounts)}")
        mounts.append(m)
        return m

    yield make
    try:
        # Validate plans on the mounts now: the autouse check runs after they are gone.
        for w in list(_LIVE_WORKSPACES):
            if any(str(w.dir).startswith(str(m.path) + "/") for m in mounts):
                _LIVE_WORKSPACES.remove(w)
                w.validate_all()
    finally:
        for m in mounts:
            m.unmount()


def tmpfs_workspace(tmp_path: Path, mount: Mount) -> Workspace:
    """A Workspace whose plans live on the mount (HOME and history stay on the normal disk)."""
    w = Workspace(tmp_path)
    w.dir = mount.path / "ws"
    return w


# --------------------------------------------------------------------------------------------
# Small helpers

def has_raw_controls(data: bytes) -> bool:
    """True if bytes hold ESC, BEL, CR, a C1 control (UTF-8 or raw) or a bidi override."""
    text = data.decode("utf-8", "replace")
    for ch in text:
        o = ord(ch)
        if (o < 0x20 and ch not in "\n\t") or o == 0x7F or 0x80 <= o <= 0x9F or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069:
            return True
    return False
