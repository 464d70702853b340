"""The terminal half of issue 13 on a pseudo-terminal (pexpect): bracketed paste, output that
follows the terminal's width, the two histories, Ctrl-C that agrees in walks and at the top
level, the missing-locale notice and Tab completion of names and Chinese choices.

Pastes are sent as a terminal sends them once coach asked for bracketed paste (ESC[?2004h):
ESC[200~ … ESC[201~, line breaks as CR."""
import re

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect is not installed")

from test_pty import CTRL_C, CTRL_D, TAB, TOP, UP, WALK, Term, plan_prompt, seed_plans  # noqa: E402

PASTE_ON, PASTE_OFF = "\x1b[?2004h", "\x1b[?2004l"
CSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z~]|\x1b[=>]|\r")


def paste(text: str) -> str:
    return "\x1b[200~" + text.replace("\n", "\r") + "\x1b[201~"


@pytest.fixture
def term(ws):
    opened: list[Term] = []

    def start(env=None, args=(), size=None) -> Term:
        t = Term(ws, env, args)
        opened.append(t)
        t.expect(TOP)
        if size:
            t.child.setwinsize(*size)
        return t

    yield start
    for t in opened:
        t.close()


def screen_lines(text: str) -> list[str]:
    """What was printed, without escape sequences, as lines."""
    return [line for line in CSI.sub("", text).split("\n")]


def width(line: str) -> int:
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


# --- bracketed paste --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,name,plan_id", [("en", "Acme", "acme"), ("zh", "华东电力", "华东电力")])
def test_a_paste_is_one_answer_at_a_text_prompt_and_items_at_a_list_prompt(ws, term, lang, name, plan_id):
    t = term(args=["--lang", lang])
    assert PASTE_ON in t.log.getvalue(), "bracketed paste is asked for while a line is read"
    t.line(f"new {name}", then=plan_prompt(name))
    t.line("discover initial-contact", then=WALK)
    t.send(paste("About 1200 staff.\n三个工厂，总部在上海。\n"))
    t.expect("· 三个工厂，总部在上海。")  # the pasted lines are echoed under the prompt
    t.expect(WALK)
    t.line("Two rivals", then=WALK)
    t.send(paste("Li Wei, CFO\n王芳，采购经理\nZhao Min"))
    t.expect("Zhao Min")
    t.line("", then=WALK)
    t.send(CTRL_C)
    t.expect(plan_prompt(name))
    t.send(CTRL_D)
    assert t.end() == 0
    switches = re.findall(r"\x1b\[\?2004[hl]", t.log.getvalue())
    assert switches and switches[-1] == PASTE_OFF, "bracketed paste is off when coach exits"
    answers = ws.plan(plan_id)["discovery"]["initial-contact"]["answers"]
    assert answers["company-basics"] == "About 1200 staff.\n三个工厂，总部在上海。"
    assert answers["industry-background"] == "Two rivals"
    assert answers["key-decision-makers"] == ["Li Wei, CFO", "王芳，采购经理", "Zhao Min"]


@pytest.mark.parametrize("lang,question,yes", [("en", "Run these 2 lines as commands", "y"), ("zh", "把这 2 行作为命令依次执行吗", "是")])
def test_a_multi_line_paste_at_the_command_prompt_is_run_only_after_yes(ws, term, lang, question, yes):
    t = term(args=["--lang", lang])
    t.send(paste("new Acme\nnew Globex\n"))
    t.expect(question)
    t.line("n", then=TOP)
    assert not ws.plans.exists() or not list(ws.plans.glob("*.json")), "nothing ran"
    t.send(paste("new Acme\nnew Globex"))
    t.expect(question)
    t.line(yes, then=plan_prompt("Globex"))
    t.send(CTRL_D)
    assert t.end() == 0
    assert sorted(p.name for p in ws.plans.glob("*.json")) == ["acme.json", "globex.json"]


# --- width ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_output_follows_the_terminal_width_and_breaks_at_words(ws, term, lang):
    t = term(args=["--lang", lang], size=(30, 60))
    t.line("help", then=TOP)  # the width is measured again after the resize (SIGWINCH)
    mark = t.mark()
    t.line("help", then=TOP)
    narrow = [l for l in screen_lines(t.since(mark)) if not l.startswith(TOP.strip())]
    assert max(width(l) for l in narrow) <= 60, [l for l in narrow if width(l) > 60]
    if lang == "en":
        words = set(" ".join(narrow).split())
        assert "influence," in words and "completeness," in words, "no word is broken"
    t.child.setwinsize(30, 100)
    mark = t.mark()
    t.line("help stakeholders", then=TOP)
    wide = [l for l in screen_lines(t.since(mark)) if not l.startswith(TOP.strip())]
    assert 60 < max(width(l) for l in wide) <= 100, wide
    t.child.setwinsize(30, 44)
    mark = t.mark()
    t.line("help stakeholders", then=TOP)
    narrowest = [l for l in screen_lines(t.since(mark)) if not l.startswith(TOP.strip())]
    assert max(width(l) for l in narrowest) <= 44, narrowest
    if lang == "zh":
        for line in narrowest:
            assert not line.lstrip().startswith(tuple("，。；：！？」）、")), line
            assert not line.endswith(tuple("「“（")), line
    t.send(CTRL_D)
    assert t.end() == 0


# --- history ----------------------------------------------------------------------------------------

def test_walk_answers_stay_out_of_the_history_file_and_out_of_the_command_history(ws, term):
    t = term()
    t.line("new Acme", then=plan_prompt("Acme"))
    t.line("discover initial-contact", then=WALK)
    t.line("Budget frozen until Q3", then=WALK)
    t.send(UP)  # at a walk prompt: this session's answers
    t.expect("Budget frozen until Q3")
    t.line(" and a new CFO", then=WALK)
    t.send(CTRL_C)
    t.expect(plan_prompt("Acme"))
    t.send(UP)  # at the command prompt: commands only
    t.expect("discover initial-contact")
    t.send(CTRL_C)  # clears the recalled line
    t.expect(plan_prompt("Acme"))
    t.send(CTRL_D)
    assert t.end() == 0
    answers = ws.plan("acme")["discovery"]["initial-contact"]["answers"]
    assert answers["industry-background"] == "Budget frozen until Q3 and a new CFO"
    saved = ws.history.read_bytes()
    assert b"discover" in saved and b"new" in saved
    assert b"Budget" not in saved and b"CFO" not in saved, "answers never reach the history file"


# --- Ctrl-C -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ctrl_c_clears_a_line_in_a_walk_and_leaves_it_on_an_empty_line(ws, term, lang):
    t = term(args=["--lang", lang])
    t.line("new Acme", then=plan_prompt("Acme"))
    t.line("discover initial-contact", then=WALK)
    t.send("half-typed answer")
    t.expect("half-typed answer")
    t.send(CTRL_C)  # clears the line, stays in the walk
    t.expect(WALK)
    t.line("Family firm", then=WALK)  # still the walk: this is the second prompt's answer
    mark = t.mark()
    t.send(CTRL_C)  # empty line: leaves the walk, saved
    t.expect(plan_prompt("Acme"))
    assert ("saved" if lang == "en" else "已保存") in t.since(mark)
    t.send(CTRL_D)
    assert t.end() == 0
    answers = ws.plan("acme")["discovery"]["initial-contact"]["answers"]
    assert answers == {"company-basics": "Family firm"}


# --- locale -----------------------------------------------------------------------------------------

def test_a_missing_locale_is_named_once(ws, term):
    import subprocess
    installed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    if "zh_cn.utf8" in installed:
        pytest.skip("zh_CN.UTF-8 is installed here")
    t = term(env={"LANG": "zh_CN.UTF-8", "LC_ALL": None, "LC_CTYPE": None})
    t.line("new 华东电力", then=plan_prompt("华东电力"))
    t.send(CTRL_D)
    assert t.end() == 0
    log = t.log.getvalue()
    assert log.count("本机没有安装区域设置 zh_CN.UTF-8，改用 C.UTF-8") == 1, log[:600]
    assert ws.plan("华东电力")["name"] == "华东电力", "Chinese input still works"


# --- completion -------------------------------------------------------------------------------------

def test_tab_completes_display_names_people_and_chinese_choices_without_a_space(ws, term):
    seed_plans(ws, "Northwind Foods")
    t = term(args=["--lang", "zh"])
    t.send("open nor" + TAB)
    t.expect("thwind Foods")
    t.line("", then=plan_prompt("Northwind Foods"))
    t.line("stakeholders add 马丽", then=WALK)
    t.send(CTRL_C)
    t.expect(plan_prompt("Northwind Foods"))
    t.send("stakeholders edit 马" + TAB)
    t.expect("丽")
    t.send(CTRL_C)
    t.expect(plan_prompt("Northwind Foods"))
    t.send("discover 深度" + TAB)
    t.expect("访谈")
    t.send(CTRL_C)
    t.expect(plan_prompt("Northwind Foods"))
    t.line("profile", then=WALK)
    for _ in range(3):
        t.line("1", then=WALK)
    t.send("集" + TAB)
    t.expect("中决策型")
    t.line("", then=WALK)
    t.send(CTRL_C)
    t.expect(plan_prompt("Northwind Foods"))
    t.send(CTRL_D)
    assert t.end() == 0
    plan = ws.plan("northwind-foods")
    assert plan["account"]["decisionMode"] == "centralized"
    assert [s["name"] for s in plan["stakeholders"]] == ["马丽"]
