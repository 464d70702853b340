"""A trainer runs the practice end to end, with the built binary: assignments in a trainer's
playbook folder, three reps practising in separate workspaces (English and Chinese) on
different days, an abandoned exam, the trainer reviewing and overriding saved drills, then the
team report and a rep's 1:1 HTML page with readiness, trend and the quotes worth discussing.
Every transcript written is validated against schema/drill-transcript.schema.json."""
import csv
import io
import json
from pathlib import Path

import jsonschema
import yaml

from conftest import ROOT
from test_drill_transcripts import OBJECTION_EN, validate

GOOD_EN = [
    "Thanks for telling me. What makes the budget fixed this year, and who set it?",
    "I understand — with the budget approved in January, an extra cost lands on you.",
    "So the budget is fixed for this year and our price is above it — is that the whole concern, or is there more?",
    "1 4",
    "Over 5 years your total cost of ownership is 12% lower, and we can split it into quarterly payments from next year's budget.",
    "I will send the cost comparison by Friday, and we agree a review point with your finance team in week 4 where you can stop.",
]
ZH_EXAM = [
    "您担心的是哪条产线？能具体说说停产一天的影响吗？",
    "理解。",
]

ASSIGNMENTS_EN = """module: assignments
language: en
assignments:
  - id: price-practice
    kind: objection
    category: price
    due: 2026-11-22
  - id: budget-exam
    kind: objection
    scenario: price-budget-fixed
    mode: exam
    due: 2026-11-30
    reps: [Ann, Bob]
"""


def trainer_folder(base: Path) -> Path:
    folder = base / "team-playbook"
    for lang in ("en", "zh"):
        (folder / lang).mkdir(parents=True)
        text = ASSIGNMENTS_EN.replace("language: en", f"language: {lang}")
        (folder / lang / "assignments.yaml").write_text(text, encoding="utf-8")
    return folder


def run_as(ws, workspace: Path, args, now: str, stdin=(), extra=()):
    return ws.run(["--workspace", str(workspace), *extra, *args], stdin_text=ws.lines(*stdin), env={"COACH_NOW": now}, workspace=False)


def every_transcript(*workspaces: Path) -> list[Path]:
    return sorted(p for w in workspaces for p in (w / "sessions").glob("*.json"))


def test_assign_practise_review_and_report(ws, tmp_path):
    team = trainer_folder(tmp_path)
    pb = ["--playbooks", str(team)]
    r = ws.run(["playbook", "validate", str(team)])
    assert r.status == 0, r.stdout + r.stderr
    ann, bob, zhang = tmp_path / "ann", tmp_path / "bob", tmp_path / "zhang"

    # Ann sees what is due, practises on the 20th (weak) and the 24th (good), then passes the exam.
    r = run_as(ws, ann, ["drill", "assigned", "--rep", "Ann"], "2026-11-20T09:00:00Z", extra=pb)
    assert r.status == 0 and "price-practice" in r.stdout and "budget-exam" in r.stdout and "due in 2 day(s)" in r.stdout
    r = run_as(ws, ann, ["drill", "--scenario", "price-budget-fixed", "--rep", "Ann"], "2026-11-20T09:00:00Z", OBJECTION_EN, pb)
    assert r.status == 0, r.stderr
    assert "Assigned to you: 2 open; next due 2026-11-22 (price-practice)." in r.stdout
    r = run_as(ws, ann, ["drill", "--scenario", "price-budget-fixed", "--rep", "Ann"], "2026-11-24T09:00:00Z", GOOD_EN, pb)
    assert r.status == 0, r.stderr
    r = run_as(ws, ann, ["drill", "--scenario", "price-budget-fixed", "--rep", "Ann", "--mode", "exam"], "2026-11-25T09:00:00Z", GOOD_EN, pb)
    assert r.status == 0, r.stderr
    # Bob practises once and walks out of his exam half-way: it still counts.
    r = run_as(ws, bob, ["drill", "--scenario", "price-budget-fixed", "--rep", "Bob"], "2026-11-21T09:00:00Z", OBJECTION_EN, pb)
    assert r.status == 0, r.stderr
    r = run_as(ws, bob, ["drill", "--scenario", "price-budget-fixed", "--rep", "Bob", "--mode", "exam"], "2026-11-26T09:00:00Z",
               [OBJECTION_EN[0], "done"], pb)
    assert r.status == 0 and "marked unfinished" in r.stdout
    # 张伟 works in Chinese.
    r = run_as(ws, zhang, ["drill", "objection", "--scenario", "risk-downtime", "--rep", "张伟", "--mode", "exam"], "2026-11-26T10:00:00Z",
               ZH_EXAM + ["所以您最担心的是切换期间产线停下来，对吗？", "1 4", "我们先在一条产线上做两周试点，旧系统随时可以切回去。", "我们承诺每周回顾。"],
               pb + ["--lang", "zh"])
    assert r.status == 0, r.stderr
    for p in every_transcript(ann, bob, zhang):
        validate(p)

    # The trainer reviews Ann's first drill: accept Listen, adjust Sympathize, reject Confirm, stop.
    first = sorted((ann / "sessions").glob("*.json"))[0]
    trainer = tmp_path / "trainer"
    r = run_as(ws, trainer, ["drill", "review", str(first), "--trainer", "Maria"], "2026-11-27T09:00:00Z",
               ["accept", "", "adjust", "1", "Honest, but the “but” undoes it.", "reject", "Repeats the words without checking.", "done"])
    assert r.status == 0, r.stderr
    assert "Review stopped. 3 step(s) reviewed, 2 score(s) changed" in r.stdout
    doc = validate(first)
    steps = doc["steps"]
    assert steps[0]["verdict"] == "accepted" and steps[0]["reviewedBy"] == "Maria" and steps[0]["reviewedAt"] == "2026-11-27T09:00:00Z"
    assert steps[1]["verdict"] == "adjusted" and steps[1]["override"] == 1 and steps[1]["score"] == 0
    assert steps[2]["verdict"] == "rejected" and steps[2]["override"] == 0 and steps[2]["comment"] == "Repeats the words without checking."
    assert "verdict" not in steps[3]
    # In Chinese, every drill still pending in the three workspaces; 张伟's Listen gets adjusted.
    r = run_as(ws, trainer, ["drill", "review", "--pending", "--rep", "张伟", "--trainer", "李老师", "--sessions", str(ann), str(bob), str(zhang)],
               "2026-11-27T10:00:00Z", ["调整", "1", "问得好，但一次问了两个问题。", "done"], ["--lang", "zh"])
    assert r.status == 0, r.stderr
    assert "复盘已结束" in r.stdout
    [zdoc] = [validate(p) for p in every_transcript(zhang)]
    assert zdoc["steps"][0]["verdict"] == "adjusted" and zdoc["steps"][0]["reviewedBy"] == "李老师"
    # The rep reads the comments.
    r = run_as(ws, ann, ["drill", "show", first.name], "2026-11-28T09:00:00Z")
    flat = " ".join(r.stdout.split())
    assert r.status == 0 and "Reviewed by Maria on 2026-11-27: rejected 1/2 → 0/2 — “Repeats the words without checking.”" in flat

    # Ann has read two lessons and mastered one quiz item: her readiness counts them.
    (ann / "progress.json").write_text(json.dumps({
        "schemaVersion": 1,
        "items": {"ka-revenue-share": {"box": 5, "due": "2026-12-20", "introduced": "2026-11-01", "reviewed": "2026-11-20"}},
        "lessons": {"key-accounts": {"readAt": "2026-11-20T09:00:00Z"}, "account-analysis": {"readAt": "2026-11-21T09:00:00Z"}},
    }), encoding="utf-8")

    # The team report, as of the 28th, over the three workspaces.
    sessions = ["--sessions", str(ann), str(bob / "sessions"), str(zhang)]
    r = run_as(ws, trainer, ["report", *sessions], "2026-11-28T09:00:00Z", extra=pb)
    assert r.status == 0, r.stderr
    out = r.stdout
    assert "1 abandoned exam(s) counted with what they earned." in out
    assert "Readiness" in out and "drills" in out and "× 0.6" in out
    assert "Trend            ↑ improving" in out
    assert "Price objection 2026-11-25" in out, "Ann's exam certifies her for price"
    assert "price-practice" in out and "done 2 day(s) late" in out and "overdue by 6 day(s)" in out
    assert "Trainer Maria: Repeats the words without checking." in out
    assert "Checks that fail most" in out and "Per scenario" in out
    zh = run_as(ws, trainer, ["--lang", "zh", "report", *sessions], "2026-11-28T09:00:00Z", extra=pb)
    assert zh.status == 0 and "准备度" in zh.stdout and "团队" in zh.stdout and "中途放弃" in zh.stdout

    data = json.loads(run_as(ws, trainer, ["report", "--format", "json", *sessions], "2026-11-28T09:00:00Z", extra=pb).stdout)["trainer"]
    reps = {r["rep"]: r for r in data["reps"]}
    assert set(reps) == {"Ann", "Bob", "张伟"} and data["abandonedExams"] == 1
    a = reps["Ann"]["readiness"]
    assert a["band"] in ("needs-work", "developing", "proficient", "excellent")
    assert abs(a["index"] - (a["drills"] * 0.6 + a["quiz"] * 0.25 + a["lessons"] * 0.15)) <= 0.51
    lessons = len(yaml.safe_load((ROOT / "playbooks" / "en" / "lessons.yaml").read_text(encoding="utf-8"))["lessons"])
    items = len(yaml.safe_load((ROOT / "playbooks" / "en" / "quiz.yaml").read_text(encoding="utf-8"))["items"])
    assert a["hasProgress"] and a["lessons"] == round(2 * 100 / lessons, 1) and a["quiz"] == round(100 / items, 1)
    assert not reps["Bob"]["readiness"]["hasProgress"] and reps["Bob"]["readiness"]["quiz"] == 0
    assert reps["Ann"]["certifications"]["price"]["day"] == "2026-11-25" and reps["Bob"]["certifications"] == {}
    assert reps["Bob"]["abandonedExams"] == 1
    assert {x["id"]: x["state"] for x in reps["Bob"]["assignments"]} == {"price-practice": "overdue", "budget-exam": "open"}
    assert data["team"]["readiness"]["reps"] == 3

    r = run_as(ws, trainer, ["report", "--format", "csv", *sessions], "2026-11-28T09:00:00Z", extra=pb)
    first_table, second_table = r.stdout.split("\n\n")
    rows = list(csv.DictReader(io.StringIO(second_table, newline="")))
    assert any(row["section"] == "certified" and row["rep"] == "Ann" and row["id"] == "price" for row in rows)
    assert any(row["section"] == "check" for row in rows)

    # Ann's 1:1 page: self-contained, printable, with readiness, the trend chart and the quotes.
    r = run_as(ws, trainer, ["report", "--rep", "Ann", "--format", "html", *sessions], "2026-11-28T09:00:00Z", extra=pb)
    assert r.status == 0, r.stderr
    page = r.stdout
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "src=" not in page and "href=" not in page
    assert "1:1 — Ann" in page and "Readiness" in page and "<svg" in page and "improving" in page
    assert "Repeats the words without checking." in page and "@media print" in page
    team_page = run_as(ws, trainer, ["--lang", "zh", "report", "--format", "html", *sessions], "2026-11-28T09:00:00Z", extra=pb).stdout
    assert "团队练习报告" in team_page and "张伟" in team_page and "Bob" in team_page

    for p in every_transcript(ann, bob, zhang):
        validate(p)


def test_a_missing_or_unreadable_folder_stops_the_report(ws, tmp_path):
    r = ws.run(["drill", "--scenario", "price-budget-fixed", "--rep", "Ann"], stdin_text=ws.lines(*OBJECTION_EN))
    assert r.status == 0
    locked = tmp_path / "locked"
    (locked / "sessions").mkdir(parents=True)
    (locked / "sessions").chmod(0)
    try:
        r = ws.run(["report", "--sessions", str(ws.dir), str(tmp_path / "wsX")])
        assert r.status == 66 and str(tmp_path / "wsX") in r.stderr and r.stdout == ""
        r = ws.run(["report", "--sessions", str(ws.dir), str(locked)])
        import os
        if os.geteuid() != 0:
            assert r.status == 66 and str(locked / "sessions") in r.stderr and r.stdout == ""
    finally:
        (locked / "sessions").chmod(0o700)


def test_options_a_word_does_not_use_are_errors(ws):
    for args, words in [
        (["drill", "rescore", "x", "--trainer", "Maria"], "does not use --trainer"),
        (["drill", "list", "--category", "price"], "does not use --category"),
        (["drill", "show", "x", "--rep", "Ann"], "does not use --rep"),
        (["drill", "--scenario", "price-budget-fixed", "--seed", "3"], "--seed would be ignored"),
        (["drill", "review", "--rep", "Ann", "--mode", "exam"], "does not use --mode"),
        (["drill", "review", "--trainer", "Maria"], "Say which drills"),
        (["drill", "review"], "Who is reviewing?"),
        (["drill", "objection", "--bogus"], ""),
    ]:
        r = ws.run(args)
        assert r.status == 64, (args, r.stdout, r.stderr)
        assert words in r.stderr, (args, r.stderr)


def test_the_shipped_example_assignments_are_valid(ws):
    """docs/examples/my-team: the product's validator and the published schema both accept it."""
    example = ROOT / "docs" / "examples" / "my-team"
    r = ws.run(["playbook", "validate", str(example)])
    assert r.status == 0 and r.stdout.startswith("OK"), r.stdout + r.stderr
    schema = json.loads((ROOT / "schema" / "playbook.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for lang in ("en", "zh"):
        # Scalars as written (a due day stays the text YYYY-MM-DD, as coach reads it).
        doc = yaml.load((example / lang / "assignments.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        errors = list(validator.iter_errors(doc))
        assert not errors, [e.message for e in errors]
        assert doc["language"] == lang and [a["id"] for a in doc["assignments"]] == ["price-exam-dec", "budget-fixed-practice", "open-questions"]
    bad = {"module": "assignments", "language": "en", "assignments": [{"id": "x", "kind": "objection", "due": "soon", "when": "now"}]}
    assert len(list(validator.iter_errors(bad))) == 2


def test_a_flat_trainer_folder_as_typed_reads_cleanly_in_validate_and_list(ws):
    """`cp -r playbooks/en my-team` then `coach playbook validate my-team/`: the paths in every
    message read my-team/…, never my-team//…; `playbook list` names each file it did not load."""
    team = ws.base / "my-team"
    team.mkdir()
    for f in (ROOT / "playbooks" / "en").glob("*.yaml"):
        (team / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    quiz = team / "quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8") + "  broken: [\n", encoding="utf-8")
    (team / "notes.yaml").write_text("hello: 1\n", encoding="utf-8")
    for typed in ("my-team/", "./my-team//"):
        r = ws.run(["playbook", "validate", typed])
        assert r.status == 65, r.stdout + r.stderr
        assert "//" not in r.stdout + r.stderr, r.stderr
        assert "my-team/quiz.yaml:" in r.stderr and "my-team/notes.yaml:1:1: `notes.yaml` is not a playbook module" in r.stderr
    for lang, heading in (("en", "Not loaded (2):"), ("zh", "未加载（2 项）：")):
        r = ws.run(["--playbooks", "my-team/", "--lang", lang, "playbook", "list"], env={"COLUMNS": "200"})
        assert r.status == 0, r.stderr
        assert "//" not in r.stdout, r.stdout
        assert heading in r.stdout, r.stdout
        lines = r.stdout.splitlines()
        assert any(line.strip().startswith("my-team/notes.yaml:1:1: ") for line in lines), r.stdout
        assert any(line.strip().startswith("my-team/quiz.yaml:") for line in lines), r.stdout


def test_an_english_trainer_reviews_a_chinese_drill_and_next_is_no_comment(ws):
    """A Chinese drill that misses a check, reviewed by a trainer whose session is English: the
    checks in English, the signal words in Chinese; `next` at the comment moves on, it is no comment."""
    answers = ["我理解您的预算已经定了。", "理解。", "skip", "1 4", "我们可以分期付款。", "我们下周回顾。"]
    r = ws.run(["--lang", "zh", "drill", "objection", "--scenario", "price-budget-fixed", "--rep", "张伟"],
               stdin_text=ws.lines(*answers))
    assert r.status == 0, r.stderr
    assert "没有找到“除了”、“除此之外”" in "".join(r.stdout.split()) and "anything else" not in r.stdout
    [path] = every_transcript(ws.dir)
    r = ws.run(["--lang", "en", "drill", "review", str(path), "--trainer", "Maria"],
               stdin_text=ws.lines("skip", "skip", "accept", "next"))
    assert r.status == 0, r.stderr
    flat = " ".join(r.stdout.split())
    assert "Checks it is right, and whether it is the whole concern — no sign of “除了”, “除此之外”" in flat
    assert "核对理解是否准确" not in r.stdout and "复述客户自己的话" not in r.stdout
    doc = validate(path)
    assert [s.get("verdict") for s in doc["steps"]] == [None, None, "accepted", None, None]
    assert all("comment" not in s for s in doc["steps"])


def test_a_trainers_graded_answer_that_contradicts_a_built_in_one_names_the_built_in_file_plainly(ws):
    """A trainer's answers.yaml gives a built-in graded answer another grade: the message names
    the built-in file by its real path (no `debug/../../../`), and a blank text is reported once."""
    built_in = yaml.safe_load((ROOT / "playbooks" / "en" / "answers.yaml").read_text(encoding="utf-8"))
    listen = next(s for s in built_in["steps"] if s["id"] == "listen")
    first = listen["graded"][0]
    team = ws.base / "team-answers"
    team.mkdir()
    other = (first["grade"] + 1) % 3
    (team / "answers.yaml").write_text(
        "module: answers\nlanguage: en\nsteps:\n  - id: listen\n    graded:\n"
        f"      - grade: {other}\n        text: {json.dumps(first['text'])}\n"
        "      - grade: 1\n        text: \"\"\n",
        encoding="utf-8")
    r = ws.run(["playbook", "validate", str(team)])
    assert r.status == 65, r.stdout + r.stderr
    assert f"with grade {first['grade']} (" in r.stderr, r.stderr
    assert "/../" not in r.stderr and str((ROOT / "playbooks" / "en" / "answers.yaml").resolve()) + ":" in r.stderr, r.stderr
    assert "`text` of a graded answer is empty" in r.stderr and "needs `text`" not in r.stderr, r.stderr


def test_a_wrong_step_id_in_answers_yaml_is_reported_once_with_the_steps_to_choose_from(ws):
    """`倾听` (a step's Chinese name, not a valid id) and `listn` each get one message listing the
    five steps, and neither is also reported as missing from the other language."""
    team = ws.base / "team-steps"
    (team / "en").mkdir(parents=True)
    (team / "en" / "answers.yaml").write_text(
        "module: answers\nlanguage: en\nsteps:\n"
        "  - id: 倾听\n    graded:\n      - grade: 2\n        text: \"Tell me more about the Siemens quote.\"\n"
        "  - id: listn\n    graded:\n      - grade: 2\n        text: \"Tell me more about the SAP quote.\"\n",
        encoding="utf-8")
    for lang, expected in (("en", "is not an LSCPA step; expected one of: listen, sympathize, confirm, process, assure"),
                           ("zh", "不是 LSCPA 步骤；可选值：listen、sympathize、confirm、process、assure")):
        r = ws.run(["--lang", lang, "playbook", "validate", str(team)])
        assert r.status == 65, r.stdout + r.stderr
        lines = [l for l in r.stderr.splitlines() if "answers.yaml:" in l]
        assert len(lines) == 2, r.stderr
        assert lines[0].endswith(":4:9: `倾听` " + expected.replace("is not", "is not") if lang == "en" else ":4:9: `倾听` " + expected), r.stderr
        assert lines[1].endswith(":8:9: `listn` " + expected), r.stderr
        assert "not in the zh one" not in r.stderr and "中文（zh）剧本中没有" not in r.stderr, r.stderr
