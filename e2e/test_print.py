"""The one-page brief, printed: `coach export brief --format html` for a typical full plan (six
stakeholders with reporting lines, seven planned questions, four objections with every LSCPA
line, the negotiation prepared, two competitors, the deal), in English and Chinese, printed to
PDF by headless Chromium on A4, must be exactly one page. `--full` is the long document and
takes more. Chromium and poppler-utils (pdfinfo) come from scripts/setup.sh.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from test_export import T0, person, put, scores, stage

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
PDFINFO = shutil.which("pdfinfo")
pytestmark = pytest.mark.skipif(not (CHROMIUM and PDFINFO), reason="needs chromium and pdfinfo (scripts/setup.sh --test installs them)")


def lscpa(category, statement, by, lines, strategies):
    steps = ["listen", "sympathize", "confirm", "process", "assure"]
    return {"category": category, "statement": statement, "raisedBy": by, "strategies": strategies, "status": "open",
            "lscpa": dict(zip(steps, lines)), "createdAt": T0}


def full_plan(lang: str) -> dict:
    zh = lang == "zh"
    t = (lambda en, cn: cn if zh else en)
    people = [
        person(t("Li Wei", "王建国"), t("Chief Operating Officer", "分管副总经理"), "final", 5, "supporter",
               t("Uptime of the two new lines; one supplier for both plants", "安全生产零事故；项目要能在集团推广")),
        person(t("Sarah Chen", "刘敏"), t("CFO", "财务部部长"), "financial", 5, "skeptic",
               t("Three-year total cost; payment terms that fit the budget", "投资回报周期；付款节奏要匹配年度预算")),
        person(t("Tom Becker", "陈涛"), t("Head of IT", "信息中心主任"), "technical", 4, "neutral",
               t("SAP integration; data stays on site", "与现有调度系统对接；数据安全等级保护")),
        person(t("Ana Ruiz", "赵磊"), t("Plant Manager, Suzhou", "运维部经理"), "user", 3, "champion",
               t("Fewer unplanned stops; easy for operators", "减少夜间巡检；一线人员容易上手")),
        person(t("Mark Olsen", "孙丽"), t("Procurement Lead", "采购部主管"), "other", 3, "blocker",
               t("Three comparable bids", "必须公开招标，至少三家比价")),
        person(t("Ken Ito", "欧阳明"), t("Quality Manager", "安全监察部主任"), "user", 3, "neutral",
               t("Traceability for audits", "缺陷记录可追溯，经得起审计")),
    ]
    for i, p in enumerate(people):
        p["id"] = f"s{i + 1}"
    people[1]["roles"] = ["final"]
    people[1]["reportsTo"] = "s1"
    people[2]["reportsTo"] = "s1"
    people[3]["reportsTo"] = "s1"
    people[4]["reportsTo"] = "s2"
    people[5]["reportsTo"] = "s4"
    people[3]["influences"] = ["s3", "s6"]
    people[0].update(owner=t("Jia Min", "张经理"), lastContact="2026-11-12")
    people[1].update(owner=t("Lena Vogt", "周总监"), lastContact="2026-10-30")
    questions = [
        ("open", t("How do you decide which line gets maintenance first?", "您怎样决定哪座变电站优先检修？")),
        ("open", t("What would a good year look like for the Suzhou plant?", "明年运维工作做到什么程度您会比较满意？")),
        ("leading", t("Which of the stops hurts delivery to your OEMs the most?", "在这些问题里，哪一个对安全生产影响最大？")),
        ("leading", t("Where does the SAP interface worry your team most?", "和调度系统对接，您的团队最担心哪一环？")),
        ("verification", t("So the 2.4M budget covers both plants, right?", "也就是说，三百万预算覆盖两期，对吗？")),
        ("verification", t("If the pilot proves four hours less downtime a week, is that enough to decide?", "如果试点证明每周少停机四小时，这足以做决定吗？")),
        ("value", t("What is one hour of downtime on line 2 worth to you?", "一次缺陷晚发现一天，大概会带来多少损失？")),
    ]
    objections = [
        lscpa("price", t("Your price is 18% above Sino-Tech's.", "你们的报价比国网信通高了两成。"), t("Sarah Chen", "刘敏"),
              [t("Let her finish; note the numbers she compares.", "让她把话说完，记下她比较的数字。"),
               t("I understand - a gap like that has to be justified to the board.", "理解，这样的差价确实需要向集团解释清楚。"),
               t("Is it the upfront price or the three-year cost that worries you most?", "您更担心的是一次性投入，还是三年的总成本？"),
               t("Walk through the three-year cost with service, downtime and spares included; next step: architecture session with Tom.", "按三年总成本对比：服务、停机和备件都算进去；下一步：和信息中心开一次架构评审会。"),
               t("We will put the savings in the contract as a measured KPI, reviewed every quarter.", "我们把节省写进合同，作为按季度考核的指标。")],
              ["value-comparison", "roi-payback"]),
        lscpa("risk", t("What if the integration with SAP fails?", "和调度系统对接失败怎么办？"), t("Tom Becker", "陈涛"),
              [t("Ask what went wrong in past projects.", "先问清以往项目出过什么问题。"),
               t("That is a fair worry after the last MES project.", "上一个项目的经历让您担心，这很正常。"),
               t("So the worry is downtime during the cut-over, not the interface itself?", "也就是说，您担心的是切换期间停机，而不是接口本身？"),
               t("Start with a six-week pilot on line 2, with a rollback plan signed off by your IT.", "先在一座变电站做六周试点，由信息中心签署回退方案。"),
               t("If the pilot misses its targets, you walk away at no cost.", "试点达不到目标，您可以无成本退出。")],
              ["pilot-project"]),
        lscpa("time", t("We cannot start before the spring shutdown.", "春检之前没法启动。"), t("Li Wei", "王建国"),
              [t("Listen for the real constraint behind the date.", "听清日期背后真正的限制。"),
               t("Shutdowns are tight and nobody wants surprises.", "春检时间紧，谁都不想出意外。"),
               t("So the issue is the installation window, not the decision?", "所以问题在于安装窗口，而不是决策本身？"),
               t("Phase it: sensors now, software at the shutdown; we can accept a 60-day payment term if the contract runs 36 months.", "分阶段实施：传感器先装，软件在春检时上线；如果签三年合同，我们可以接受60天账期。"),
               t("We plan around your calendar and hold the installation team for you.", "我们按您的日程安排，并为您预留安装团队。")],
              ["phased-rollout"]),
        lscpa("decision", t("The board wants to see three comparable bids.", "集团要求至少三家比价。"), t("Mark Olsen", "孙丽"),
              [t("Hear out the process before answering.", "先把流程听完，再回应。"),
               t("Fair process protects everyone, us included.", "公平的流程对大家都有保护，包括我们。"),
               t("Is the concern the process itself or how to compare unlike offers?", "您担心的是流程本身，还是不同方案难以比较？"),
               t("Offer a comparison sheet on total cost that any bidder can fill in.", "提供一份按总成本比较的表格，所有投标方都能填写。"),
               t("We will support the tender with whatever documents your team needs.", "招标需要的材料，我们全力配合提供。")],
              ["decision-support"]),
    ]
    return {
        "schemaVersion": 2, "id": t("acme-manufacturing", "华东电力集团"), "name": t("Acme Manufacturing", "华东电力集团"),
        "createdAt": T0, "updatedAt": "2026-11-20T16:45:00Z",
        "account": {"tier": "A", "industry": t("manufacturing", "government"), "cooperationStage": "mature", "decisionMode": "hybrid",
                    "portrait": {
                        "decisionMakers": t("COO Li Wei decides; the CFO signs anything over 1M CNY.", "分管副总王建国拍板；百万以上需财务部部长会签。"),
                        "procurement": t("Three bids for anything over 500k; procurement runs the tender.", "五十万以上必须招标，采购部组织。"),
                        "budget": t("2.4M CNY approved for FY2027, released in two tranches.", "二〇二七年预算三百万元，分两期拨付。"),
                        "painPoints": t("Unplanned stops on the two new lines cost about 6 hours a week.", "设备巡检靠人工，缺陷发现滞后。"),
                        "competition": t("Incumbent Sino-Tech is cheaper but slow; Brandt courts IT.", "现有供应商国网信通报价低但响应慢。")}},
        "valueAssessment": scores([5, 4, 3, 4, 5, 3, 4, 3, 4, 5, 4, 3]),
        "stakeholders": people,
        "discovery": {"initial-contact": stage({"company-basics": t("Two plants, 1,800 staff.", "下辖六座变电站。")}, completed="2026-10-12T10:00:00Z")},
        "questionPlan": [{"id": f"q{i + 1}", "type": ty, "text": tx, "createdAt": T0} for i, (ty, tx) in enumerate(questions)],
        "objections": [dict(o, id=f"o{i + 1}") for i, o in enumerate(objections)],
        "negotiation": {
            "objectives": [{"term": "price", "best": 2600000, "expected": 2350000, "walkAway": 2100000, "better": "higher", "unit": "CNY", "flexibility": "core"},
                           {"term": "contract-terms", "best": 36, "expected": 24, "walkAway": 12, "better": "higher", "unit": t("months", "月"), "flexibility": "flexible"},
                           {"term": "payment-terms", "best": 30, "expected": 45, "walkAway": 60, "better": "lower", "unit": t("days", "天"), "flexibility": "flexible"}],
            "batna": {"ours": {"description": t("Sell the same package to Ningbo Gear next quarter.", "下季度把同样方案卖给另一家供电公司。"), "value": 1900000},
                      "theirs": {"description": t("Stay with Sino-Tech and add two technicians.", "继续用国网信通，再加两名技术员。"), "value": 2250000}},
            "interests": [{"id": "i1", "stakeholder": t("Sarah Chen", "刘敏"), "stakeholderId": "s2", "position": t("10% off", "降价一成"),
                           "interest": t("Show savings to the board", "向集团证明投资有回报")}],
            "commonInterests": [t("A showcase plant for both sides", "打造双方的示范站")],
            "concessions": [{"id": "c1", "order": 1, "give": t("Free operator training (2 days)", "免费操作培训（两天）"), "get": t("A 36-month contract", "签三年合同"), "costToUs": 40000, "valueToThem": 90000},
                            {"id": "c2", "order": 2, "give": t("Payment in 45 days", "45天付款"), "get": t("A reference visit for other customers", "接待其他客户参观"), "costToUs": 25000, "valueToThem": 60000}],
            "team": [{"id": "t1", "name": t("Jia Min", "张经理"), "role": "lead"}, {"id": "t2", "name": t("Omar Haddad", "李工"), "role": "technical"},
                     {"id": "t3", "name": t("Lena Vogt", "周总监"), "role": "financial"}],
        },
        "actions": [
            {"id": "a1", "text": t("Send the three-year cost model to Sarah Chen", "把三年成本测算表发给刘敏"), "owner": t("Lena Vogt", "周总监"), "due": "2026-11-25", "done": False, "createdAt": T0},
            {"id": "a2", "text": t("Book the reference visit in Ningbo", "安排示范站参观"), "owner": t("Jia Min", "张经理"), "due": "2026-11-18", "done": False, "createdAt": T0},
        ],
        "deal": {"size": 2400000, "currency": "CNY", "closeDate": "2027-02-26", "stage": "value-demonstration",
                 "competitors": [
                     {"id": "k1", "name": t("Sino-Tech", "国网信通"), "strengths": t("Incumbent at both plants; 15% cheaper upfront.", "现有供应商，熟悉调度系统；报价低约15%。"),
                      "weaknesses": t("Slow service: four days on average to fix a stop.", "响应慢：平均四天才能处理一次故障。"),
                      "ourPosition": t("Ahead on uptime and service; behind on price.", "在可用率和服务上领先，价格上落后。")},
                     {"id": "k2", "name": t("Brandt Automation", "西门子能源"), "strengths": t("Strong brand with IT; global SAP references.", "品牌强，信息中心认可；有集团级案例。"),
                      "weaknesses": t("No service team in the region; long lead times.", "本地没有服务团队；交付周期长。"),
                      "ourPosition": t("Level on technology; ahead on local support.", "技术上持平；本地支持领先。")}]},
        "lastItemIDs": {"s": 6, "q": 7, "o": 4, "i": 1, "c": 2, "t": 3, "a": 2, "k": 2},
    }


def pages(pdf: Path) -> int:
    info = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def print_pdf(html: Path, pdf: Path, tmp: Path) -> int:
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--user-data-dir={tmp / 'chromium'}",
         f"--print-to-pdf={pdf}", html.as_uri()],
        capture_output=True, timeout=120, check=True)
    return pages(pdf)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_brief_of_a_typical_full_plan_prints_on_one_a4_page(ws, tmp_path, lang):
    plan_id = put(ws, full_plan(lang))
    html = tmp_path / "brief.html"
    r = ws.run(["export", plan_id, "brief", "--format", "html", "-o", str(html), "--lang", lang])
    assert r.status == 0, r.stderr
    text = html.read_text(encoding="utf-8")
    # What the page must carry: every section by priority, each objection's lines whole.
    for section in ["meeting", "room", "ask", "objections", "negotiation", "competition"]:
        assert f'<section class="{section}"' in text, section
    plan = full_plan(lang)
    said = [line for o in plan["objections"][:2] for line in o["lscpa"].values()]
    for line in said:
        assert line.replace("'", "&#39;").replace("&", "&amp;") in text or line in text, line
    assert print_pdf(html, tmp_path / "brief.pdf", tmp_path) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_full_document_is_longer_than_a_page(ws, tmp_path, lang):
    plan_id = put(ws, full_plan(lang))
    html = tmp_path / "full.html"
    r = ws.run(["export", plan_id, "--format", "html", "--full", "-o", str(html), "--lang", lang])
    assert r.status == 0, r.stderr
    assert print_pdf(html, tmp_path / "full.pdf", tmp_path) > 1


# Every internal field of the plan, filled with a marker string no one would type.
def marked_plan(lang: str) -> tuple[dict, list[str]]:
    plan = full_plan(lang)
    markers: list[str] = []

    def mark(what: str) -> str:
        m = f"QZX{len(markers)}INTERNAL{what}"
        markers.append(m)
        return m

    for s in plan["stakeholders"]:
        s.update(notes=mark("notes"), concerns=mark("concerns"), owner=mark("owner"))
    plan["account"]["notes"] = mark("accountnotes")
    for area in plan["account"]["portrait"]:
        plan["account"]["portrait"][area] = mark("portrait")
    n = plan["negotiation"]
    for o in n["objectives"]:
        o.update(walkAway=mark("walkaway"), note=mark("goalnote"), unit=mark("unit"))
    n["batna"]["ours"]["description"] = mark("ourbatna")
    n["batna"]["theirs"]["description"] = mark("theirbatna")
    for c in n["concessions"]:
        c.update(give=mark("give"), get=mark("get"))
    for i in n["interests"]:
        i.update(position=mark("position"), interest=mark("interest"))
    n["commonInterests"] = [mark("common")]
    for o in plan["objections"]:
        o["statement"] = mark("objection")
        o["lscpa"] = {k: mark("lscpa") for k in o["lscpa"]}
    for q in plan["questionPlan"]:
        q["text"] = mark("question")
    for c in plan["deal"]["competitors"]:
        c.update(name=mark("competitor"), ourPosition=mark("ourposition"), weaknesses=mark("weaknesses"))
    # The first action was agreed in a meeting (a mutual next step); a to-do the rep logged
    # alone is internal.
    plan["actions"][0]["meeting"] = "m1"
    plan["actions"].append({"id": "a99", "text": mark("todo"), "done": False, "due": "2026-11-30", "createdAt": "2026-11-20T09:00:00Z"})
    return plan, markers


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_customer_copy_carries_nothing_internal(ws, lang, fmt):
    plan, markers = marked_plan(lang)
    plan_id = put(ws, plan)
    r = ws.run(["export", plan_id, "brief", fmt, "--audience", "customer", "--lang", lang])
    assert r.status == 0, r.stderr
    for m in markers:
        assert m not in r.stdout, m
    for word in ["BATNA", "ZOPA", "●", "Skeptic", "Blocker", "Walk-away", "怀疑者", "反对者", "底线", "影响力"]:
        assert word not in r.stdout, word
    # What it is for: the agreed next steps. No meeting names anyone, so the participants are
    # to be confirmed: the customer copy never guesses who is invited from the stakeholders.
    assert plan["stakeholders"][0]["name"] not in r.stdout
    assert ("Participants: to be confirmed" if lang == "en" else "参会人员：待确认") in r.stdout
    assert plan["actions"][0]["text"] in r.stdout
    assert ("Meeting agenda" if lang == "en" else "会谈议程") in r.stdout


def test_the_customer_copy_prints_on_one_page_and_refuses_what_does_not_apply(ws, tmp_path):
    plan_id = put(ws, full_plan("en"))
    html = tmp_path / "agenda.html"
    r = ws.run(["export", plan_id, "html", "--audience", "customer", "-o", str(html)])
    assert r.status == 0, r.stderr
    assert "the customer's agenda (HTML)" in r.stdout
    assert print_pdf(html, tmp_path / "agenda.pdf", tmp_path) == 1
    for args, message in [(["json", "--audience", "customer"], "`--audience` applies to the brief"),
                          (["md", "--audience", "boss"], "Unknown audience ‘boss’"),
                          (["md", "--audience", "customer", "--full"], "`--full` is the internal document")]:
        r = ws.run(["export", plan_id] + args)
        assert r.status == 64 and message in r.stderr, (args, r.stderr)
