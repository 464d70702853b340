"""Drills end to end: the built binary in batch mode with piped answers, in a temporary
workspace. Every transcript a test leaves in `sessions/` is validated against
`schema/drill-transcript.schema.json` (Draft 2020-12) with `jsonschema`, and checked for what the
schema cannot say: private file modes, safe file names, totals that follow from the steps."""
import csv
import io
import json
import re
import stat
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, has_raw_controls

SCHEMA = json.loads((ROOT / "schema" / "drill-transcript.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(SCHEMA)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
FIXTURES = ROOT / "Tests" / "CoachStoreTests" / "Fixtures" / "transcripts"
SAFE_NAME = re.compile(r"^\d{8}T\d{6}Z-[^/\\\s.][^/\\\s]*\.json$")

OBJECTION_EN = [
    "Thanks for being direct. Could you walk me through how the budget was set?",
    "I understand, but every customer says that.",
    "So the budget is fixed?",
    "1 4",
    "Over 5 years the total cost of ownership is lower, and we can split it into quarterly payments.",
    "Trust me, nothing will go wrong.",
]


def sessions_dir(ws) -> Path:
    return ws.dir / "sessions"


def validate(path: Path) -> dict:
    """Strict UTF-8 JSON, valid against the schema, keys sorted, totals consistent."""
    text = path.read_bytes().decode("utf-8")
    pairs_sorted = []

    def hook(pairs):
        keys = [k for k, _ in pairs]
        pairs_sorted.append(keys == sorted(keys))
        return dict(pairs)

    doc = json.loads(text, object_pairs_hook=hook)
    assert all(pairs_sorted), f"{path}: keys are not sorted"
    errors = sorted(VALIDATOR.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, f"{path}: " + "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in errors[:5])
    steps = {"objection": 5, "questions": 1, "negotiation": 1}[doc["scenario"]["kind"]] + sum("followUp" in s for s in doc["steps"])
    totals = doc["totals"]
    points = sum(s["score"] for s in doc["steps"])
    assert totals["steps"] == steps and totals["maxPoints"] == 2 * steps and totals["points"] == points
    assert totals["percent"] == (points * 200 + 2 * steps) // (4 * steps)
    assert totals["passed"] == (points * 100 >= doc["passMark"] * 2 * steps)
    overrides = [s for s in doc["steps"] if "override" in s]
    assert totals["overrides"] == len(overrides)
    if overrides:
        final = sum(s.get("override", s["score"]) for s in doc["steps"])
        assert totals["trainerPoints"] == final
    assert doc["id"] + ".json" == path.name
    return doc


def transcripts(ws) -> list[Path]:
    folder = sessions_dir(ws)
    return sorted(p for p in folder.iterdir() if p.suffix == ".json") if folder.is_dir() else []


@pytest.fixture(autouse=True)
def _validate_transcripts(ws):
    """After every test here: every transcript it left is valid, private and safely named."""
    yield
    folder = sessions_dir(ws)
    if not folder.is_dir():
        return
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in transcripts(ws):
        assert SAFE_NAME.match(path.name), path.name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        validate(path)
    assert not [n for n in __import__("os").listdir(folder) if ".tmp-" in n], "no temp files left"


def test_the_fixture_transcripts_match_the_schema():
    paths = sorted(FIXTURES.glob("*.json"))
    assert len(paths) >= 8
    for path in paths:
        validate(path)


def test_objection_drill_as_a_subcommand_with_piped_answers(ws):
    r = ws.run(["--batch", "drill", "objection", "--scenario", "price-budget-fixed", "--rep", "Ann"],
               stdin_text=ws.lines(*OBJECTION_EN))
    assert r.status == 0, r.stderr
    assert r.stderr == ""
    assert b"\x1b" not in r.out_bytes
    assert "✗ No \"but\" or \"however\" after the empathy — “but”" in r.stdout
    assert "Automatic:  ████░░░░░░ 4/10 = 40%  not passed (pass mark 70%)" in r.stdout
    [path] = transcripts(ws)
    doc = validate(path)
    assert doc["rep"] == "Ann" and doc["completed"] is True and doc["mode"] == "train"
    assert [s["score"] for s in doc["steps"]] == [2, 0, 1, 1, 0]
    assert doc["steps"][3]["strategies"] == ["value-comparison", "instalments"]
    assert {"id": "no-but", "passed": False, "evidence": ["but"]} in doc["steps"][1]["checks"]


def test_exam_with_a_trainer_in_chinese_keeps_both_scores(ws):
    answers = [
        "您担心的是哪条产线？能具体说说停产一天的影响吗？",
        "理解。",
        "所以您最担心的是切换期间产线停下来，一天的损失就很大，对吗？除了停产，还有其他顾虑吗？",
        "1 4",
        "我们先在一条产线上做两周试点，旧系统随时可以切回去。",
        "我们承诺在合同里写明每周回顾，有问题两小时内响应。",
        "", "", "2", "真诚，给满分", "", "", "", "", "", "",
    ]
    r = ws.run(["--lang", "zh", "drill", "objection", "--scenario", "risk-downtime", "--rep", "张伟",
                "--trainer", "李老师", "--mode", "exam"], stdin_text=ws.lines(*answers))
    assert r.status == 0, r.stderr
    assert "计入培训师评分" in r.stdout
    [path] = transcripts(ws)
    assert "张伟" in path.name
    doc = validate(path)
    assert doc["trainer"] == "李老师" and doc["mode"] == "exam"
    sympathize = doc["steps"][1]
    assert sympathize["score"] == 1 and sympathize["override"] == 2 and sympathize["comment"] == "真诚，给满分"
    assert doc["totals"]["trainerPoints"] == doc["totals"]["points"] + 1


def test_question_and_negotiation_drills_in_a_batch_session(ws):
    script = ws.lines(
        "drill questions --scenario write-open-first-meeting --rep Ann",
        "How do you plan production today?",
        "drill questions --scenario name-ideal-year --rep Ann",
        "value",
        "drill negotiation --scenario free-training --rep Ann",
        "If you commit to a three-year term, we include the training.",
        "quit",
    )
    r = ws.run(["--batch"], stdin_text=script)
    assert r.status == 0, r.stderr
    docs = {validate(p)["scenario"]["id"]: validate(p) for p in transcripts(ws)}
    assert set(docs) == {"write-open-first-meeting", "name-ideal-year", "free-training"}
    write = docs["write-open-first-meeting"]
    assert write["scenario"]["task"] == "write" and write["steps"][0]["step"] == "question"
    assert [c["id"] for c in write["steps"][0]["checks"]][-1] == "reads-as-type"
    assert docs["name-ideal-year"]["steps"][0] == {**docs["name-ideal-year"]["steps"][0], "step": "name", "score": 2}
    assert docs["free-training"]["steps"][0]["step"] == "give-and-get"


def test_an_unfinished_drill_is_saved_and_valid(ws):
    r = ws.run(["drill", "objection", "--scenario", "time-peak-season", "--rep", "Ann"],
               stdin_text=ws.lines("Tell me more about the season?", "skip"))
    assert r.status == 0, r.stderr
    assert "marked unfinished" in r.stdout
    [path] = transcripts(ws)
    doc = validate(path)
    assert doc["completed"] is False and len(doc["steps"]) == 2 and doc["steps"][1]["text"] == ""
    assert "finishedAt" not in doc


def test_rescore_gives_the_recorded_score(ws):
    ws.run(["drill", "--scenario", "price-budget-fixed", "--rep", "Ann"], stdin_text=ws.lines(*OBJECTION_EN))
    [path] = transcripts(ws)
    before = path.read_bytes()
    for target in (path.stem, str(path)):
        r = ws.run(["drill", "rescore", target])
        assert r.status == 0, r.stderr
        assert "Same score as recorded: 40%." in r.stdout
    assert path.read_bytes() == before, "re-scoring never rewrites the file"


def test_report_across_two_workspaces_as_csv_and_json(ws, tmp_path):
    ws.run(["drill", "--scenario", "price-budget-fixed", "--rep", "Ann"], stdin_text=ws.lines(*OBJECTION_EN))
    other = tmp_path / "other-ws"
    r = ws.run(["--workspace", str(other), "--lang", "zh", "drill", "questions", "--scenario", "name-stockout-impact", "--rep", "张伟"],
               stdin_text=ws.lines("1"), workspace=False)
    assert r.status == 0, r.stderr
    for p in sorted((other / "sessions").glob("*.json")):
        validate(p)
    r = ws.run(["report", "--format", "csv", "--sessions", str(ws.dir), str(other / "sessions")])
    assert r.status == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
    ann = next(row for row in rows if row["rep"] == "Ann" and row["scope"] == "all")
    assert ann["attempts"] == "1" and ann["average"] == "40" and ann["weakest_step"] == "sympathize"
    zhang = next(row for row in rows if row["rep"] == "张伟" and row["scope"] == "step")
    assert zhang["name"] == "name" and zhang["average"] == "0"
    r = ws.run(["report", "--format", "json", "--sessions", str(ws.dir), str(other)])
    data = json.loads(r.stdout)
    assert [rep["rep"] for rep in data["reps"]] == ["Ann", "张伟"] and data["drills"] == 2
    table = ws.run(["--lang", "zh", "report", "--sessions", str(ws.dir), str(other)])
    assert table.status == 0 and "练习报告" in table.stdout and "█" in table.stdout


def test_a_drill_from_a_plan_on_disk(ws):
    ws.plans.mkdir(parents=True, mode=0o700)
    plan = {
        "schemaVersion": 1, "id": "acme", "name": "Acme", "createdAt": "2026-11-23T09:00:00Z", "updatedAt": "2026-11-23T09:00:00Z",
        "stakeholders": [{"name": "Dana", "title": "CFO", "role": "financial"}],
        "objections": [{"statement": "We can't add anything to this year's budget.", "category": "price", "raisedBy": "Dana",
                        "strategies": [], "status": "open", "lscpa": {}}],
    }
    (ws.plans / "acme.json").write_text(json.dumps(plan), encoding="utf-8")
    r = ws.run(["drill", "--plan", "acme", "--scenario", "plan-objection-1", "--rep", "Ann", "--mode", "exam"],
               stdin_text=ws.lines("Tell me more?", "I understand.", "So it is the budget?", "", "We can help.", "We will review it."))
    assert r.status == 0, r.stderr
    assert "Dana says:" in r.stdout
    [path] = transcripts(ws)
    doc = validate(path)
    assert doc["scenario"]["source"] == "plan" and doc["scenario"]["plan"] == "acme" and doc["scenario"]["speaker"] == "Dana"
    assert doc["steps"][3]["strategies"] == []


def test_hostile_names_stay_in_sessions_and_print_visibly(ws):
    rep = "../../evil\x1b[2J"
    r = ws.run(["drill", "negotiation", "--scenario", "free-training", "--rep", rep], stdin_text=ws.lines("If you sign\x1b]0;x\x07 today."))
    assert r.status == 0, r.stderr
    assert not has_raw_controls(r.out_bytes)
    [path] = transcripts(ws)
    assert path.parent == sessions_dir(ws)
    doc = validate(path)
    assert doc["rep"] == rep


@pytest.mark.parametrize("args, code", [
    (["drill", "objections2"], 64),
    (["drill", "negotiation", "--category", "price"], 64),
    (["drill", "--pass", "101"], 64),
    (["drill", "--seed", "-1"], 64),
    (["drill", "--from-plan"], 64),
    (["drill", "rescore", "nope"], 66),
    (["report", "--format", "xml"], 64),
    (["report", "--sessions", "/nonexistent/coach"], 66),
])
def test_mistakes_have_sysexits_statuses(ws, args, code):
    r = ws.run(args)
    assert r.status == code, (r.stdout, r.stderr)
    assert r.stderr.strip()
