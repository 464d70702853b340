"""`COACH_NOW`: running coach as if it were a given moment (tests, demos, screenshots).

Every other suite runs pinned to `conftest.PINNED_NOW`; these tests check the override itself:
that it decides "now" and "today", that "today" is the date written in it whatever `TZ` says,
that an empty value means the real clock, and that a malformed one is refused with a message.
"""
from __future__ import annotations

import calendar
import json
import time

import pytest


def test_now_decides_created_at_and_updated_at(ws):
    r = ws.run(stdin_text=ws.lines("new Acme"), env={"COACH_NOW": "2031-02-03T04:05:06Z"})
    assert r.status == 0, r.stderr
    plan = ws.plan("acme")
    assert plan["createdAt"] == "2031-02-03T04:05:06Z" and plan["updatedAt"] == "2031-02-03T04:05:06Z"


@pytest.mark.parametrize("tz", ["UTC", "Pacific/Kiritimati", "America/Adak", "Asia/Shanghai"])
@pytest.mark.parametrize("now", ["2026-11-23T23:30:00-10:00", "2026-11-23T00:30:00+14:00", "2026-11-23"])
def test_today_is_the_date_written_whatever_the_time_zone(ws, tz, now):
    # A due date of the 22nd is one day overdue on the 23rd, the 23rd itself is not overdue.
    setup = ws.run(stdin_text=ws.lines("new Acme"), env={"COACH_NOW": now, "TZ": tz})
    assert setup.status == 0, setup.stderr
    path = ws.plan_path("acme")
    plan = json.loads(path.read_text(encoding="utf-8"))
    plan["actions"] = [
        {"id": "a1", "text": "Late one", "due": "2026-11-22", "done": False, "createdAt": "2026-11-01T00:00:00Z"},
        {"id": "a2", "text": "Due today", "due": "2026-11-23", "done": False, "createdAt": "2026-11-01T00:00:00Z"},
    ]
    path.write_text(json.dumps(plan, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    r = ws.run(["export", "acme", "--format", "csv", "--what", "actions"], env={"COACH_NOW": now, "TZ": tz})
    assert r.status == 0, r.stderr
    rows = [line.split(",") for line in r.stdout.strip().splitlines()]
    overdue = {row[1]: row[5] for row in rows[1:]}
    assert overdue == {"Late one": "true", "Due today": "false"}


def test_an_empty_value_means_the_real_clock(ws):
    before = time.time()
    r = ws.run(stdin_text=ws.lines("new Acme"), env={"COACH_NOW": ""})
    after = time.time()
    assert r.status == 0, r.stderr
    created = ws.plan("acme")["createdAt"]
    stamp = calendar.timegm(time.strptime(created, "%Y-%m-%dT%H:%M:%SZ"))
    assert int(before) - 1 <= stamp <= after + 1


@pytest.mark.parametrize("lang, words", [("en", "COACH_NOW is not a moment coach can read"),
                                         ("zh", "无法识别 COACH_NOW 的时间")])
@pytest.mark.parametrize("bad", ["yesterday", "2026-13-01", "2026-11-23T25:00:00Z", "23/11/2026", "2026-11-23T09:00"])
def test_a_malformed_value_is_refused_with_a_message(ws, lang, words, bad):
    r = ws.run(["--lang", lang], stdin_text=ws.lines("new Acme"), env={"COACH_NOW": bad})
    assert r.status == 64
    assert words in r.stderr and bad in r.stderr
    assert not ws.plan_path("acme").exists()
