"""The meeting loop through the built binary, in English and Chinese: prepare a meeting with
`meeting new` (date echoed as stored), list the timeline, debrief it once the clock has passed
it (COACH_NOW moved on), and see the plan and `check --format json` change. The autouse
teardown validates every plan written against the published schema.
"""
from __future__ import annotations

import json
import os

import pytest

PLAN = {
    "schemaVersion": 2, "id": "acme", "name": "Acme", "createdAt": "2026-11-01T09:00:00Z",
    "updatedAt": "2026-11-23T09:00:00Z",
    "stakeholders": [
        {"id": "s1", "name": "Dana Smith", "role": "final", "influence": 5, "attitude": "neutral"},
        {"id": "s2", "name": "Li Wei", "role": "technical", "influence": 3, "concerns": "uptime"},
    ],
    "questionPlan": [
        {"id": "q1", "type": "open", "text": "How do you plan capacity today?"},
        {"id": "q2", "type": "verification", "text": "So the budget is approved for Q1?"},
    ],
    "objections": [
        {"id": "o1", "category": "price", "statement": "You are 20% above the others.", "status": "open",
         "strategies": [], "lscpa": {"listen": "Let me hear what you compared.", "process": "Show the three-year TCO."}},
    ],
    "lastItemIDs": {"s": 2, "q": 2, "o": 1},
}


def write_plan(ws, plan=PLAN):
    ws.plans.mkdir(parents=True, exist_ok=True)
    os.chmod(ws.dir, 0o700)
    os.chmod(ws.plans, 0o700)
    path = ws.plan_path(plan["id"])
    path.write_text(json.dumps(plan, ensure_ascii=False, indent=2), encoding="utf-8")
    os.chmod(path, 0o600)


def findings(ws, now=None):
    env = {"COACH_NOW": now} if now else None
    r = ws.run(["check", "acme", "--format", "json"], env=env)
    return {f["id"]: f for f in json.loads(r.stdout)["findings"]}


def test_prepare_list_debrief_and_check_in_english(ws):
    write_plan(ws)
    r = ws.run(["--lang", "en"], ws.lines(
        "open acme", "meeting new", "2026-11-25", "10:00", "Agree the pilot scope", "Recap", "",
        "1", "Me", "", "1", "1", "TCO sheet", "", "meeting list", "quit"))
    assert r.status == 0, r.stderr
    assert "= Wed 2026-11-25" in r.stdout or "2026-11-25" in r.stdout
    assert "= Dana Smith" in r.stdout
    plan = ws.plan("acme")
    m = plan["meetings"][0]
    assert m["id"] == "m1" and m["date"] == "2026-11-25" and m["time"] == "10:00"
    assert m["attendees"] == ["s1"] and m["questions"] == ["q1"] and m["objections"] == ["o1"]
    before = findings(ws)
    # Dana is influential with no recorded concern; only an open question is planned.
    assert before["attendee-concern-unknown"]["section"] == "timeline"
    assert "meeting-without-verification-question" in before
    assert "final-decision-maker-never-met" not in before

    # Two days later the meeting is past: `debrief` picks it.
    later = "2026-11-25T18:00:00Z"
    r = ws.run(["--lang", "en"], ws.lines(
        "open acme", "debrief", "missed", "Dana did not come", "", "They plan in spreadsheets",
        "We cannot start before April", "time", "Li Wei", "",
        "", "",  # Dana: no change
        "Send the pilot plan", "Me", "2026-12-01", "",
        "2026-12-02", "Meet Dana", "show timeline", "undo", "quit"), env={"COACH_NOW": later})
    assert r.status == 0, r.stderr
    assert "Logged as objection #2" in r.stdout
    plan = ws.plan("acme")
    d = plan["meetings"][0]["debrief"]
    assert d["outcome"] == "missed" and d["asked"] == [{"question": "q1", "answer": "They plan in spreadsheets"}]
    assert plan["questionPlan"][0]["asked"] is True
    assert plan["objections"][1]["category"] == "time" and d["newObjections"] == [plan["objections"][1]["id"]]
    assert plan["actions"][0]["meeting"] == "m1" and d["agreed"] == [plan["actions"][0]["id"]]
    assert plan["meetings"][1]["date"] == "2026-12-02" and d["nextMeeting"] == plan["meetings"][1]["id"]
    assert "Timeline" in r.stdout and "Dana did not come" in r.stdout and "Meet Dana" in r.stdout
    after = findings(ws, later)
    # Dana attended no debriefed meeting... she was listed as an attendee, so she counts as met.
    assert "final-decision-maker-never-met" not in after
    assert after["last-meeting-actions-open"]["values"]["count"] == "1"
    # `undo` took the last change back: the next meeting's objective.
    assert ws.plan("acme")["meetings"][1].get("objective") is None


def test_meeting_and_debrief_in_chinese(ws):
    write_plan(ws)
    r = ws.run(["--lang", "zh"], ws.lines(
        "open acme", "meeting new", "2026-11-20", "下午2点半", "确认试点范围", "", "li", "我", "", "2", "-", "", "quit"))
    assert r.status == 0, r.stderr
    assert "= 14:30" in r.stdout and "= Li Wei" in r.stdout
    r = ws.run(["--lang", "zh"], ws.lines(
        "open acme", "debrief", "1", "", "", "客户确认了预算", "", "", "", "", "", "quit"))
    assert r.status == 0, r.stderr
    assert "会谈复盘" in r.stdout
    plan = ws.plan("acme")
    d = plan["meetings"][0]["debrief"]
    assert d["outcome"] == "met"
    assert plan["questionPlan"][1]["answer"] == "客户确认了预算"
    f = findings(ws)
    # The final decision maker (Dana) was not in the debriefed meeting.
    assert "Dana Smith" in f["final-decision-maker-never-met"]["message"] or "Dana Smith" in json.dumps(f["final-decision-maker-never-met"], ensure_ascii=False)
    r = ws.run(["--lang", "zh", "show", "acme", "timeline"])
    assert r.status == 0 and "会谈时间线" in r.stdout
    # Outside the session, the timeline in short.
    r = ws.run(["--lang", "zh", "meeting", "list", "acme"])
    assert r.status == 0 and "确认试点范围" in r.stdout and "达成" in r.stdout


def test_drill_rehearses_the_next_meetings_objections(ws):
    write_plan(ws)
    r = ws.run(["--lang", "en"], ws.lines(
        "open acme", "meeting new", "2026-11-30", "", "Pilot", "", "", "", "", "1", "", "drill list objection --from-plan --meeting next", "quit"))
    assert r.status == 0, r.stderr
    assert "plan-objection-1" in r.stdout
    r = ws.run(["--lang", "en"], ws.lines("open acme", "drill objection --from-plan --meeting 5", "quit"))
    assert r.status != 0 and "meeting" in r.stderr


def plan_with_more_people():
    plan = json.loads(json.dumps(PLAN))
    plan["stakeholders"] += [
        {"id": "s3", "name": "Sean O'Brien", "role": "user", "influence": 3},
        {"id": "s4", "name": "王建国", "role": "financial", "influence": 4},
    ]
    plan["lastItemIDs"]["s"] = 4
    plan["meetings"] = [{"id": "m1", "date": "2026-11-20", "objective": "Meet the CFO", "attendees": ["s1", "s3"], "questions": [], "objections": []}]
    plan["lastItemIDs"]["m"] = 1
    return plan


def test_a_part_of_a_name_a_quarter_and_a_removed_attendee_in_english(ws):
    write_plan(ws, plan_with_more_people())
    r = ws.run(["--lang", "en"], ws.lines(
        "open acme", "debrief", "met", "", "",
        "We cannot start before April", "", "Sean", "",  # the objection, raised by Sean (O'Brien)
        "", "", "", "",  # Dana and Sean: no change
        "", "",  # nothing agreed, no next meeting
        "deal", "CNY 2.4m", "end of Q1 2027", "5",
        "stakeholders remove Sean O'Brien", "meeting list", "show timeline", "quit"))
    assert r.status == 0, r.stderr
    assert "= Sean O'Brien" in r.stdout
    assert "Debrief · part 4 of 7, new objections · objection 1" in r.stdout
    assert "1 of 1" not in r.stdout
    assert "= Wed 2027-03-31 (end of Q1 2027)" in r.stdout
    assert "Sean O'Brien (no longer in the plan)" in " ".join(r.stdout.split())
    plan = ws.plan("acme")
    o = plan["objections"][-1]
    # Linked to Sean until he was removed: the name stays, the link goes.
    assert o["raisedBy"] == "Sean O'Brien" and "raisedById" not in o
    assert plan["deal"]["closeDate"] == "2027-03-31"
    assert plan["meetings"][0]["removedNames"] == {"s3": "Sean O'Brien"}


def test_a_surname_and_next_years_first_quarter_in_chinese(ws):
    write_plan(ws, plan_with_more_people())
    r = ws.run(["--lang", "zh"], ws.lines(
        "open acme", "debrief", "1", "", "",
        "价格太高了", "", "王总", "",
        "", "", "", "",
        "", "",
        "deal", "240万元", "明年一季度", "5", "quit"))
    assert r.status == 0, r.stderr
    assert "= 王建国" in r.stdout
    assert "会谈复盘 · 第 4/7 部分：新的异议 · 第 1 条异议" in r.stdout
    assert "= 2027-03-31 周三（2027年第一季度，按该季度最后一天记）" in r.stdout
    plan = ws.plan("acme")
    assert plan["objections"][-1]["raisedById"] == "s4"
    assert plan["deal"]["closeDate"] == "2027-03-31"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_brief_of_a_planned_meeting_renders_its_agenda_our_side_and_italics(ws, lang):
    from test_export import typical_plan, put, parse_html, render_markdown, text_of
    zh = lang == "zh"
    plan = typical_plan(lang)
    plan["meetings"] = [{"id": "m1", "date": "2026-11-30", "objective": "确认试点范围" if zh else "Agree the pilot scope",
                         "agenda": ["试点范围", "三年总成本"] if zh else ["Pilot scope", "Three-year cost"],
                         "ours": ["陈工，解决方案工程师", "张经理"] if zh else ["Tom, solutions engineer", "Jia Min"]}]
    plan.setdefault("lastItemIDs", {})["m"] = 1
    plan["deal"] = {"stage": "value-demonstration", "closeDate": "2027-03-31"}
    pid = put(ws, plan)
    r = ws.run(["--lang", lang, "export", pid, "--format", "md"])
    assert r.status == 0, r.stderr
    assert "1\\." not in r.stdout
    html = render_markdown(r.stdout)
    root = parse_html("<!DOCTYPE html><html><body>" + html + "</body></html>")
    lists = [[li.text for li in ol.iter("li")] for ol in root.iter("ol")]
    assert lists == [["试点范围", "三年总成本"] if zh else ["Pilot scope", "Three-year cost"]]
    # Each of our people whole: `;`/`；` between them, the comma inside a person kept.
    text = text_of(root)
    assert ("陈工，解决方案工程师；张经理" if zh else "Tom, solutions engineer; Jia Min") in text
    # Every italic and bold opens and closes, and keeps its brackets together.
    assert "*" not in text
    for el in list(root.iter("em")) + list(root.iter("strong")):
        t = "".join(el.itertext())
        for a, b in ["（）", "()"]:
            assert t.count(a) == t.count(b), t
    assert ("（第 4/6 步）" if zh else "(step 4 of 6)") in text
    r = ws.run(["--lang", lang, "export", pid, "--format", "html"])
    assert r.status == 0 and "<ol>" in r.stdout
    assert ("陈工，解决方案工程师；张经理" if zh else "Tom, solutions engineer; Jia Min") in r.stdout
