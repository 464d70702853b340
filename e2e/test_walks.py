"""A whole account prepared through the guided walks with piped input, in English and in Chinese:
profile, two stakeholders, the four discovery stages, the question plan, two objections walked
through LSCPA, a full negotiation (part by part) and two actions. Then `coach show NAME`,
`coach check NAME --format json` and `coach list --format json` on it. Every answer typed is
checked in the JSON plan; the autouse teardown validates the plan against the schema.
"""
from __future__ import annotations

import json
import re

from conftest import has_raw_controls

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

# Findings that a fully prepared plan must not have (whatever the language).
ABSENT_WHEN_PREPARED = {
    "no-stakeholders", "no-final-decision-maker", "no-financial-decision-maker", "single-threaded",
    "blocker-with-high-influence", "discovery-stage-skipped", "no-open-question", "no-verification-question",
    "no-value-question", "value-assessment-incomplete", "concession-without-return", "concession-beyond-walk-away",
    "concessions-not-decreasing", "walk-away-worse-than-batna", "no-zopa", "no-core-term", "no-lead-negotiator",
    "their-batna-unknown", "objection-without-process",
}

EN_PORTRAIT = [
    "GM Liu Yang decides; CFO Wang Li controls the budget",
    "IT evaluates, the plants recommend, the GM signs",
    "Budget set in March; capex is tight",
    "Late shipments and rework on line 2",
    "Two local vendors; we are the challenger",
]
EN_PRICE_LSCPA = [
    "Thanks for being direct. How are you comparing the two offers?",
    "That makes sense: with this year's budget already fixed, any gap needs a clear reason.",
    "So the gap to the other quote is the main issue. Is anything else holding you back?",
    "Over 5 years our total cost of ownership is 12% lower, and your investment pays back in 14 months.",
    "We commit to a joint review with your finance team after 12 months; next step is the cost walkthrough on Friday.",
]
EN_RISK_LSCPA = [
    "What happened during your last switchover?",
    "That makes sense. Keeping the lines running is your first responsibility.",
    "So the real worry is downtime during the switchover. Is that the only thing we need to solve first?",
    "We could run a 3-month pilot on line 2, judged against the criteria your team sets.",
    "We guarantee a 2-hour response during the pilot, and you can exit at no cost if it misses the criteria.",
]

EN_SESSION = [
    "new Acme Manufacturing",
    # profile: four classifications, twelve scores, five portrait areas
    "profile", "1", "manufacturing", "mature", "hybrid",
    "4", "5", "3", "4", "4", "3", "5", "2", "4", "3", "4", "5",
    *EN_PORTRAIT,
    # two stakeholders, the first through the role guide
    "stakeholders add Liu Yang", "General manager", "unsure", "1", "5", "supporter", "Strategic fit", "Met at the trade fair",
    "stakeholders add Wang Li", "CFO", "financial", "4", "skeptic", "Budget overrun", "",
    # the four discovery stages; after the first, an action through the follow-up
    "discover", "2,000 staff, 4 plants", "Consolidating market", "Liu Yang, GM, high", "Wang Li, CFO, high", "",
    "An OEE benchmark for their segment", "2026/12/1",
    "Send the OEE benchmark", "Liu Yang", "2026-11-30",
    "discover", "Planning is the bottleneck", "Manual scheduling; same-day replans wanted", "Late shipments", "Rework on line 2", "",
    "Planning runs on spreadsheets", "GM: growth", "CFO: cost of rework", "",
    "",
    "discover", "On-time delivery", "Less rework", "", "On-time delivery above 95%", "", "lots", "2,000,000 CNY", "2027-03-01",
    "Planners gain; the night shift changes its routine",
    "",
    "discover", "On-time delivery: scheduling module", "", "Interface to their SAP", "Saves 1.2m a year in rework",
    "Wants a smaller first phase",
    "",
    # the question plan: examples and own questions, one of each type at least
    "questions", "1", "What keeps you up at night about deliveries?", "", "2", "", "So the budget is 2 million, right?", "",
    "1", "",
    # two objections
    "objection", "Your price is 20% higher than the other quote.", "", "Wang Li", *EN_PRICE_LSCPA[:3], "1 2", *EN_PRICE_LSCPA[3:], "",
    "objection risk", "We're worried the switchover will stop our production lines.", "Liu Yang", *EN_RISK_LSCPA[:3], "1",
    *EN_RISK_LSCPA[3:], "",
    # the negotiation, part by part
    "negotiate goals",
    "1,200,000 CNY", "1,100,000", "1,000,000", "", "", "", "core", "List price is 1.3m",
    "36", "24", "12", "", "", "", "flexible", "",
    "", "", "", "", "", "", "", "",
    "30", "45", "60", "", "", "", "flexible", "",
    "Training days", "10", "6", "3", "", "higher", "days", "flexible", "",
    "",
    "negotiate batna", "Sell the capacity to the Ningbo plant", "950000", "Stay with their current vendor", "1,050,000",
    "negotiate interests", "15% off the licence", "Cost-saving target this year", "Go live before peak season",
    "Keep line 2 running", "A reference site in their industry", "",
    "negotiate concessions", "Spare-parts kit", "A 3-year contract", "20000", "50000",
    "Two extra training days", "Payment within 30 days", "10000", "30000", "",
    "negotiate team", "Li Lei", "lead", "Han Mei", "financial", "",
    # the second action
    'actions add Book the plant visit --owner "Liu Yang" --due 2026-12-10',
    "quit",
]

ZH_PORTRAIT = ["王总拍板，钱经理管预算", "信息部评估，工厂推荐，总经理签字", "预算三月编制", "交付延误，二号线返工", "两家本地供应商；我们是挑战者"]
ZH_PRICE_LSCPA = [
    "您能具体说说是和哪家比较的吗？",
    "我理解，今年预算已经定了，任何价格差距都需要一个说得通的理由。",
    "所以和另一家报价相差20%是您最主要的顾虑，除了这一点，还有其他让您犹豫的地方吗？",
    "按5年算，我们的总拥有成本比对手低12%，投资回收期14个月。",
    "我们承诺12个月后和贵公司财务一起复盘；下一步本周五安排成本测算。",
]
ZH_RISK_LSCPA = [
    "上次切换系统时发生了什么？",
    "完全理解，保证产线不停是您的首要责任。",
    "所以您最担心的是切换期间停产，这是唯一需要先解决的问题吗？",
    "我们可以先在二号线做三个月试点，按贵方定的标准验收。",
    "试点期间我们保证两小时响应，达不到标准您可以无成本退出。",
]

ZH_SESSION = [
    "new 华东电力",
    "profile", "１", "制造", "成熟", "混合",
    "４", "5", "3", "4", "4", "3", "5", "2", "4", "3", "4", "5",
    *ZH_PORTRAIT,
    "stakeholders add 王总", "总经理", "不确定", "1", "５", "支持", "投资回报", "",
    "stakeholders add 钱经理", "财务经理", "4", "4", "怀疑", "预算超支", "跳过",
    "discover", "集团四个工厂", "行业整合加速", "王总，总经理，高", "钱经理，财务，高", "", "同行业对标报告", "2026年12月1日",
    "发送对标报告", "王总", "2026-11-30",
    "discover 深度访谈", "排产是瓶颈", "现在手工排产", "交付延误", "二号线返工", "", "排产靠电子表格", "总经理：增长", "财务：返工成本", "",
    "",
    "discover 需求确认", "准时交付", "", "准时交付率高于95%", "", "很多", "200万元", "2027/3/1", "计划员受益",
    "",
    "discover 方案匹配", "准时交付：排产模块", "", "对接现有SAP", "每年节省返工成本120万", "希望第一期更小",
    "",
    "questions", "1", "您对明年的产能规划是怎么考虑的？", "", "您刚才提到返工，具体是在哪个环节出现的？", "",
    "如果我理解正确，交付周期是您最关心的，对吗？", "", "1", "",
    "objection", "你们的价格比别家贵了20%。", "", "钱经理", *ZH_PRICE_LSCPA[:3], "1 2", *ZH_PRICE_LSCPA[3:], "",
    "objection 风险", "我们担心切换系统会让产线停下来。", "王总", *ZH_RISK_LSCPA[:3], "1", *ZH_RISK_LSCPA[3:], "",
    "negotiate 目标",
    "120万", "110万", "100万", "", "", "", "核心", "",
    "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "",
    "培训天数", "10", "6", "3", "", "1", "天", "灵活", "",
    "",
    "negotiate batna", "把产能卖给宁波工厂", "95万", "继续用现有供应商", "105万",
    "negotiate 利益", "缩短交期", "旺季前上线", "许可费打八五折", "今年的降本指标", "行业标杆案例", "",
    "negotiate 让步", "备件包", "签三年合同", "2万", "5万", "两天额外培训", "30天内付款", "1万", "3万", "",
    "negotiate 团队", "李雷", "1", "韩梅", "3", "",
    "actions add 安排工厂参观 --owner 王总 --due 2026-12-10",
    "quit",
]


def run_session(ws, lines, lang):
    r = ws.run(["--lang", lang], stdin_text=ws.lines(*lines))
    assert r.status == 0, r.stderr
    assert b"\x1b" not in r.out_bytes and b"\x1b" not in r.err_bytes
    assert not has_raw_controls(r.out_bytes)
    return r


def all_times(node):
    """Every value under an `answeredAt` / `completedAt` / `createdAt` key."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "answeredAt":
                yield from value.values()
            elif key in ("completedAt", "createdAt", "updatedAt", "doneAt"):
                yield value
            else:
                yield from all_times(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_times(item)


def check_outputs(ws, name, plan_id, lang, headings):
    """`show NAME`, `check NAME --format json`, `list --format json` on the prepared plan."""
    show = ws.run(["--lang", lang, "show", name])
    assert show.status == 0, show.stderr
    assert b"\x1b" not in show.out_bytes
    for heading in headings:
        assert heading in show.stdout, heading

    check = ws.run(["--lang", lang, "check", name, "--format", "json"])
    assert check.status == 0, check.stderr
    assert b"\x1b" not in check.out_bytes
    report = json.loads(check.stdout)
    assert list(report) == ["findings"]
    ids = [f["id"] for f in report["findings"]]
    for f in report["findings"]:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", f["id"])
        assert f["severity"] in ("warning", "info")
        assert f["message"] and f["section"]
    assert not (set(ids) & ABSENT_WHEN_PREPARED), ids
    # Two stakeholders only: no technical decision maker, and no champion among them.
    assert "no-technical-decision-maker" in ids and "no-champion" in ids
    warnings = sum(f["severity"] == "warning" for f in report["findings"])

    listing = ws.run(["--lang", lang, "list", "--format", "json"])
    assert listing.status == 0, listing.stderr
    assert b"\x1b" not in listing.out_bytes
    plans = json.loads(listing.stdout)["plans"]
    [entry] = [p for p in plans if p["id"] == plan_id]
    assert entry["name"] == name
    assert entry["stakeholders"] == 2
    assert entry["warnings"] == warnings
    assert entry["completeness"] == 100, entry
    for section in ("account", "value", "stakeholders", "discovery", "questions", "objections", "negotiation"):
        assert section in entry["sections"]
    assert entry["sections"]["value"] == 100 and entry["sections"]["discovery"] == 100
    return report


def test_a_whole_account_prepared_through_the_walks_in_english(ws):
    r = run_session(ws, EN_SESSION, "en")
    # A refused answer is re-asked on stderr, and does not fail the batch.
    assert "‘lots’ is not an amount" in r.stderr
    assert "That makes them: Final decision maker" in r.stdout
    assert "Initial contact — summary" in r.stdout and "All four stages walked." in r.stdout
    plan = ws.plan("acme-manufacturing")
    assert plan["name"] == "Acme Manufacturing"

    account = plan["account"]
    assert (account["tier"], account["industry"], account["cooperationStage"], account["decisionMode"]) == ("A", "manufacturing", "mature", "hybrid")
    assert [account["portrait"][k] for k in ("decisionMakers", "procurement", "budget", "painPoints", "competition")] == EN_PORTRAIT
    va = plan["valueAssessment"]
    assert [va["current"][k] for k in ("annualPurchases", "profitContribution", "paymentTerms")] == [4, 5, 3]
    assert [va["potential"][k] for k in ("marketGrowth", "expansion", "budgetTrend")] == [4, 4, 3]
    assert [va["relationship"][k] for k in ("stability", "complementarity", "informationValue")] == [5, 2, 4]
    assert [va["strategic"][k] for k in ("industryInfluence", "technologySynergy", "marketChannel")] == [3, 4, 5]

    liu, wang = plan["stakeholders"]
    assert liu == {**liu, "name": "Liu Yang", "title": "General manager", "role": "final", "influence": 5, "attitude": "supporter",
                   "concerns": "Strategic fit", "notes": "Met at the trade fair"}
    assert wang == {**wang, "name": "Wang Li", "title": "CFO", "role": "financial", "influence": 4, "attitude": "skeptic", "concerns": "Budget overrun"}
    assert "notes" not in wang

    d = plan["discovery"]
    assert all(ISO.match(d[s]["completedAt"]) for s in ("initial-contact", "in-depth-interview", "needs-confirmation", "solution-matching"))
    assert d["initial-contact"]["answers"] == {
        "company-basics": "2,000 staff, 4 plants", "industry-background": "Consolidating market",
        "key-decision-makers": ["Liu Yang, GM, high", "Wang Li, CFO, high"],
        "opening-value": "An OEE benchmark for their segment", "first-meeting": "2026-12-01"}
    assert d["in-depth-interview"]["answers"]["pain-points"] == ["Late shipments", "Rework on line 2"]
    assert d["in-depth-interview"]["answers"]["roles-interviewed"] == ["GM: growth", "CFO: cost of rework"]
    assert d["needs-confirmation"]["answers"] == {
        "priorities": ["On-time delivery", "Less rework"], "success-criteria": ["On-time delivery above 95%"],
        "budget": {"amount": 2000000, "currency": "CNY"}, "go-live": "2027-03-01",
        "stakeholders-affected": "Planners gain; the night shift changes its routine"}
    assert d["solution-matching"]["answers"]["feedback"] == "Wants a smaller first phase"

    questions = [(q["type"], q["text"]) for q in plan["questionPlan"]]
    assert [t for t, _ in questions] == ["open", "open", "leading", "verification", "value"]
    assert ("open", "What keeps you up at night about deliveries?") in questions
    assert ("verification", "So the budget is 2 million, right?") in questions

    price, risk = plan["objections"]
    assert (price["category"], price["raisedBy"], price["status"]) == ("price", "Wang Li", "open")
    assert price["strategies"] == ["value-comparison", "roi-payback"]
    assert [price["lscpa"][s] for s in ("listen", "sympathize", "confirm", "process", "assure")] == EN_PRICE_LSCPA
    assert (risk["category"], risk["raisedBy"], risk["statement"]) == ("risk", "Liu Yang", "We're worried the switchover will stop our production lines.")
    assert len(risk["strategies"]) == 1
    assert [risk["lscpa"][s] for s in ("listen", "sympathize", "confirm", "process", "assure")] == EN_RISK_LSCPA

    n = plan["negotiation"]
    goals = {o["term"]: o for o in n["objectives"]}
    assert set(goals) == {"price", "contract-terms", "payment-terms", "custom"}
    assert {k: goals["price"][k] for k in ("best", "expected", "walkAway", "better", "unit", "flexibility", "note")} == {
        "best": 1200000, "expected": 1100000, "walkAway": 1000000, "better": "higher", "unit": "CNY", "flexibility": "core",
        "note": "List price is 1.3m"}
    assert (goals["payment-terms"]["best"], goals["payment-terms"]["walkAway"], goals["payment-terms"]["better"]) == (30, 60, "lower")
    assert (goals["custom"]["label"], goals["custom"]["unit"], goals["custom"]["best"]) == ("Training days", "days", 10)
    assert n["batna"]["ours"] == {**n["batna"]["ours"], "description": "Sell the capacity to the Ningbo plant", "value": 950000}
    assert n["batna"]["theirs"] == {**n["batna"]["theirs"], "description": "Stay with their current vendor", "value": 1050000}
    assert [(i["stakeholder"], i["position"], i["interest"]) for i in n["interests"]] == [
        ("Liu Yang", "15% off the licence", "Cost-saving target this year"), ("Wang Li", "Go live before peak season", "Keep line 2 running")]
    assert n["commonInterests"] == ["A reference site in their industry"]
    assert [(c["order"], c["give"], c["get"], c["costToUs"], c["valueToThem"]) for c in n["concessions"]] == [
        (1, "Spare-parts kit", "A 3-year contract", 20000, 50000), (2, "Two extra training days", "Payment within 30 days", 10000, 30000)]
    assert [(m["name"], m["role"]) for m in n["team"]] == [("Li Lei", "lead"), ("Han Mei", "financial")]

    assert [(a["text"], a.get("owner"), a.get("due"), a["done"]) for a in plan["actions"]] == [
        ("Send the OEE benchmark", "Liu Yang", "2026-11-30", False), ("Book the plant visit", "Liu Yang", "2026-12-10", False)]

    times = list(all_times(plan))
    assert len(times) > 60 and all(ISO.match(t) for t in times), times[:5]

    check_outputs(ws, "Acme Manufacturing", "acme-manufacturing", "en",
                  ["Account", "Value assessment", "Stakeholders", "Needs discovery", "Question plan", "Objections", "Negotiation",
                   "ZOPA", "Concession ladder", "Next actions", "Liu Yang", "Send the OEE benchmark"])


def test_a_whole_account_prepared_through_the_walks_in_chinese(ws):
    r = run_session(ws, ZH_SESSION, "zh")
    assert "‘很多’ 不是有效金额" in r.stderr
    assert "因此其角色是：最终决策者" in r.stdout
    assert "四个阶段都已完成。" in r.stdout
    plan = ws.plan("华东电力")
    assert plan["name"] == "华东电力"
    account = plan["account"]
    assert (account["tier"], account["industry"], account["cooperationStage"], account["decisionMode"]) == ("A", "manufacturing", "mature", "hybrid")
    assert [account["portrait"][k] for k in ("decisionMakers", "procurement", "budget", "painPoints", "competition")] == ZH_PORTRAIT
    assert plan["valueAssessment"]["current"]["annualPurchases"] == 4
    assert plan["valueAssessment"]["strategic"]["marketChannel"] == 5

    wang, qian = plan["stakeholders"]
    assert (wang["name"], wang["title"], wang["role"], wang["influence"], wang["attitude"], wang["concerns"]) == ("王总", "总经理", "final", 5, "supporter", "投资回报")
    assert (qian["name"], qian["role"], qian["influence"], qian["attitude"], qian["concerns"]) == ("钱经理", "financial", 4, "skeptic", "预算超支")

    d = plan["discovery"]
    assert all(ISO.match(d[s]["completedAt"]) for s in ("initial-contact", "in-depth-interview", "needs-confirmation", "solution-matching"))
    assert d["initial-contact"]["answers"]["key-decision-makers"] == ["王总，总经理，高", "钱经理，财务，高"]
    assert d["initial-contact"]["answers"]["first-meeting"] == "2026-12-01"
    assert d["needs-confirmation"]["answers"]["budget"] == {"amount": 2000000, "currency": "CNY"}
    assert d["needs-confirmation"]["answers"]["go-live"] == "2027-03-01"
    assert d["solution-matching"]["answers"]["need-mapping"] == ["准时交付：排产模块"]

    types = [q["type"] for q in plan["questionPlan"]]
    assert types == ["open", "open", "leading", "verification", "value"]
    assert plan["questionPlan"][2]["text"] == "您刚才提到返工，具体是在哪个环节出现的？"

    price, risk = plan["objections"]
    assert (price["category"], price["raisedBy"], price["strategies"]) == ("price", "钱经理", ["value-comparison", "roi-payback"])
    assert [price["lscpa"][s] for s in ("listen", "sympathize", "confirm", "process", "assure")] == ZH_PRICE_LSCPA
    assert (risk["category"], risk["raisedBy"]) == ("risk", "王总")
    assert [risk["lscpa"][s] for s in ("listen", "sympathize", "confirm", "process", "assure")] == ZH_RISK_LSCPA

    n = plan["negotiation"]
    goals = {o["term"]: o for o in n["objectives"]}
    assert set(goals) == {"price", "custom"}
    assert (goals["price"]["best"], goals["price"]["expected"], goals["price"]["walkAway"], goals["price"]["flexibility"]) == (1200000, 1100000, 1000000, "core")
    assert (goals["custom"]["label"], goals["custom"]["unit"], goals["custom"]["better"], goals["custom"]["flexibility"]) == ("培训天数", "天", "higher", "flexible")
    assert (n["batna"]["ours"]["value"], n["batna"]["theirs"]["value"]) == (950000, 1050000)
    assert [(i["stakeholder"], i["interest"]) for i in n["interests"]] == [("王总", "旺季前上线"), ("钱经理", "今年的降本指标")]
    assert n["commonInterests"] == ["行业标杆案例"]
    assert [(c["give"], c["costToUs"], c["valueToThem"]) for c in n["concessions"]] == [("备件包", 20000, 50000), ("两天额外培训", 10000, 30000)]
    assert [(m["name"], m["role"]) for m in n["team"]] == [("李雷", "lead"), ("韩梅", "financial")]

    assert [(a["text"], a.get("owner"), a.get("due")) for a in plan["actions"]] == [("发送对标报告", "王总", "2026-11-30"), ("安排工厂参观", "王总", "2026-12-10")]
    assert all(ISO.match(t) for t in all_times(plan))

    check_outputs(ws, "华东电力", "华东电力", "zh",
                  ["客户概况", "客户价值评估", "关键决策者", "需求挖掘", "提问计划", "异议", "谈判准备", "ZOPA", "让步阶梯", "下一步行动", "钱经理"])
