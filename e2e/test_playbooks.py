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
