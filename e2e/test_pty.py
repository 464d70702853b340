"""The line editor on a pseudo-terminal (pexpect): Tab completion, history across restarts,
Ctrl-R, Ctrl-C, Ctrl-D, Chinese input with Backspace when no locale is set, and walks.

Every key is sent only after the prompt it belongs to is on the screen; checks look at what the
keys did (the command that ran, the plan on disk) rather than at cursor-movement sequences."""
import io
import json
import re
import stat

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect is not installed")

from conftest import COACH  # noqa: E402

TOP = "coach› "
WALK = "  › "
UP, CTRL_C, CTRL_D, CTRL_R, BACKSPACE, TAB = "\x1b[A", "\x03", "\x04", "\x12", "\x7f", "\t"
SGR = re.compile(r"\x1b\[[0-9;]*m")


def plan_prompt(name: str) -> str:
    return f"coach({name})› "


class Term:
    """coach on a pseudo-terminal with a private HOME, history file and no locale."""

    def __init__(self, ws, env=None, args=()):
        self.ws = ws
        self.log = io.StringIO()
        full_env = ws.env({"TERM": "xterm", "EDITRC": "/dev/null", **(env or {})})
        self.child = pexpect.spawn(str(COACH), ws.argv(args)[1:], env=full_env, cwd=str(ws.base),
                                   encoding="utf-8", codec_errors="replace", timeout=20, dimensions=(40, 120))
        self.child.logfile_read = self.log

    def expect(self, text: str, timeout: float = 20):
        try:
            self.child.expect_exact(text, timeout=timeout)
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            raise AssertionError(f"waited for {text!r}; screen so far:\n{self.log.getvalue()[-3000:]}") from e

    def send(self, keys: str):
        self.child.send(keys)

    def line(self, text: str, then: str | None = None):
        """Types a line and presses Enter; waits for `then` (a prompt) if given."""
        self.child.send(text + "\r")
        if then:
            self.expect(then)

    def since(self, mark: int) -> str:
        return self.log.getvalue()[mark:]

    def mark(self) -> int:
        return len(self.log.getvalue())

    def end(self, timeout: float = 20) -> int:
        try:
            self.child.expect(pexpect.EOF, timeout=timeout)
        except pexpect.TIMEOUT as e:
            raise AssertionError(f"coach did not exit; screen:\n{self.log.getvalue()[-3000:]}") from e
        self.child.close()
        assert self.child.signalstatus is None, f"killed by signal {self.child.signalstatus}"
        return self.child.exitstatus

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)


@pytest.fixture
def term(ws):
    opened: list[Term] = []

    def start(env=None, args=()) -> Term:
        t = Term(ws, env, args)
        opened.append(t)
        t.expect(TOP)
        return t

    yield start
    for t in opened:
        t.close()


def seed_plans(ws, *names):
    r = ws.run(stdin_text=ws.lines(*[f"new {n}" for n in names]))
    assert r.status == 0, r.stderr


# --- Tab ------------------------------------------------------------------------------------------

def test_tab_completes_a_command_word(ws, term):
    seed_plans(ws, "Acme")
    t = term()
    t.line("open acme", then=plan_prompt("Acme"))
    t.send("sh" + TAB)
    t.expect("ow ")  # the rest of the word, inserted by the completion
    mark = t.mark()
    t.line("account", then=plan_prompt("Acme"))
    out = t.since(mark)
    assert "Tier" in out, "`sh⇥account` ran `show account`"
    assert "Unknown command" not in out
    t.send(CTRL_D)
    assert t.end() == 0


def test_tab_completes_a_plan_id_and_lists_choices(ws, term):
    seed_plans(ws, "Acme", "Acorn", "Beta")
    t = term()
    t.send("open b" + TAB)  # plans complete to their display names, in any case
    t.expect("Beta ")
    t.line("", then=plan_prompt("Beta"))
    t.line("close", then=TOP)
    t.send("open a" + TAB)  # common prefix: "Ac"
    t.expect("Ac")
    mark = t.mark()
    t.send(TAB)  # two candidates: listed
    t.expect("Acorn")
    assert "Acme" in t.since(mark)
    t.send("o" + TAB)
    t.expect("rn ")
    t.line("", then=plan_prompt("Acorn"))
    t.send(CTRL_D)
    assert t.end() == 0


# --- history --------------------------------------------------------------------------------------

def test_up_arrow_recalls_history_after_a_restart(ws, term):
    seed_plans(ws, "Acme")
    first = term()
    first.line("show acme account", then=TOP)
    first.line("open acme", then=plan_prompt("Acme"))
    first.send(CTRL_D)
    assert first.end() == 0

    history = ws.history
    assert history.exists(), "history is saved on exit"
    assert stat.S_IMODE(history.stat().st_mode) == 0o600
    assert stat.S_IMODE(history.parent.stat().st_mode) == 0o700
    assert b"open" in history.read_bytes()

    second = term()
    mark = second.mark()
    second.send(UP)
    second.expect("open acme")
    second.line("", then=plan_prompt("Acme"))
    assert "Opened" in second.since(mark), "Up then Enter ran the last line of the previous run"
    second.send(CTRL_D)
    assert second.end() == 0


def test_ctrl_r_finds_an_earlier_line(ws, term):
    seed_plans(ws, "Acme")
    t = term()
    t.line("open acme", then=plan_prompt("Acme"))
    t.line("show stakeholders", then=plan_prompt("Acme"))
    t.line("show account", then=plan_prompt("Acme"))
    t.line("help", then=plan_prompt("Acme"))
    mark = t.mark()
    t.send(CTRL_R)
    t.send("stakeh")
    t.expect("stakeholders")  # the match is drawn in pieces (cursor moves), so look for the word
    t.line("", then=plan_prompt("Acme"))
    out = t.since(mark)
    assert "No one yet" in out, "the found line `show stakeholders` ran"
    t.send(CTRL_D)
    assert t.end() == 0


def test_history_keeps_chinese_entries(ws, term):
    t = term()
    t.line("new 华东电力", then=plan_prompt("华东电力"))
    t.send(CTRL_D)
    assert t.end() == 0
    assert "华东电力".encode() in ws.history.read_bytes()
    again = term()
    again.send(UP)
    again.expect("华东电力")
    mark = again.mark()
    again.line("", then=TOP)
    assert "already exists" in again.since(mark)


# --- Ctrl-C and Ctrl-D ------------------------------------------------------------------------------

def test_ctrl_c_clears_the_line_and_the_session_goes_on(ws, term):
    seed_plans(ws, "Acme")
    t = term()
    t.line("open acme", then=plan_prompt("Acme"))
    t.send("frobnicate")
    t.expect("frobnicate")  # typed text is on screen before Ctrl-C (Ctrl-C flushes unread input)
    t.send(CTRL_C)
    t.expect(plan_prompt("Acme"))
    t.send(CTRL_C)  # on an empty line too
    t.expect(plan_prompt("Acme"))
    mark = t.mark()
    t.line("show account", then=plan_prompt("Acme"))
    out = t.since(mark)
    assert "Tier" in out
    assert "frobnicate" not in out and "Unknown command" not in out, "the cleared text was not run"
    t.send(CTRL_D)
    assert t.end() == 0


def test_ctrl_d_on_an_empty_line_saves_and_quits(ws, term):
    t = term()
    t.line("new Acme", then=plan_prompt("Acme"))
    t.line("profile", then=WALK)
    t.line("C", then=WALK)
    t.send(CTRL_C)
    t.expect(plan_prompt("Acme"))
    t.send(CTRL_D)
    assert t.end() == 0
    assert ws.plan("acme")["account"]["tier"] == "C"


def test_ctrl_d_at_a_walk_prompt_leaves_the_walk_and_the_session(ws, term):
    t = term()
    t.line("new Acme", then=plan_prompt("Acme"))
    t.line("discover initial-contact", then=WALK)
    t.line("size and scope", then=WALK)
    t.send(CTRL_D)
    assert t.end() == 0
    assert ws.plan("acme")["discovery"]["initial-contact"]["answers"]["company-basics"] == "size and scope"


# --- Chinese input --------------------------------------------------------------------------------

def test_chinese_input_and_backspace_without_a_locale(ws, term):
    t = term(env={"LANG": None, "LC_ALL": None, "LC_CTYPE": None})
    t.send("new 华东电力X")
    t.expect("X")
    t.send(BACKSPACE)
    t.send("力")
    t.expect("力")
    t.send(BACKSPACE)  # a wide character goes with one Backspace
    t.line("", then=plan_prompt("华东电力"))
    t.send(CTRL_D)
    assert t.end() == 0
    plan = ws.plan("华东电力")
    assert plan["name"] == "华东电力"
    assert [p.name for p in ws.plans.glob("*.json")] == ["华东电力.json"]


def test_chinese_walk_answer_in_a_chinese_session(ws, term):
    t = term(args=["--lang", "zh"])
    t.line("new 华东电力", then=plan_prompt("华东电力"))
    t.line("discover 1", then=WALK)
    t.line("集团四个工厂，总部集中采购", then=WALK)
    t.send(CTRL_C)
    t.expect(plan_prompt("华东电力"))
    t.send(CTRL_D)
    assert t.end() == 0
    answers = ws.plan("华东电力")["discovery"]["initial-contact"]["answers"]
    assert answers["company-basics"] == "集团四个工厂，总部集中采购"


# --- walks ----------------------------------------------------------------------------------------

def test_tab_completes_a_choice_and_ctrl_c_leaves_the_walk_saved(ws, term):
    seed_plans(ws, "Acme")
    t = term()
    t.line("open acme", then=plan_prompt("Acme"))
    t.line("profile", then=WALK)
    t.line("B", then=WALK)
    t.send("manu" + TAB)
    t.expect("facturing")  # no space after an answer's word
    t.line("", then=WALK)
    mark = t.mark()
    t.send(CTRL_C)
    t.expect(plan_prompt("Acme"))
    assert "saved" in t.since(mark)
    account = ws.plan("acme")["account"]
    assert (account["tier"], account["industry"]) == ("B", "manufacturing")
    t.send(CTRL_D)
    assert t.end() == 0


# --- colour ---------------------------------------------------------------------------------------

def test_colour_on_a_terminal_and_none_with_no_color(ws, term):
    seed_plans(ws, "Acme")
    coloured = term()
    coloured.line("show acme account", then=TOP)
    assert SGR.search(coloured.log.getvalue()), "styled output on a terminal"
    coloured.send(CTRL_D)
    assert coloured.end() == 0

    plain = term(env={"NO_COLOR": "1"})
    plain.line("show acme account", then=TOP)
    assert not SGR.search(plain.log.getvalue()), "NO_COLOR turns colour off"
    plain.send(CTRL_D)
    assert plain.end() == 0

    flag = term(args=["--no-color"])
    flag.line("show acme account", then=TOP)
    assert not SGR.search(flag.log.getvalue()), "--no-color turns colour off"
    flag.send(CTRL_D)
    assert flag.end() == 0


def test_hostile_answer_is_not_emitted_raw_on_the_terminal(ws, term):
    t = term()
    t.line("new Acme", then=plan_prompt("Acme"))
    t.line("discover initial-contact", then=WALK)
    mark = t.mark()
    t.line("x\x16\x1b]0;pwned\x16\x07y", then=WALK)  # Ctrl-V quotes the control characters
    t.send(CTRL_C)
    t.expect(plan_prompt("Acme"))
    t.line("show discovery", then=plan_prompt("Acme"))
    out = t.since(mark)
    assert "\x1b]0;" not in out and "\x07" not in out, "no OSC title sequence reaches the terminal"
    answer = json.loads(ws.plan_path("acme").read_bytes())["discovery"]["initial-contact"]["answers"]["company-basics"]
    assert answer == "x\x1b]0;pwned\x07y"
    t.send(CTRL_D)
    assert t.end() == 0
