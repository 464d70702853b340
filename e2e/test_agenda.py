"""`agenda` and `portfolio` on the built binary: the views across accounts in both languages,
the .ics file read back with the `icalendar` package, and the summary cache never trusted over
the plan files. Every run is pinned to COACH_NOW = Mon 2026-11-23 09:00 UTC (conftest)."""

import csv
import io
import json
import os
import stat

import icalendar
import pytest


def make(ws, name, tier=None, actions=(), updated=None):
    """A plan made through the session (tier by the profile walk, actions by `actions add`);
    `updated` then moves its last update back, as an old plan would have it."""
    lines = [f"new {name}"]
    if tier:
        lines += ["profile", tier, "done"]
    for text, due in actions:
        lines.append(f"actions add {text} --due {due} --owner Sean O'Brien")
    r = ws.run(stdin_text=ws.lines(*lines, "quit"))
    assert r.status == 0, r.stderr
    plan_id = name.lower().replace(" ", "-")
    if updated:
        path = ws.plan_path(plan_id)
        plan = json.loads(path.read_text())
        plan["updatedAt"] = updated
        path.write_text(json.dumps(plan, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return plan_id


@pytest.fixture
def accounts(ws):
    make(ws, "Acme", "A", [("Send the TCO model, signed", "2026-11-20"), ("Call the CFO", "2026-11-23"), ("Demo; site visit", "2026-11-25"),
                           ("Quarterly review", "2027-01-15")])
    make(ws, "Cobalt", "C", [("Check in", "2026-11-23")])
    make(ws, "华东电力", "B", [("准备报价", "2026-11-24")])
    make(ws, "Dusty", None, [], updated="2026-09-01T09:00:00Z")
    return ws


def agenda_json(ws, *extra):
    r = ws.run(["agenda", "--format", "json", *extra])
    assert r.status == 0, r.stderr
    return json.loads(r.stdout)


def test_agenda_groups_overdue_each_day_and_stale_plans_tier_a_first(accounts):
    r = accounts.run(["agenda"])
    assert r.status == 0, r.stderr
    out = r.stdout
    assert out.startswith("Agenda — Mon 2026-11-23")
    assert "1 overdue · 4 due by Sun 2026-11-29 · 1 stale plan" in out
    order = [out.index(h) for h in ("Overdue", "Today · Mon 2026-11-23", "Tomorrow · Tue 2026-11-24", "Wed 2026-11-25", "Stale plans")]
    assert order == sorted(order)
    today = out[out.index("Today"):out.index("Tomorrow")]
    assert today.index("Acme") < today.index("Cobalt"), "tier A before tier C"
    assert "Quarterly review" not in out, "beyond the week"
    assert "Dusty" in out[out.index("Stale plans"):] and "83 days" in out
    # Further ahead with --days.
    assert "Quarterly review" in accounts.run(["agenda", "--days", "60"]).stdout


def test_agenda_in_chinese(accounts):
    r = accounts.run(["--lang", "zh", "agenda"])
    assert r.status == 0, r.stderr
    assert r.stdout.startswith("日程 — 2026-11-23 周一")
    for words in ("已逾期", "今天 · 2026-11-23 周一", "明天 · 2026-11-24 周二", "行动：准备报价", "长期未更新的计划", "级别", "负责人"):
        assert words in r.stdout, words
    assert "Overdue" not in r.stdout and "Today" not in r.stdout


def test_agenda_json_for_scripts(accounts):
    doc = agenda_json(accounts)
    assert doc["today"] == "2026-11-23" and doc["until"] == "2026-11-29"
    assert doc["summary"] == {"overdue": 1, "due": 4, "stalePlans": 1, "churnWarnings": 0}
    groups = [(g["group"], g.get("date")) for g in doc["groups"]]
    assert groups == [("overdue", None), ("day", "2026-11-23"), ("day", "2026-11-24"), ("day", "2026-11-25"), ("stale", None)]
    late = doc["groups"][0]["items"][0]
    assert late["plan"] == "acme" and late["tier"] == "A" and late["daysOverdue"] == 3 and late["owner"] == "Sean O'Brien"
    assert late["text"] == "Send the TCO model, signed" and late["item"].startswith("a")
    assert [i["plan"] for i in doc["groups"][1]["items"]] == ["acme", "cobalt"]
    assert doc["groups"][-1]["items"][0] == {"kind": "stale-plan", "plan": "dusty", "planName": "Dusty", "tier": None, "daysSinceUpdate": 83}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_agenda_ics_is_a_calendar_a_program_can_read(accounts, lang):
    target = accounts.base / "agenda.ics"
    r = accounts.run(["--lang", lang, "agenda", "--ics", str(target)])
    assert r.status == 0, r.stderr
    assert ("Wrote 6 dated item(s)" if lang == "en" else "已将 6 个带日期的事项写成日历文件") in r.stdout
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    raw = target.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "folded at 75 octets"
    assert b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends only"
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0" and "Sales Coach" in str(cal["PRODID"])
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert len(events) == 6
    e = events["Acme: Send the TCO model, signed"]
    assert str(e["DTSTART"].dt) == "2026-11-20" and str(e["DTEND"].dt) == "2026-11-21"
    assert not hasattr(e["DTSTART"].dt, "hour"), "an all-day event"
    assert "Sean O'Brien" in str(e["DESCRIPTION"])
    assert "华东电力: 准备报价" in events and "Acme: Demo; site visit" in events
    assert "Acme: Quarterly review" in events, "every dated item, not only this week's"
    # Stable ids: the same file again, the same UIDs; every UID unique.
    uids = sorted(str(e["UID"]) for e in cal.walk("VEVENT"))
    assert len(set(uids)) == len(uids)
    accounts.run(["--lang", lang, "agenda", "--ics", str(target)])
    again = icalendar.Calendar.from_ical(target.read_bytes())
    assert sorted(str(e["UID"]) for e in again.walk("VEVENT")) == uids


def test_agenda_json_with_ics_keeps_stdout_pure_json(accounts):
    target = accounts.base / "a.ics"
    r = accounts.run(["agenda", "--format", "json", "--ics", str(target)])
    assert r.status == 0
    json.loads(r.stdout)
    assert "Wrote" in r.stderr and target.exists()


def test_portfolio_by_tier_and_stage_in_both_languages(accounts):
    r = accounts.run(["portfolio"])
    assert r.status == 0, r.stderr
    assert r.stdout.startswith("Portfolio — 4 accounts")
    assert "By tier and stage" in r.stdout and "Share" in r.stdout
    rows = r.stdout[r.stdout.index("\nAccounts"):]
    assert "Cooperation" in rows, "the cooperation stage, not list's sales stage"
    assert rows.index("Acme") < rows.index("华东电力") < rows.index("Cobalt") < rows.index("Dusty")
    zh = accounts.run(["--lang", "zh", "portfolio"])
    assert zh.status == 0 and zh.stdout.startswith("客户组合 — 共 4 个客户")
    assert "按级别和合作阶段" in zh.stdout and "占比" in zh.stdout
    # CJK width: the completeness column ends in the same terminal column on every row.
    lines = [l for l in zh.stdout.split("\n") if "%" in l and ("华东电力" in l or "Acme" in l or "Cobalt" in l)]
    from unicodedata import east_asian_width

    def width(s):
        return sum(2 if east_asian_width(c) in "WF" else 1 for c in s)
    ends = {width(l[:l.index("%") + 1]) for l in lines}
    assert len(lines) == 3 and len(ends) == 1, lines


def test_portfolio_json_csv_and_sorts(accounts):
    doc = json.loads(accounts.run(["portfolio", "--format", "json"]).stdout)
    assert [a["id"] for a in doc["accounts"]] == ["acme", "华东电力", "cobalt", "dusty"]
    assert [(t["tier"], t["accounts"], t["share"]) for t in doc["tiers"]] == [("A", 1, 25), ("B", 1, 25), ("C", 1, 25), (None, 1, 25)]
    assert doc["accounts"][0]["overdueActions"] == 1
    by_name = json.loads(accounts.run(["portfolio", "--format", "json", "--sort", "name"]).stdout)
    assert [a["id"] for a in by_name["accounts"]] == ["acme", "cobalt", "dusty", "华东电力"]
    r = accounts.run(["portfolio", "--format", "csv", "--sort", "updated"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows[-1]["id"] == "dusty" and rows[-1]["days_since_update"] == "83"
    out = accounts.base / "portfolio.csv"
    r = accounts.run(["portfolio", "--format", "csv", "-o", str(out)])
    assert r.status == 0 and "Wrote the portfolio of 4 account(s)" in r.stdout
    assert out.read_bytes().count(b"\r\n") == 5 and stat.S_IMODE(os.stat(out).st_mode) == 0o600


@pytest.mark.parametrize("args, words", [
    (["agenda", "--format", "xml"], ("Unknown format ‘xml’", "未知格式 ‘xml’")),
    (["agenda", "--days", "0"], ("--days takes 1 to 366", "--days 的取值为 1 到 366")),
    (["portfolio", "--sort", "tire"], ("Unknown sort ‘tire’", "未知排序 ‘tire’")),
    (["portfolio", "-o", "x.txt"], ("A table is for the screen", "表格只用于屏幕显示")),
])
def test_usage_errors_say_what_to_type(ws, args, words):
    for lang, text in zip(("en", "zh"), words):
        r = ws.run(["--lang", lang, *args])
        assert r.status == 64 and text in r.stderr, (lang, r.stderr)


def test_in_the_session_with_help(accounts):
    r = accounts.run(stdin_text=accounts.lines("agenda", "portfolio --sort name", "help agenda", "help portfolio", "help", "quit"))
    assert r.status == 0, r.stderr
    assert "Agenda — Mon 2026-11-23" in r.stdout and "Portfolio — 4 accounts" in r.stdout
    assert "Usage: agenda" in r.stdout and "--ics FILE" in r.stdout and "Usage: portfolio" in r.stdout
    zh = accounts.run(["--lang", "zh"], stdin_text=accounts.lines("help agenda", "help portfolio"))
    assert "用法：agenda" in zh.stdout and "--ics 文件" in zh.stdout and "按级别和合作阶段查看所有客户" in zh.stdout


def test_empty_workspace(ws):
    assert "Nothing due or at risk" in ws.run(["agenda"]).stdout
    assert "No plans yet" in ws.run(["portfolio"]).stdout
    assert json.loads(ws.run(["portfolio", "--format", "json"]).stdout) == {"accounts": [], "tiers": []}


# --- the summary cache never decides what the views show ----------------------------------------

def views(ws):
    """Agenda and portfolio as JSON, and the same again with the cache removed (a cold run)."""
    warm = (agenda_json(ws), json.loads(ws.run(["portfolio", "--format", "json"]).stdout))
    cache = ws.dir / ".cache" / "digests.tsv"
    cache.unlink(missing_ok=True)
    cold = (agenda_json(ws), json.loads(ws.run(["portfolio", "--format", "json"]).stdout))
    assert warm == cold, "the cache changed what a view shows"
    return warm


@pytest.mark.parametrize("garbage", [b"", b"\x00\xff garbage", b"coach-digests\t1\tnone\nP\tacme\t1\n", None])
def test_a_corrupt_cache_changes_nothing(accounts, garbage):
    before = views(accounts)
    cache = accounts.dir / ".cache" / "digests.tsv"
    assert cache.exists()
    if garbage is None:
        # A cache that names a plan the workspace does not hold: plans come from plans/ only.
        text = cache.read_text()
        ghost = next(l for l in text.split("\n") if l.startswith("P\tacme\t")).replace("P\tacme\t", "P\tghost\t")
        cache.write_text(text + ghost + "\n")
    else:
        cache.write_bytes(garbage)
    after_cold = views(accounts)
    assert after_cold == before


def test_a_changed_deleted_or_added_plan_shows_at_once(accounts):
    views(accounts)
    r = accounts.run(stdin_text=accounts.lines("open cobalt", "actions add Brand new --due 2026-11-24", "quit"))
    assert r.status == 0
    agenda, _ = views(accounts)
    assert "Brand new" in json.dumps(agenda)
    os.unlink(accounts.plan_path("acme"))
    agenda, portfolio = views(accounts)
    assert "acme" not in [a["id"] for a in portfolio["accounts"]]
    assert "Call the CFO" not in json.dumps(agenda)
    make(accounts, "Zeta", "A", [("Zeta call", "2026-11-23")])
    agenda, portfolio = views(accounts)
    today = next(g for g in agenda["groups"] if g.get("date") == "2026-11-23")
    assert [i["plan"] for i in today["items"]] == ["zeta", "cobalt"], "the new tier A plan comes first today"


def test_a_plan_edited_in_place_with_its_old_mtime_is_read_again(accounts):
    views(accounts)
    path = accounts.plan_path("cobalt")
    info = os.stat(path)
    text = path.read_text()
    # Same size, same inode, the old modification time put back: only the change time moved.
    edited = text.replace("Check in", "Check ix")
    assert len(edited.encode()) == len(text.encode()) and edited != text
    with open(path, "r+") as f:
        f.write(edited)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (info.st_ino, info.st_size, info.st_mtime_ns)
    r = accounts.run(["agenda", "--format", "json"])
    assert "Check ix" in r.stdout and "Check in" not in r.stdout


def test_a_plan_edited_by_a_concurrent_session_is_seen(accounts, sessions):
    views(accounts)
    s = sessions(accounts)
    s.send("open 华东电力")
    s.send("actions add 并发会话里加的 --due 2026-11-23")
    # The other session still holds the plan open; the views read what it saved.
    agenda = agenda_json(accounts)
    today = [i["text"] for i in agenda["groups"][1]["items"]]
    assert "并发会话里加的" in today
    s.send("undo")
    agenda = agenda_json(accounts)
    assert "并发会话里加的" not in json.dumps(agenda, ensure_ascii=False)
    s.send("quit")


def test_the_cache_is_never_written_outside_the_workspace(accounts, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    cache_dir = accounts.dir / ".cache"
    assert not cache_dir.exists(), "no view has run yet"
    cache_dir.symlink_to(outside)
    r = accounts.run(["agenda"])
    assert r.status == 0 and "Acme" in r.stdout
    assert list(outside.iterdir()) == []


# --- account management (issue 17) and meetings (issue 16) on the agenda and in the portfolio ----

MANAGEMENT = {
    "tier": "vip", "lifecycle": "mature", "accountManager": "Wang Fang", "visitPlan": ["monthly", "quarterly"],
    "answeredAt": {"visitPlan": "2026-06-01T09:00:00Z"},
    "touchpoints": [{"id": "mt1", "date": "2026-10-20", "kind": "operational-visit",
                     "followUps": ["Send the roadmap", "Book the QBR, with the CFO"]},
                    {"id": "mt2", "date": "2026-08-25", "kind": "business-review"}],
    "npsResponses": [{"id": "mn1", "date": "2026-06-01", "score": 9}, {"id": "mn2", "date": "2026-06-01", "score": 10},
                     {"id": "mn3", "date": "2026-11-01", "score": 3}, {"id": "mn4", "date": "2026-11-01", "score": 5},
                     {"id": "mn5", "date": "2026-11-01", "score": 9}],
    "issues": [{"id": "mi1", "title": "System down", "kind": "complaint", "level": 1, "openedAt": "2026-11-23T07:00:00Z"},
               {"id": "mi2", "title": "Slow reports", "kind": "complaint", "level": 2, "openedAt": "2026-10-15T08:00:00Z",
                "respondedAt": "2026-10-15T09:00:00Z"}],
    "purchases": [{"id": "mp1", "date": "2026-01-10", "amount": 300000, "currency": "CNY"},
                  {"id": "mp2", "date": "2026-03-10", "amount": 300000, "currency": "CNY"},
                  {"id": "mp3", "date": "2026-05-10", "amount": 300000, "currency": "CNY"}],
}


@pytest.fixture
def managed(ws):
    make(ws, "Globex", "A", [])
    make(ws, "Small", "C", [])
    path = ws.plan_path("globex")
    plan = json.loads(path.read_text())
    plan["management"] = MANAGEMENT
    plan["meetings"] = [{"id": "m1", "date": "2026-11-26", "time": "10:00", "objective": "Agree the pilot, scope; budget"},
                        {"id": "m2", "date": "2026-11-10", "debrief": {"outcome": "met"}}]
    plan["lastItemIDs"] = {**plan.get("lastItemIDs", {}), "mt": 2, "mn": 5, "mi": 2, "mp": 3, "m": 2}
    path.write_text(json.dumps(plan, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    small = ws.plan_path("small")
    plan = json.loads(small.read_text())
    plan["management"] = {"tier": "ordinary", "purchases": [{"id": "mp1", "date": "2026-09-01", "amount": 100000, "currency": "CNY"},
                                                           {"id": "mp2", "date": "2026-10-01", "amount": 5000, "currency": "USD"}]}
    plan["lastItemIDs"] = {**plan.get("lastItemIDs", {}), "mp": 2}
    small.write_text(json.dumps(plan, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return ws


def test_agenda_shows_visits_sla_deadlines_meetings_and_churn_warnings(managed):
    doc = agenda_json(managed)
    items = {(i["kind"], i.get("text"), i.get("due")) for g in doc["groups"] for i in g["items"]}
    assert ("visit", "quarterly", "2026-11-25") in items, "a quarter after the last business review"
    assert ("visit", "monthly", "2026-11-20") in items, "a month after the last operational visit: overdue"
    assert ("resolve", "Slow reports", "2026-10-17") in items, "level 2: resolve within 48 h — breached"
    assert ("respond", "System down", "2026-11-23") in items, "level 1: respond within 2 h, today"
    assert ("meeting", "10:00 · Agree the pilot, scope; budget", "2026-11-26") in items
    assert not any(i["kind"] == "meeting" and i.get("due") == "2026-11-10" for g in doc["groups"] for i in g["items"]), "debriefed"
    churn = next(g for g in doc["groups"] if g["group"] == "churn")["items"]
    assert churn == [{"kind": "churn-warning", "plan": "globex", "planName": "Globex", "tier": "A",
                      "signals": ["nps-falling", "nps-detractor-majority", "purchase-frequency-falling", "complaints-rising"]}]
    text = managed.run(["agenda"]).stdout
    assert "visit due: quarterly business review" in text and "resolve issue: Slow reports" in text
    assert "Churn warnings" in text and "NPS falling, detractors are the majority" in text
    zh = managed.run(["--lang", "zh", "agenda"]).stdout
    assert "应回访：季度业务回顾" in zh and "响应问题：System down" in zh and "流失预警" in zh and "批评者占多数" in zh


def category(e):
    return str(e["CATEGORIES"].cats[0]) if hasattr(e["CATEGORIES"], "cats") else str(e["CATEGORIES"])


def test_the_calendar_has_actions_visits_and_meetings(managed):
    target = managed.base / "a.ics"
    assert managed.run(["agenda", "--ics", str(target)]).status == 0
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    kinds = sorted(category(e) for e in cal.walk("VEVENT"))
    assert kinds == ["follow-up", "meeting", "meeting", "visit", "visit"]
    meeting = next(e for e in cal.walk("VEVENT") if "pilot" in str(e["SUMMARY"]))
    assert str(meeting["SUMMARY"]) == "Globex: 10:00 · Agree the pilot, scope; budget", "commas and semicolons round-trip"
    assert str(meeting["DTSTART"].dt) == "2026-11-26"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_calendar_keeps_meetings_held_and_touchpoint_follow_ups(managed, lang):
    """A meeting already debriefed stays in the calendar on its day, under the UID it had before;
    the follow-ups agreed at a touchpoint (recorded without a due date) are an event on the day
    of the touchpoint. Neither is on the agenda."""
    target = managed.base / "a.ics"
    assert managed.run(["--lang", lang, "agenda", "--ics", str(target)]).status == 0
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    held = events["meeting-m2.globex@sales-coach"]
    assert str(held["DTSTART"].dt) == "2026-11-10" and str(held["DTEND"].dt) == "2026-11-11"
    assert str(held["SUMMARY"]) == ("Globex: Meeting (held)" if lang == "en" else "Globex: 会谈（已举行）")
    assert category(held) == "meeting"
    follow = events["follow-up-mt1.globex@sales-coach"]
    assert str(follow["DTSTART"].dt) == "2026-10-20" and category(follow) == "follow-up"
    if lang == "en":
        assert str(follow["SUMMARY"]) == "Globex: follow-up: Send the roadmap; Book the QBR, with the CFO"
        assert "(no due date recorded):\n- Send the roadmap\n- Book the QBR, with the CFO" in str(follow["DESCRIPTION"])
    else:
        assert str(follow["SUMMARY"]) == "Globex: 跟进：Send the roadmap；Book the QBR, with the CFO"
        assert "在 2026-10-20 的接触中约定（未记录截止日期）：" in str(follow["DESCRIPTION"])
    # Written again, the same UIDs.
    assert managed.run(["--lang", lang, "agenda", "--ics", str(target)]).status == 0
    assert {str(e["UID"]) for e in icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")} == set(events)
    doc = agenda_json(managed, "--days", "366")
    dues = {i.get("due") for g in doc["groups"] for i in g["items"]}
    assert "2026-11-10" not in dues and "2026-10-20" not in dues


def test_an_old_plans_visits_count_from_when_the_plan_was_created(ws):
    """A visit plan recorded without when it was agreed, and no touchpoint yet: the visits are
    counted from the plan's creation, a fixed day, and are on the agenda as `check` has them."""
    make(ws, "Oldco", "B", [])
    path = ws.plan_path("oldco")
    plan = json.loads(path.read_text())
    plan["createdAt"] = "2026-06-15T09:00:00Z"
    plan["management"] = {"accountManager": "Wang Fang", "visitPlan": ["monthly"]}
    path.write_text(json.dumps(plan, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    items = {(i["kind"], i.get("text"), i.get("due")) for g in agenda_json(ws)["groups"] for i in g["items"]}
    assert ("visit", "monthly", "2026-07-15") in items
    r = ws.run(["check", "oldco", "--format", "json"])
    assert "visit-overdue" in {f["id"] for f in json.loads(r.stdout)["findings"]}


def test_portfolio_shows_service_nps_and_the_80_20_share(managed):
    doc = json.loads(managed.run(["portfolio", "--format", "json"]).stdout)
    assert doc["currency"] == "CNY"
    globex = next(a for a in doc["accounts"] if a["id"] == "globex")
    assert (globex["serviceTier"], globex["lifecycle"], globex["nps"], globex["purchases"]) == ("vip", "mature", -33, 900000)
    assert [(t["tier"], t["purchaseShare"]) for t in doc["tiers"]] == [("A", 90), ("C", 10)]
    text = managed.run(["portfolio"]).stdout
    assert "Tier A: 50% of the accounts, 90% of the purchases (CNY)." in text and "VIP" in text
    zh = managed.run(["--lang", "zh", "portfolio"]).stdout
    assert "A 类：占客户数的 50%，占采购额的 90%（CNY）。" in zh and "成熟期" in zh and "采购额占比" in zh
    rows = list(csv.DictReader(io.StringIO(managed.run(["portfolio", "--format", "csv", "--sort", "purchases"]).stdout)))
    # A negative NPS is a number, not a formula: no `'` in front of it.
    assert [r["id"] for r in rows] == ["globex", "small"] and rows[0]["nps"] == "-33" and rows[1]["service_tier"] == "ordinary"
    assert (rows[1]["purchases_currency"], rows[1]["purchases_left_out"], rows[1]["left_out_currencies"]) == ("CNY", "1", "USD")


def test_portfolio_says_which_purchases_the_shares_leave_out(managed):
    doc = json.loads(managed.run(["portfolio", "--format", "json"]).stdout)
    assert doc["purchasesLeftOut"] == [{"currency": "USD", "purchases": 1, "accounts": 1, "total": 5000}]
    small = next(a for a in doc["accounts"] if a["id"] == "small")
    assert small["purchasesLeftOut"] == [{"currency": "USD", "purchases": 1, "accounts": 1, "total": 5000}]
    text = managed.run(["portfolio"]).stdout
    assert "Not in the purchase shares (CNY): 1 purchase in USD (5,000 USD, 1 account)." in text
    zh = managed.run(["--lang", "zh", "portfolio"]).stdout
    assert "未计入采购额占比（CNY）：USD 采购 1 笔（5,000 USD，1 个客户）。" in zh


def test_list_counts_the_warnings_check_gives_on_a_later_day(ws):
    """The cache keeps the digest's counts for the day they were made: weeks later, a
    relationship gone cold counts in `list` as it does in `check` (a tester saw 4 against 5)."""
    plan_id = make(ws, "Acme")
    path = ws.plan_path(plan_id)
    plan = json.loads(path.read_text())
    plan["stakeholders"] = [{"id": "s1", "name": "Dana", "influence": 5, "owner": "Me", "lastContact": "2026-11-20"}]
    plan["lastItemIDs"] = {"s": 1}
    path.write_text(json.dumps(plan, indent=2, sort_keys=True, ensure_ascii=False) + "\n")

    def counts(now):
        env = {"COACH_NOW": now}
        listing = ws.run(["list", "--format", "json"], env=env)
        assert listing.status == 0, listing.stderr
        [entry] = json.loads(listing.stdout)["plans"]
        check = ws.run(["check", "Acme", "--format", "json"], env=env)
        findings = json.loads(check.stdout)["findings"]
        return entry["warnings"], sum(f["severity"] == "warning" for f in findings), [f["id"] for f in findings]

    listed, checked, ids = counts("2026-11-23T09:00:00Z")
    assert listed == checked and "relationship-gone-cold" not in ids
    listed, checked, ids = counts("2027-02-01T09:00:00Z")  # the cache of 2026-11-23 is still on disk
    assert "relationship-gone-cold" in ids
    assert listed == checked, (listed, checked)
