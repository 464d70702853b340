"""The customer pushes back, exams and flat trainer folders, on the built binary (clock pinned by
COACH_NOW): a multi-turn drill in both languages whose transcript records the follow-up turns
and validates against the published schema; a rescore that reproduces it; an exam that shows no
feedback until the end, is saved when abandoned, and picks a scenario the rep has not had
recently; `playbook validate` and `--playbooks` on a flat copy of playbooks/en."""
import json
import shutil

from conftest import ROOT
from test_drill_transcripts import VALIDATOR, _validate_transcripts, transcripts, validate  # noqa: F401 (fixture)

DISCOUNT_EN = [
    "I see. What is behind that?",
    "That makes sense: in a final round, price is what head office looks at.",
    "So the discount is the main thing, or is there anything else?",
    "So rolling out to your 200 stores before the holidays is the real worry, is that right?",
    "1",
    "We can give you a 10% discount if you sign today.",
    "If you commit to a three-year contract, we can hold this year's price.",
    "We will send the rollout plan for your 200 stores by Friday.",
]

DISCOUNT_ZH = [
    "明白。能具体说说您这边的考虑吗？",
    "理解，到了最后一轮，总部最看重的就是价格。",
    "所以折扣是最主要的，除此之外还有其他顾虑吗？",
    "所以节前在200家门店上线才是您最担心的，对吗？",
    "1",
    "我们可以再给您九折。",
    "如果您能签三年合同，我们可以保持今年的价格。",
    "我们会在周五前把200家门店的上线计划发给您。",
]


def turns(doc):
    return [(s["step"], s.get("followUp")) for s in doc["steps"]]


EXPECTED_TURNS = [("listen", None), ("sympathize", None), ("confirm", None), ("confirm", "real-concern"),
                  ("process", None), ("give-and-get", "go-lower"), ("assure", None)]


def test_a_multi_turn_drill_in_english_records_and_rescores_the_follow_ups(ws):
    r = ws.run(["drill", "objection", "--scenario", "price-discount-demand", "--rep", "Ann"],
               stdin_text=ws.lines(*DISCOUNT_EN))
    assert r.status == 0, r.stderr
    assert "The customer comes back:\n  “So you can go lower? Then 25%.”" in r.stdout
    assert "Your reply (scored as Give and get):" in r.stdout
    assert "↳ follow-up (Give and get)" in r.stdout
    [path] = transcripts(ws)
    doc = validate(path)
    assert turns(doc) == EXPECTED_TURNS
    assert doc["steps"][5]["customer"] == "So you can go lower? Then 25%."
    assert doc["totals"]["steps"] == 7 and doc["totals"]["maxPoints"] == 14
    # The schema still holds the scenario's own steps to LSCPA: without `followUp`, a sixth step
    # or a give-and-get step is not a valid objection drill.
    for i in (3, 5):
        bad = json.loads(json.dumps(doc))
        del bad["steps"][i]["followUp"]
        assert list(VALIDATOR.iter_errors(bad)), f"step {i} without followUp passed the schema"
    again = ws.run(["drill", "rescore", str(path)])
    assert again.status == 0, again.stderr
    assert f"Same score as recorded: {doc['totals']['percent']}%." in again.stdout


def test_a_multi_turn_exam_in_chinese_shows_feedback_only_at_the_end(ws):
    r = ws.run(["--lang", "zh", "drill", "objection", "--scenario", "price-discount-demand", "--rep", "张伟", "--mode", "exam"],
               stdin_text=ws.lines(*DISCOUNT_ZH))
    assert r.status == 0, r.stderr
    during, _, after = r.stdout.partition("已记录（第 5/5 步）。")
    assert "客户接着说：\n  “这么说还能再降？那就降25%。”" in during
    for shown in ("✓", "✗", "/2", "更好的说法", "结果 —"):
        assert shown not in during, shown
    assert "✓" in after and "客户接着说：“这么说还能再降？那就降25%。”" in after and "↳ 追问" in after
    [path] = transcripts(ws)
    doc = validate(path)
    assert turns(doc) == EXPECTED_TURNS and doc["completed"] is True


def test_an_exam_left_at_the_end_of_input_is_saved_as_an_unfinished_attempt(ws):
    r = ws.run(["drill", "objection", "--scenario", "time-peak-season", "--rep", "Ann", "--mode", "exam"],
               stdin_text=ws.lines("Tell me more about the season?"))
    assert r.status == 0, r.stderr
    assert "counts as an attempt" in r.stdout
    [path] = transcripts(ws)
    doc = validate(path)
    assert doc["completed"] is False and doc["mode"] == "exam" and len(doc["steps"]) == 1
    # Even with nothing answered.
    r = ws.run(["drill", "objection", "--scenario", "time-too-long", "--rep", "Ann", "--mode", "exam"], stdin_text="")
    assert r.status == 0, r.stderr
    docs = [validate(p) for p in transcripts(ws)]
    assert sorted((d["scenario"]["id"], d["completed"], len(d["steps"])) for d in docs) == [
        ("time-peak-season", False, 1), ("time-too-long", False, 0)]


def test_an_exam_picks_a_scenario_the_rep_has_not_had_recently(ws):
    time = ["time-peak-season", "time-reorganisation", "time-too-long", "time-team-stretched"]
    for day, scenario in zip(["2026-11-01", "2026-11-15", "2026-11-22"], time):
        r = ws.run(["drill", "objection", "--scenario", scenario, "--rep", "Ann", "--mode", "exam"],
                   stdin_text="done\n", env={"COACH_NOW": day + "T10:00:00Z"})
        assert r.status == 0, r.stderr
    for seed in ("1", "2", "3"):
        r = ws.run(["drill", "objection", "--category", "time", "--rep", "Ann", "--mode", "exam", "--seed", seed],
                   stdin_text="done\n", env={"COACH_NOW": "2026-11-23T09:0" + seed + ":00Z"})
        assert r.status == 0, r.stderr
        assert "The exam picks from the 1 of 4 scenarios Ann has not had in the last 30 days." in r.stdout
        assert "Objection drill — time-team-stretched" in r.stdout
        for path in transcripts(ws):
            if path.name.startswith("20261123"):
                path.unlink()


def test_a_flat_copy_of_the_english_playbook_is_validated_and_loaded(ws):
    team = ws.base / "my-team"
    shutil.copytree(ROOT / "playbooks" / "en", team)
    r = ws.run(["playbook", "validate", "my-team"])
    assert r.status == 0, r.stderr
    assert r.stdout.startswith("OK")
    # A trainer's scenario in the flat copy is used at runtime with --playbooks.
    drills = (team / "drills.yaml").read_text(encoding="utf-8")
    drills = drills.replace("objection:\n", "objection:\n  - id: team-portal-cap\n    category: price\n"
                            "    customer: Our procurement portal caps line items at 50,000.\n", 1)
    (team / "drills.yaml").write_text(drills, encoding="utf-8")
    (ws.base / "zh-team").mkdir()
    zh = (ROOT / "playbooks" / "zh" / "drills.yaml").read_text(encoding="utf-8")
    (ws.base / "zh-team" / "drills.yaml").write_text(zh.replace("objection:\n", "objection:\n  - id: team-portal-cap\n    category: price\n"
                                                               "    customer: 我们的采购平台单项上限是五万。\n", 1), encoding="utf-8")
    r = ws.run(["--playbooks", str(team), "--playbooks", str(ws.base / "zh-team"), "drill", "list", "objection"])
    assert r.status == 0, r.stderr
    assert "team-portal-cap" in r.stdout
    # A broken line in the flat copy is found where it is.
    (team / "quiz.yaml").write_text((team / "quiz.yaml").read_text(encoding="utf-8").replace(
        "title: ", "title:\n  broken: [", 1), encoding="utf-8")
    r = ws.run(["playbook", "validate", "my-team"])
    assert r.status == 65
    assert "my-team/quiz.yaml:" in r.stderr and "OK" not in r.stdout


def test_files_that_are_not_loaded_are_each_reported(ws):
    team = ws.base / "my-team"
    team.mkdir()
    (team / "drills.yaml").write_text("module: drills\ntitle: Ours\n", encoding="utf-8")
    (team / "objection.yaml").write_text("module: objections\nlanguage: en\n", encoding="utf-8")
    (team / "README.md").write_text("# notes\n", encoding="utf-8")
    r = ws.run(["playbook", "validate", "my-team"])
    assert r.status == 65
    assert "my-team/drills.yaml:1:1: not loaded: a playbook file directly in the folder (not in en/ or zh/) needs `language: en` or `language: zh`" in r.stderr
    assert "my-team/objection.yaml:1:1: `objection.yaml` is not a playbook module" in r.stderr
    assert "README" not in r.stderr
    empty = ws.base / "empty"
    empty.mkdir()
    r = ws.run(["--lang", "zh", "playbook", "validate", "empty"])
    assert r.status == 65
    assert "这个文件夹中没有加载任何内容" in r.stderr


def test_a_bad_follow_up_is_reported_at_its_line(ws):
    team = ws.base / "my-team" / "en"
    team.mkdir(parents=True)
    (team / "drills.yaml").write_text(
        "module: drills\nlanguage: en\nobjection:\n  - id: price-budget-fixed\n    followUps:\n      - id: numbers\n"
        "        after: process\n        check: gives-evidense\n        when: fails\n        customer: Numbers, please.\n",
        encoding="utf-8")
    r = ws.run(["playbook", "validate", "my-team"])
    assert r.status == 65
    assert "my-team/en/drills.yaml:8:16: drill `price-budget-fixed`: `check: gives-evidense` is not a check of the `process` step in rubric.yaml; did you mean `gives-evidence`?" in r.stderr
