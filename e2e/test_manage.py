"""Keeping a won account end to end: `manage` sets up the service, logs touchpoints, an NPS
survey, complaints and purchases, opens and walks a crisis, and `check` reports what to do —
in English and in Chinese, on the built binary with the clock pinned (conftest: COACH_NOW =
2026-11-23T09:00:00Z). Every plan written is validated against the published schema at teardown
(conftest), and here explicitly."""
import json

from conftest import validate_plan_file

EN = [
    "new Acme",
    "manage", "1", "3", "Wang Fang", "quarterly yearly", "",
    "manage touch", "2", "2026-08-01", "Li Wei", "Quarterly review", "Send the roadmap", "",
    "manage nps", "2026-06-01", "9 Li Wei, CFO", "10", "8", "",
    "manage nps", "2026-11-20", "3 Li Wei, CFO", "5 Zhang San, user", "9", "",
    "manage csat", "2/5", "#1", "",
    "manage issue", "Reports are slow", "2", "2", "2026-11-10 08:00",
    "manage issue", "System down", "2", "1", "2026-11-20 08:00",
    "manage issue responded 2 2026-11-20 13:00",
    "manage purchase", "100000 CNY", "2026-01-10", "",
    "manage purchase", "120000", "2026-03-10", "",
    "manage purchase", "90000", "2026-05-10", "",
    "manage crisis", "Outage in the plant", "", "Two escalations in a week", "Daily call until fixed", "Wang Fang and the support lead",
    "One spokesperson, facts only", "done",
    "show management",
    "quit",
]

ZH = [
    "new 华东电力",
    "manage", "1", "3", "王芳", "季度 年度", "",
    "manage touch", "2", "2026-08-01", "李伟", "季度业务回顾", "发送路线图", "",
    "manage nps", "2026-06-01", "9 李伟，财务总监", "10", "8", "",
    "manage nps", "2026-11-20", "3 李伟，财务总监", "5 张三，使用部门", "9", "",
    "manage csat", "2/5", "#1", "",
    "manage issue", "报表很慢", "2", "2", "2026-11-10 08:00",
    "manage issue", "系统瘫痪", "2", "1", "2026-11-20 08:00",
    "manage issue responded 2 2026-11-20 13:00",
    "manage purchase", "100000 CNY", "2026-01-10", "",
    "manage purchase", "¥12万", "2026-03-10", "",
    "manage purchase", "90000", "2026-05-10", "",
    "manage crisis", "工厂停产", "", "一周内两次升级", "每天通话直到修复", "王芳和技术支持负责人",
    "统一发言人，只讲事实", "完成",
    "show management",
    "quit",
]

EXPECTED = {
    "visit-overdue", "nps-detractor-majority", "nps-falling", "csat-low", "sla-breached", "complaints-rising",
    "purchase-frequency-falling", "tier-service-mismatch",
}


def run(ws, lines, lang):
    r = ws.run(["--lang", lang], stdin_text=ws.lines(*lines))
    assert r.status == 0, r.stderr
    assert "\x1b" not in r.stdout
    return r


def check_plan(plan):
    m = plan["management"]
    assert (m["tier"], m["lifecycle"], m["visitPlan"]) == ("vip", "mature", ["quarterly", "yearly"])
    assert [t["id"] for t in m["touchpoints"]] == ["mt1"] and m["touchpoints"][0]["kind"] == "business-review"
    assert [r["score"] for r in m["npsResponses"]] == [9, 10, 8, 3, 5, 9]
    assert [r["date"] for r in m["npsResponses"]] == ["2026-06-01"] * 3 + ["2026-11-20"] * 3
    assert m["csat"] == [{**m["csat"][0], "score": 2, "scale": 5, "touchpointId": "mt1", "date": "2026-08-01"}]
    assert [(i["kind"], i["level"], i["openedAt"]) for i in m["issues"]] == [
        ("complaint", 2, "2026-11-10T08:00:00Z"), ("complaint", 1, "2026-11-20T08:00:00Z")]
    assert m["issues"][1]["respondedAt"] == "2026-11-20T13:00:00Z"
    assert [p["amount"] for p in m["purchases"]] == [100000, 120000, 90000]
    assert all(p["currency"] == "CNY" for p in m["purchases"])
    crisis, = m["crises"]
    assert crisis["id"] == "mx1" and crisis["openedOn"] == "2026-11-23" and "closedOn" not in crisis
    assert "remedy" not in crisis and crisis["communication"]


def findings(ws, plan_id, lang):
    r = ws.run(["--lang", lang, "check", plan_id, "--format", "json"])
    assert r.status == 0, r.stderr
    found = json.loads(r.stdout)["findings"]
    return {f["id"]: f for f in found if f["section"] == "management"}


def close_crisis_later(ws, plan_id, lang, words):
    """Forty days on, the crisis is still open; then it is closed."""
    later = {"COACH_NOW": "2027-01-02T09:00:00Z"}
    r = ws.run(["--lang", lang, "check", plan_id, "--format", "json"], env=later)
    ids = {f["id"] for f in json.loads(r.stdout)["findings"]}
    assert "crisis-open-too-long" in ids
    r = ws.run(["--lang", lang], stdin_text=ws.lines(f"open {plan_id}", "manage crisis close 1", "quit"), env=later)
    assert r.status == 0, r.stderr
    assert words in r.stdout
    r = ws.run(["--lang", lang, "check", plan_id, "--format", "json"], env=later)
    assert "crisis-open-too-long" not in {f["id"] for f in json.loads(r.stdout)["findings"]}
    assert validate_plan_file(ws.plan_path(plan_id))["management"]["crises"][0]["closedOn"] == "2027-01-02"


def test_keeping_a_won_account_in_english(ws):
    r = run(ws, EN, "en")
    assert "NPS on 2026-11-20: -33" in r.stdout
    assert "NPS trend: 67 → -33" in r.stdout
    assert "Issue #2 responded to at 2026-11-20 13:00 UTC, after 5 h 0 min — over the 2 h of level 1." in r.stdout
    assert "Purchase frequency is falling." in r.stdout
    assert "quarterly business review, Sun 2026-11-01 (22 days overdue)" in r.stdout
    assert "Crisis #1 “Outage in the plant”, open since 2026-11-23." in r.stdout
    check_plan(ws.plan("acme"))
    found = findings(ws, "acme", "en")
    assert set(found) == EXPECTED, found.keys()
    assert "quarterly business review was due" in found["visit-overdue"]["message"]
    assert "67 → -33" in found["nps-falling"]["message"]
    close_crisis_later(ws, "acme", "en", "Crisis #1 closed on")


def test_keeping_a_won_account_in_chinese(ws):
    r = run(ws, ZH, "zh")
    assert "2026-11-20 的 NPS：-33" in r.stdout
    assert "NPS 趋势：67 → -33" in r.stdout
    assert "超过了1级的2小时时限" in r.stdout
    assert "采购频率在下降" in r.stdout
    assert "季度业务回顾，" in r.stdout and "（已逾期22天）" in r.stdout
    assert "危机 #1“工厂停产”，开始于 2026-11-23。" in r.stdout
    check_plan(ws.plan("华东电力"))
    found = findings(ws, "华东电力", "zh")
    assert set(found) == EXPECTED, found.keys()
    assert "季度业务回顾已经逾期" in found["visit-overdue"]["message"]
    assert "VIP 客户" in found["tier-service-mismatch"]["message"]
    close_crisis_later(ws, "华东电力", "zh", "危机 #1 已于")


def test_a_plan_without_the_section_has_no_management_findings_and_no_key(ws):
    r = ws.run(["--lang", "en"], stdin_text=ws.lines("new Plain", "show management", "quit"))
    assert r.status == 0, r.stderr
    assert "Not set up yet: `manage` sets up the service" in r.stdout
    plan = ws.plan("plain")
    assert "management" not in plan
    assert not findings(ws, "plain", "en")
