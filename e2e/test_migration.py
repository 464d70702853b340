"""Plan format 2: version-1 plans migrate when opened, keep their original once, and validate.

Every version-1 plan the e2e suites write (the export fixtures in both languages, the hostile
plan, the drill plan) is opened by coach; afterwards the plan is schemaVersion 2, validates
against schema/account-plan.schema.json, every list item has a unique id, every v1 key kept its
meaning, and the file as it was is kept once as `plans/<id>.v1.json` (0600, byte for byte).
"""
from __future__ import annotations

import json
import os
import stat

import pytest

from conftest import validate_plan_file, validator
from test_export import hostile_plan, put, typical_plan

LISTS = [("stakeholders",), ("objections",), ("actions",), ("questionPlan",),
         ("negotiation", "concessions"), ("negotiation", "interests"), ("negotiation", "team")]


def items(plan: dict, where: tuple) -> list:
    node = plan
    for key in where:
        node = node.get(key, {} if key != where[-1] else [])
    return node


def drill_plan() -> dict:
    return {
        "schemaVersion": 1, "id": "acme", "name": "Acme", "createdAt": "2026-11-23T09:00:00Z", "updatedAt": "2026-11-23T09:00:00Z",
        "stakeholders": [{"name": "Dana", "title": "CFO", "role": "financial"}],
        "objections": [{"statement": "We can't add anything to this year's budget.", "category": "price", "raisedBy": "Dana",
                        "strategies": [], "status": "open", "lscpa": {}}],
    }


FIXTURES = {"typical-en": lambda: typical_plan("en"), "typical-zh": lambda: typical_plan("zh"),
            "hostile": hostile_plan, "drill": drill_plan}


def same_values(before, after, where="plan"):
    """Every value of the v1 plan is in the v2 one, unchanged, at the same place."""
    if isinstance(before, dict):
        assert isinstance(after, dict), where
        for key, value in before.items():
            assert key in after, f"{where}.{key} was dropped"
            same_values(value, after[key], f"{where}.{key}")
    elif isinstance(before, list):
        assert isinstance(after, list) and len(after) == len(before), where
        for i, (b, a) in enumerate(zip(before, after)):
            same_values(b, a, f"{where}[{i}]")
    else:
        assert before == after, f"{where}: {before!r} became {after!r}"


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_v1_fixture_migrates_on_open_and_validates(ws, name):
    plan = FIXTURES[name]()
    assert plan["schemaVersion"] == 1
    assert not list(validator(1).iter_errors(plan)), "the fixture is a valid version-1 plan"
    plan_id = put(ws, plan)
    original = ws.plan_path(plan_id).read_bytes()

    r = ws.run(stdin_text=ws.lines(f"open {plan_id}", "quit"))
    assert r.status == 0, r.stderr
    assert f"plans/{plan_id}.v1.json" in r.stdout and "format 2" in r.stdout

    migrated = validate_plan_file(ws.plan_path(plan_id))
    assert migrated["schemaVersion"] == 2
    seen = set()
    for where in LISTS:
        for item in items(migrated, where):
            assert item["id"] not in seen, f"{item['id']} is used twice"
            seen.add(item["id"])
    # Every v1 key keeps its value and meaning; only ids and links were added.
    before = json.loads(original)
    for key in ("schemaVersion", "updatedAt"):
        before.pop(key), migrated.pop(key)
    same_values(before, migrated)
    # What version 2 added: ids, and links where a name is a stakeholder's.
    names = {s["name"].lower(): s["id"] for s in migrated.get("stakeholders", [])}
    for o in migrated.get("objections", []):
        assert o.get("raisedById") == names.get((o.get("raisedBy") or "").lower())
    for i in migrated.get("negotiation", {}).get("interests", []):
        assert i.get("stakeholderId") == names.get(i["stakeholder"].lower())

    kept = ws.plans / f"{plan_id}.v1.json"
    assert kept.read_bytes() == original
    listed = ws.run(["list"])
    assert listed.status == 0 and ".v1" not in listed.stdout, "the kept original is not listed as a plan"
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600

    # Once: opening again neither rewrites the kept original nor says it again.
    os.chmod(kept, 0o400)
    again = ws.run(stdin_text=ws.lines(f"open {plan_id}", "quit"))
    assert again.status == 0 and "v1.json" not in again.stdout
    assert kept.read_bytes() == original
    os.chmod(kept, 0o600)


def test_ids_link_stakeholders_and_are_never_reused(ws):
    plan_id = put(ws, drill_plan())
    r = ws.run(stdin_text=ws.lines("open acme", "actions add Send the ROI model", "actions add Call Dana", "quit"))
    assert r.status == 0, r.stderr
    p = ws.plan(plan_id)
    assert [s["id"] for s in p["stakeholders"]] == ["s1"]
    assert p["objections"][0]["id"] == "o1"
    assert p["objections"][0]["raisedBy"] == "Dana" and p["objections"][0]["raisedById"] == "s1"
    assert [a["id"] for a in p["actions"]] == ["a1", "a2"]

    # Remove the last action by hand (as another tool might), then add one: a2 is not reused.
    p["actions"].pop()
    ws.plan_path(plan_id).write_text(json.dumps(p, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    r = ws.run(stdin_text=ws.lines("open acme", "actions add Book the visit", "quit"))
    assert r.status == 0, r.stderr
    assert [a["id"] for a in ws.plan(plan_id)["actions"]] == ["a1", "a3"]


def test_a_v1_plan_open_elsewhere_is_not_migrated_on_disk(ws):
    plan_id = put(ws, drill_plan())
    original = ws.plan_path(plan_id).read_bytes()
    holder = ws.session()
    try:
        holder.send("open acme")
        r = ws.run(stdin_text=ws.lines("open acme", "show", "quit"))
        assert "read-only" in r.stdout
    finally:
        holder.close()
    # The holder migrated it; the read-only session wrote nothing of its own.
    assert validate_plan_file(ws.plan_path(plan_id))["schemaVersion"] == 2
    assert (ws.plans / "acme.v1.json").read_bytes() == original
