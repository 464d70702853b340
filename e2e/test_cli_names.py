"""Names and answers as people type them, on the built binary in both languages: part of a
stakeholder's name in `stakeholders links/remove` and in the relationship map's "reports to", a
curly apostrophe, Chinese numerals and full-width digits on a 1–5 scale and in amounts, an
adjective for an attitude; `report --rep` / `drill review --rep` by part of a rep's name; an
unquoted `--trainer Mei Chen` explained."""
from __future__ import annotations

from test_drill_transcripts import OBJECTION_EN
from test_walks import run_session

EN = [
    "new Acme",
    "deal", "一百二十万", "in 3 months", "value",
    "stakeholders add Sean O'Brien", "CFO", "financial", "４", "skeptical", "Cost", "",
    "stakeholders add Mary Jones", "COO", "final", "五", "supportive", "Uptime", "",
    "stakeholders add Tom Li", "IT lead", "user", "3", "undecided", "Stability", "",
    "stakeholders links Tom", "", "Mary", "", "", "",
    "stakeholders links O’Brien", "", "", "", "", "",
    "stakeholders remove Sean", "quit",
]

ZH = [
    "new 华东电力",
    "deal", "三十五万元", "2027-03-31", "签约",
    "stakeholders add 王丽", "财务总监", "财务", "四", "怀疑", "回报周期", "",
    "stakeholders add 刘敏", "总经理", "最终", "５", "支持", "安全", "",
    "stakeholders links 刘", "", "王丽总", "", "", "",
    "stakeholders remove 王总", "quit",
]


def test_part_of_a_name_and_natural_answers_in_english(ws):
    r = run_session(ws, EN, "en")
    assert "No stakeholder named" not in r.stdout + r.stderr
    assert "Relationship map: Tom Li" in r.stdout and "Relationship map: Sean O'Brien" in r.stdout
    assert "Removed Sean O'Brien. `undo` brings them back." in r.stdout
    plan = ws.plan("acme")
    assert plan["deal"]["size"] == 1200000
    people = {s["name"]: s for s in plan["stakeholders"]}
    assert list(people) == ["Mary Jones", "Tom Li"]
    assert people["Mary Jones"]["influence"] == 5 and people["Mary Jones"]["attitude"] == "supporter"
    assert people["Tom Li"]["attitude"] == "neutral" and people["Tom Li"]["reportsTo"] == people["Mary Jones"]["id"]


def test_part_of_a_name_and_natural_answers_in_chinese(ws):
    r = run_session(ws, ZH, "zh")
    assert "没有名为" not in r.stdout + r.stderr
    assert "已删除 王丽。" in r.stdout
    plan = ws.plan("华东电力")
    assert plan["deal"]["size"] == 350000 and plan["deal"]["currency"] == "CNY"
    [liu] = plan["stakeholders"]
    assert liu["name"] == "刘敏" and liu["influence"] == 5 and liu["attitude"] == "supporter"


def test_several_fitting_are_listed_not_guessed(ws):
    lines = ["new Acme", "stakeholders add Sean O'Brien", "", "", "", "", "", "", "stakeholders add Sean Park", "", "", "", "", "", ""]
    run_session(ws, lines, "en")
    r = ws.run(["--lang", "en"], stdin_text=ws.lines("open acme", "stakeholders remove Sean", "quit"))
    assert "‘Sean’ could be Sean O'Brien or Sean Park: type more of the name" in r.stdout + r.stderr
    assert len(ws.plan("acme")["stakeholders"]) == 2
    r = ws.run(["--lang", "zh"], stdin_text=ws.lines("open acme", "stakeholders remove Sean", "quit"))
    assert "‘Sean’ 可能是 Sean O'Brien 或 Sean Park" in r.stdout + r.stderr
    assert len(ws.plan("acme")["stakeholders"]) == 2


def drill(ws, rep):
    r = ws.run(["drill", "--scenario", "price-budget-fixed", "--rep", rep], stdin_text=ws.lines(*OBJECTION_EN))
    assert r.status == 0, r.stderr


def test_report_and_review_take_a_unique_part_of_a_reps_name(ws):
    drill(ws, "Ann O'Connor")
    drill(ws, "张伟")
    r = ws.run(["report", "--rep", "Ann", "--format", "html"])
    assert r.status == 0, r.stderr
    assert "Ann O" in r.stdout and "Connor" in r.stdout
    r = ws.run(["--lang", "zh", "report", "--rep", "张", "--format", "html"])
    assert r.status == 0 and "张伟" in r.stdout, r.stderr
    r = ws.run(["report", "--rep", "o’connor", "--format", "json"])
    assert r.status == 0 and "张伟" not in r.stdout and "Connor" in r.stdout
    drill(ws, "Ann Lee")
    for lang, words in [("en", "‘Ann’ could be Ann Lee or Ann O'Connor"), ("zh", "‘Ann’ 可能是 Ann Lee 或 Ann O'Connor")]:
        r = ws.run(["--lang", lang, "report", "--rep", "Ann", "--format", "html"])
        assert r.status == 64 and words in r.stderr and r.stdout == "", (r.stdout, r.stderr)
        r = ws.run(["--lang", lang, "drill", "review", "--pending", "--rep", "Ann", "--trainer", "Maria"])
        assert r.status == 64 and words in r.stderr, r.stderr


def test_an_unquoted_trainer_name_is_explained(ws):
    drill(ws, "Ann O'Connor")
    [path] = sorted((ws.dir / "sessions").glob("*.json"))
    for lang, words in [
        ("en", "‘Chen’ was taken as a second file; put a name with spaces in quotes: --trainer \"Mei Chen\"."),
        ("zh", "‘Chen’ 被当成了第二个文件；带空格的姓名请加引号：--trainer \"Mei Chen\"。"),
    ]:
        r = ws.run(["--lang", lang, "drill", "review", str(path), "--trainer", "Mei", "Chen"])
        assert r.status == 64 and words in r.stderr, r.stderr
    r = ws.run(["--lang", "en", "drill", "review", "--pending", "--trainer", "Mei", "Chen"])
    assert r.status == 64 and "‘Chen’ was taken as a file; put a name with spaces in quotes: --trainer \"Mei Chen\"." in r.stderr, r.stderr
    for lang, words in [("en", "--trainer NAME"), ("zh", "--trainer 姓名")]:
        r = ws.run(["--lang", lang, "drill", "review", str(path)])
        assert r.status == 64 and words in r.stderr and "config set rep" not in r.stderr, r.stderr
