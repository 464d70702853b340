"""The shipped playbooks, checked from outside the Swift code: schema, parity, minimum content
(e2e/check_playbooks.py), and the product's own validator agreeing that there are no problems."""
import pathlib
import subprocess
import sys

import check_playbooks

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_independent_checker_finds_no_problems(capsys):
    assert check_playbooks.main(["check_playbooks.py"]) == 0, capsys.readouterr().out


def test_coach_validator_finds_no_problems(ws):
    r = ws.run(["playbook", "validate"])
    assert r.status == 0, r.stderr
    assert r.stdout.startswith("OK")


def test_every_item_names_its_source_and_sources_lists_them(ws):
    """`playbook sources` lists every lesson page, quiz item, hinted prompt, strategy and finding
    with its source, in the reader's language; the count matches the YAML (read independently)."""
    import yaml
    expected = 0
    for module in ("lessons", "quiz", "checks", "account", "discovery", "relationships", "objections", "negotiation", "management"):
        text = (ROOT / "playbooks" / "en" / f"{module}.yaml").read_text(encoding="utf-8")
        expected += sum(1 for line in text.splitlines() if line.lstrip().startswith("source: "))
    r = ws.run(["playbook", "sources"], env={"LANG": "en_US.UTF-8"})
    assert r.status == 0, r.stderr
    assert f"{expected} item(s);" in r.stdout
    assert "course part 4 · 大客户异议处理" in r.stdout and "our own addition" in r.stdout
    r = ws.run(["playbook", "sources", "quiz"], env={"LANG": "zh_CN.UTF-8"})
    assert r.status == 0, r.stderr
    assert "课程第五部分 · 客户满意度管理" in r.stdout and "ka-revenue-share" in r.stdout
    assert "lessons" not in r.stdout.split("\n", 1)[1]
    r = ws.run(["playbook", "sources", "nope"])
    assert r.status == 64
    assert "lessons" in r.stderr
