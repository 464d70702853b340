"""End-to-end runs of the built binary with piped standard input (batch mode) and one-shot
subcommands: output is plain, errors go to stderr, exit statuses follow sysexits."""
import json
import re
import shutil
import stat
import subprocess
import unicodedata

import pytest

from conftest import COACH

SUBCOMMANDS = ("new", "open", "list", "show", "check", "playbook", "profile", "discover")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def make_plans(ws, *names):
    r = ws.run(stdin_text=ws.lines(*[f"new {n}" for n in names]))
    assert r.status == 0, r.stderr
    return r


# --- the basic session ----------------------------------------------------------------------

def test_new_show_quit_is_plain_and_succeeds(ws):
    # TERM says colour is possible, NO_COLOR is unset: still plain, because stdout is a pipe.
    r = ws.run(stdin_text="new Acme\nshow\nquit\n", env={"TERM": "xterm-256color"})
    assert r.status == 0, r.stderr
    assert r.stderr == ""
    assert b"\x1b" not in r.out_bytes
    assert "Created Acme" in r.stdout and "plans/acme.json" in r.stdout
    for heading in ("Account", "Value assessment", "Stakeholders", "Needs discovery", "Negotiation"):
        assert heading in r.stdout
    assert "coach›" not in r.stdout, "no prompt is printed when nobody is typing"
    plan = ws.plan("acme")
    assert plan["name"] == "Acme" and plan["id"] == "acme" and plan["schemaVersion"] == 2
    assert stat.S_IMODE(ws.plan_path("acme").stat().st_mode) == 0o600
    assert stat.S_IMODE(ws.plans.stat().st_mode) == 0o700


def test_output_is_deterministic(ws):
    make_plans(ws, "Acme")
    script = "open acme\nshow account\nhelp\nlist\n"
    first = ws.run(stdin_text=script)
    second = ws.run(stdin_text=script)
    assert first.status == second.status == 0
    assert first.stdout == second.stdout


def test_end_of_input_saves_and_exits_zero(ws):
    r = ws.run(stdin_text="new Acme\nprofile\nB\n")  # no quit: the input just ends inside a walk
    assert r.status == 0, r.stderr
    assert ws.plan("acme")["account"]["tier"] == "B"


def test_unknown_command_is_64_and_the_session_goes_on(ws):
    r = ws.run(stdin_text="frobnicate\nnew Acme\nshow account\n")
    assert r.status == 64
    assert "frobnicate" in r.stderr and "Unknown command" in r.stderr
    assert "frobnicate" not in r.stdout, "errors go to stderr only"
    assert "Created Acme" in r.stdout and "Tier" in r.stdout, "the commands after the error ran"
    assert len(r.stderr.strip().splitlines()) == 1, "one line for an unknown command"
    assert ws.plan_path("acme").exists()


def test_unknown_command_suggests_the_nearest(ws):
    r = ws.run(stdin_text="opne acme\n")
    assert r.status == 64
    assert "open" in r.stderr and "opne" in r.stderr
    assert r.stdout == ""


def test_missing_plan_is_66_and_the_session_goes_on(ws):
    r = ws.run(stdin_text="open nope\nnew Beta\nlist\n")
    assert r.status == 66
    assert "nope" in r.stderr
    assert "nope" not in r.stdout
    assert "Created Beta" in r.stdout and "beta" in r.stdout


def test_usage_error_in_session_is_64(ws):
    r = ws.run(stdin_text="new\nlist --format yaml\n")
    assert r.status == 64
    assert "new" in r.stderr
    assert r.stdout.strip() == ""


def test_show_without_open_plan_fails_but_continues(ws):
    r = ws.run(stdin_text="show\nnew Acme\nclose\nshow\nopen acme\nshow account\n")
    assert r.status == 64
    assert r.stderr.count("Which plan") == 2
    assert "Closed Acme" in r.stdout and "Opened Acme" in r.stdout and "Tier" in r.stdout


def test_undo_reverts_the_last_change_on_disk(ws):
    r = ws.run(stdin_text="new Acme\nprofile\nA\nmanufacturing\ndone\nundo\n")
    assert r.status == 0, r.stderr
    account = ws.plan("acme")["account"]
    assert account.get("tier") == "A"
    assert "industry" not in account, "undo took back the last answer and saved"
    assert "Undone" in r.stdout


def test_hash_lines_and_blank_lines_are_ignored(ws):
    r = ws.run(stdin_text="# a comment\n\n   \nnew Acme\n")
    assert r.status == 0 and r.stderr == ""


# --- list / show / check ----------------------------------------------------------------------

def test_list_empty_workspace(ws):
    r = ws.run(["list"])
    assert r.status == 0, r.stderr
    assert "No plans" in r.stdout
    j = ws.run(["list", "--format", "json"])
    assert j.status == 0
    assert json.loads(j.stdout) == {"plans": []}


def test_list_table_aligns_cjk_and_json_parses(ws):
    make_plans(ws, "Acme", "华东电力", "Beta Corp")
    r = ws.run(["list"])
    assert r.status == 0, r.stderr
    assert b"\x1b" not in r.out_bytes
    rows = [line for line in r.stdout.splitlines() if line.strip()]
    header = rows[0]
    id_col = display_width(header[:header.index("ID")])
    found = {}
    for plan_id in ("acme", "华东电力", "beta-corp"):
        row = next(line for line in rows[2:] if re.search(rf"(^|\s){re.escape(plan_id)}(\s|$)", line))
        found[plan_id] = display_width(row[:row.index(plan_id, 1 if plan_id == "华东电力" else 0)])
    assert set(found.values()) == {id_col}, f"the ID column starts at one display column: {found} vs {id_col}\n{r.stdout}"

    j = ws.run(["list", "--format", "json"])
    assert j.status == 0, j.stderr
    data = json.loads(j.stdout)
    assert [p["id"] for p in data["plans"]] == sorted(["acme", "华东电力", "beta-corp"])
    by_id = {p["id"]: p for p in data["plans"]}
    assert by_id["华东电力"]["name"] == "华东电力"
    assert by_id["beta-corp"]["name"] == "Beta Corp"
    for p in data["plans"]:
        assert set(p) >= {"id", "name", "updatedAt", "stakeholders"}
        assert p["stakeholders"] == 0


def test_show_name_and_section(ws):
    make_plans(ws, "Acme")
    whole = ws.run(["show", "Acme"])
    assert whole.status == 0, whole.stderr
    assert "Value assessment" in whole.stdout and "Stakeholders" in whole.stdout
    by_id = ws.run(["show", "acme"])
    assert by_id.stdout == whole.stdout
    section = ws.run(["show", "acme", "stakeholders"])
    assert section.status == 0, section.stderr
    assert "Stakeholders" in section.stdout and "Value assessment" not in section.stdout


def test_show_missing_plan_is_66_and_bad_section_is_64(ws):
    make_plans(ws, "Acme")
    missing = ws.run(["show", "nope"])
    assert missing.status == 66 and "nope" in missing.stderr and missing.stdout == ""
    bad = ws.run(["show", "acme", "bogus"])
    assert bad.status == 64 and "bogus" in bad.stderr and bad.stdout == ""


def test_check_json_lists_findings_with_ids(ws):
    make_plans(ws, "Acme")
    r = ws.run(["check", "acme", "--format", "json"])
    assert r.status == 0, r.stderr
    data = json.loads(r.stdout)
    assert list(data) == ["findings"]
    assert data["findings"], "an empty plan has things to do"
    ids = [f["id"] for f in data["findings"]]
    for f in data["findings"]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", f["id"]), f
        assert f["severity"] in ("info", "warning")
        assert f["section"] and f["message"]
    assert "profile-incomplete" in ids
    text = ws.run(["check", "acme"])
    assert text.status == 0
    for plan_id in ids:
        assert plan_id in text.stdout


def test_check_json_in_chinese_keeps_ids(ws):
    make_plans(ws, "Acme")
    en = json.loads(ws.run(["check", "acme", "--format", "json"]).stdout)
    zh = json.loads(ws.run(["--lang", "zh", "check", "acme", "--format", "json"]).stdout)
    assert [f["id"] for f in en["findings"]] == [f["id"] for f in zh["findings"]]
    assert any(re.search(r"[\u4e00-\u9fff]", f["message"]) for f in zh["findings"])


# --- version, help, completion ------------------------------------------------------------------

def test_version(ws):
    r = ws.run(["--version"], workspace=False)
    assert r.status == 0
    assert re.fullmatch(r"\d+\.\d+\.\d+\n", r.stdout)
    assert r.stderr == ""


HELP_CASES = {
    "en": (["--help"], {}, "Usage"),
    "en-help-word": (["help"], {}, "Usage"),
    "zh-option-after": (["--help", "--lang", "zh"], {}, "用法"),
    "zh-env": (["--help"], {"COACH_LANG": "zh"}, "用法"),
    "zh-LANG": (["--help"], {"LANG": "zh_CN.UTF-8"}, "用法"),
    "zh-LC_ALL": (["--help"], {"LC_ALL": "zh_CN.UTF-8"}, "用法"),
    "en-LANG-but-option": (["--help", "--lang", "en"], {"LANG": "zh_CN.UTF-8"}, "Usage"),
}


@pytest.mark.parametrize("case", list(HELP_CASES))
def test_help_in_both_languages(ws, case):
    args, env, word = HELP_CASES[case]
    r = ws.run(args, env=env, workspace=False)
    assert r.status == 0, r.stderr
    assert word in r.stdout
    assert r.stderr == ""
    for command in ("new", "list", "show", "check"):
        assert command in r.stdout
    if word == "用法":
        assert "Usage" not in r.stdout


HELP_AFTER_OTHER_OPTIONS = {
    "lang-zh-first": ["--lang", "zh", "--help"],
    "workspace-first": ["--workspace", "WS", "--help"],
    "zh-subcommand-help": ["--lang", "zh", "list", "--help"],
}


@pytest.mark.parametrize("case", list(HELP_AFTER_OTHER_OPTIONS))
def test_help_after_other_options(ws, case):
    args = [str(ws.dir) if a == "WS" else a for a in HELP_AFTER_OTHER_OPTIONS[case]]
    r = ws.run(args, workspace=False)
    assert r.status == 0, (r.status, r.stdout, r.stderr)
    assert r.stdout.strip(), "help text is printed"
    if "zh" in args:
        assert "用法" in r.stdout


def test_subcommand_help_prints_something(ws):
    r = ws.run(["list", "--help"], workspace=False)
    assert r.status == 0, (r.status, r.stderr)
    assert "list" in r.stdout
    assert r.stderr == ""


def test_session_help_in_chinese(ws):
    r = ws.run(["--lang", "zh"], stdin_text="help\nfrobnicate\n")
    assert r.status == 64
    assert re.search(r"[\u4e00-\u9fff]", r.stdout)
    assert "未知命令" in r.stderr


def test_unknown_language_is_a_usage_error(ws):
    r = ws.run(["--lang", "fr", "list"])
    assert r.status == 64 and "fr" in r.stderr


def test_the_language_is_read_once_before_help_and_errors(ws):
    # an unknown language is refused before anything is said in one
    r = ws.run(["--lang", "fr", "--help"])
    assert r.status == 64 and "fr" in r.stderr and r.stdout == ""
    # an unknown command after the global options is named as one, in the language asked for
    r = ws.run(["--lang", "zh", "frobnicate"])
    assert r.status == 64 and "未知命令 ‘frobnicate’" in r.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(ws, shell):
    r = ws.run(["--generate-completion-script", shell], workspace=False)
    assert r.status == 0, r.stderr
    assert len(r.stdout) > 500
    for word in SUBCOMMANDS:
        assert re.search(rf"\b{word}\b", r.stdout), f"{shell} script mentions {word}"
    assert "---completion open" in r.stdout, "plan names complete dynamically"
    if shell == "bash" and shutil.which("bash"):
        assert subprocess.run(["bash", "-n"], input=r.out_bytes).returncode == 0


def _complete(ws, command: str, words: list[str], env=None) -> list[str]:
    """ArgumentParser 1.8's protocol for `.custom` completions, as the generated scripts call it:
    `coach ---completion SUBCOMMAND -- positional@0 CWORD CURSOR WORDS…`."""
    cword = len(words) - 1
    args = ["---completion", command, "--", "positional@0", str(cword), str(len(words[-1]))] + words
    r = ws.run(args, env=env, workspace=False)
    assert r.status == 0, r.stderr
    return [line for line in r.stdout.splitlines() if line]


def test_dynamic_plan_name_completion(ws):
    make_plans(ws, "Acme", "Acorn", "Beta", "华东电力")
    w = str(ws.dir)
    assert _complete(ws, "open", ["coach", "--workspace", w, "open", "ac"]) == ["acme", "acorn"]
    assert sorted(_complete(ws, "open", ["coach", "--workspace", w, "open", ""])) == sorted(["acme", "acorn", "beta", "华东电力"])
    assert _complete(ws, "show", ["coach", "show", "华"], env={"COACH_WORKSPACE": w}) == ["华东电力"]
    assert _complete(ws, "check", ["coach", "--workspace", w, "check", "b"]) == ["beta"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completion_script_offers_plan_ids(ws):
    make_plans(ws, "Acme", "Acorn", "Beta")
    script = ws.run(["--generate-completion-script", "bash"], workspace=False).stdout
    path = ws.base / "coach.bash"
    path.write_text(script)

    def complete(*words):
        line = " ".join(words)
        program = (f'source "{path}"; COMP_WORDS=({" ".join(json.dumps(w) for w in words)}); '
                   f'COMP_CWORD={len(words) - 1}; COMP_LINE={json.dumps(line)}; COMP_POINT=${{#COMP_LINE}}; '
                   f'_coach {json.dumps(words[0])} {json.dumps(words[-1])} {json.dumps(words[-2])}; '
                   'printf "%s\\n" "${COMPREPLY[@]}"')
        done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, env=ws.env(), timeout=30)
        assert done.returncode == 0, done.stderr
        return sorted(x for x in done.stdout.splitlines() if x)

    assert complete(str(COACH), "--workspace", str(ws.dir), "open", "ac") == ["acme", "acorn"]
    assert "show" in complete(str(COACH), "sh")


# --- walks fed by a pipe --------------------------------------------------------------------------

def test_profile_walk_records_answers(ws):
    r = ws.run(stdin_text=ws.lines("new Acme", "profile", "A", "manufacturing", "3", "hybrid", "4", "5", "3", "done"))
    assert r.status == 0, r.stderr
    plan = ws.plan("acme")
    account = plan["account"]
    assert account["tier"] == "A"
    assert account["industry"] == "manufacturing"
    assert account["cooperationStage"] == "mature"
    assert account["decisionMode"] == "hybrid"
    current = plan["valueAssessment"]["current"]
    assert (current["annualPurchases"], current["profitContribution"], current["paymentTerms"]) == (4, 5, 3)
    for key in ("tier", "industry", "cooperationStage", "decisionMode"):
        assert re.match(r"\d{4}-\d\d-\d\dT", account["answeredAt"][key]), "every answer carries its time"
    # Showing it again from a new run reads the same data.
    shown = ws.run(["show", "acme", "account"])
    assert "Manufacturing" in shown.stdout


def test_profile_walk_rejects_a_bad_answer_and_asks_again(ws):
    r = ws.run(stdin_text=ws.lines("new Acme", "profile", "Z", "B", "done"))
    assert r.status == 0, "a re-asked prompt is not a failed command"
    assert "Z" in r.stderr
    assert ws.plan("acme")["account"]["tier"] == "B"


def test_discovery_list_prompt_records_items(ws):
    r = ws.run(stdin_text=ws.lines("new Acme", "discover initial-contact", "size and scope", "trends",
                                   "王总 CFO", "Li Wei CTO", "", "done"))
    assert r.status == 0, r.stderr
    answers = ws.plan("acme")["discovery"]["initial-contact"]["answers"]
    assert answers["company-basics"] == "size and scope"
    assert answers["key-decision-makers"] == ["王总 CFO", "Li Wei CTO"]
    assert "  + 王总 CFO" in r.stdout


def test_chinese_session_walk(ws):
    r = ws.run(["--lang", "zh"], stdin_text=ws.lines("new 华东电力", "profile", "1", "2", "跳过", "完成"))
    assert r.status == 0, r.stderr
    plan = ws.plan("华东电力")
    assert plan["account"]["tier"] == "A" and plan["account"]["industry"] == "finance"
    assert "已新建" in r.stdout


def test_playbook_validate(ws):
    r = ws.run(["playbook", "validate"])
    assert r.status == 0, r.stderr
    assert "OK" in r.stdout
