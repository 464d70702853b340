"""`coach export`: the meeting brief as HTML (parsed by html5lib, strictly) and Markdown (rendered
by markdown-it-py, a CommonMark parser, then parsed the same way), the plan as JSON, and CSV for a
CRM parsed back with Python's `csv` module. Fixture plans are built here, filled like real
accounts, in English and Chinese, and a hostile one whose answers try to break every format.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import stat

import html5lib
import pytest
from markdown_it import MarkdownIt

T0 = "2026-10-05T08:30:00Z"

HOSTILE = [
    "<script>alert('owned')</script>",
    "<img src=x onerror=alert(1)> <a href=\"https://evil.example/\">click</a>",
    "| pipe | in | a | cell |",
    "*star* _under_ **bold** # hash [x](https://evil.example/y) ![pic](https://evil.example/p.png)",
    "- starts like a list",
    "1. starts like a numbered list",
    "> starts like a quote",
    "=== looks like a heading underline",
    "`code` and ```fence``` and ~~strike~~ and $x^2$ math",
    "back\\slash \\*not emphasis\\* &amp; &lt;entity&gt; <!-- comment -->",
    "\"double\" & 'single' quotes {.class} {#id}",
    "red \x1b[31mESCAPE\x1b[0m and \u202ereversed and a bell\x07",
    "第一行：价格太高了｜需要再考虑\n第二行  *重点*\n\n    四个空格开头的第三行",
    "=HYPERLINK(\"https://evil.example\",\"click\")",
    "+86 21 5555 0000",
    "-2+3 formula",
    "@SUM(A1:A9)",
]
LONG_WORD = "Supercalifragilistic" * 30

# ---------------------------------------------------------------------------------------------
# Fixture plans


def stage(answers: dict, completed: str | None = None) -> dict:
    s = {"answers": answers, "answeredAt": {k: T0 for k in answers}}
    if completed:
        s["completedAt"] = completed
    return s


def person(name, title, role, influence, attitude, concerns, notes=None) -> dict:
    p = {"name": name, "title": title, "role": role, "influence": influence, "attitude": attitude, "concerns": concerns}
    if notes:
        p["notes"] = notes
    return p


def objection(category, statement, by, lines, strategies, status="open") -> dict:
    steps = ["listen", "sympathize", "confirm", "process", "assure"]
    return {"category": category, "statement": statement, "raisedBy": by, "strategies": strategies, "status": status,
            "lscpa": {k: v for k, v in zip(steps, lines) if v}, "createdAt": T0}


def scores(values) -> dict:
    criteria = {"current": ["annualPurchases", "profitContribution", "paymentTerms"],
                "potential": ["marketGrowth", "expansion", "budgetTrend"],
                "relationship": ["stability", "complementarity", "informationValue"],
                "strategic": ["industryInfluence", "technologySynergy", "marketChannel"]}
    it = iter(values)
    return {d: {c: next(it) for c in cs} for d, cs in criteria.items()}


def typical_plan(lang: str) -> dict:
    zh = lang == "zh"
    t = (lambda en, cn: cn if zh else en)
    return {
        "schemaVersion": 1, "id": t("acme-manufacturing", "华东电力集团"), "name": t("Acme Manufacturing", "华东电力集团"),
        "createdAt": T0, "updatedAt": "2026-11-20T16:45:00Z",
        "account": {"tier": "A", "industry": t("manufacturing", "government"), "cooperationStage": "mature", "decisionMode": "hybrid",
                    "portrait": {"decisionMakers": t("COO Li Wei decides.", "分管副总王建国拍板。"),
                                 "painPoints": t("Unplanned stops cost 6 hours a week.", "设备巡检靠人工，缺陷发现滞后。")},
                    "notes": t("Contract renewal in March.", "明年三月前需完成二期立项。")},
        "valueAssessment": scores([5, 4, 3, 4, 5, 3, 4, 3, 4, 5, 4, 3]),
        "stakeholders": [
            person(t("Li Wei", "王建国"), t("COO", "分管副总经理"), "final", 5, "supporter", t("Uptime of the new lines", "安全生产零事故")),
            person(t("Sarah Chen", "刘敏"), t("CFO", "财务部部长"), "financial", 4, "skeptic", t("Three-year cost", "投资回报周期"),
                   notes=t("Bring numbers.", "会前先发测算表。")),
            person(t("Tom Becker", "陈涛"), t("Head of IT", "信息中心主任"), "technical", 4, "neutral", t("SAP integration", "与调度系统对接")),
            person(t("Ana Ruiz", "赵磊"), t("Plant manager", "运维部经理"), "user", 3, "champion", t("Fewer stops", "减少夜间巡检")),
        ],
        "discovery": {
            "initial-contact": stage({"company-basics": t("Two plants, 1,800 staff.", "下辖六座变电站。"),
                                      "key-decision-makers": [t("Li Wei, COO", "王建国，分管副总"), t("Sarah Chen, CFO", "刘敏，财务部部长")],
                                      "first-meeting": "2026-10-12"}, completed="2026-10-12T10:00:00Z"),
            "in-depth-interview": stage({"pain-points": [t("Unplanned stops", "人工巡检夜间风险高"), t("Manual reports", "缺陷数据分散")]}),
            "needs-confirmation": stage({"budget": {"amount": 2400000, "currency": t("CNY", "元")}}),
            "solution-matching": stage({"value-quantified": t("1.1M CNY a year", "每年约八十万元")}),
        },
        "questionPlan": [
            {"type": "open", "text": t("How do you decide which line gets maintenance first?", "您怎样决定哪座变电站优先检修？"), "createdAt": T0},
            {"type": "verification", "text": t("So the budget covers both plants, right?", "也就是说，预算覆盖两期，对吗？"), "createdAt": T0},
            {"type": "value", "text": t("What is an hour of downtime worth?", "一次缺陷晚发现一天损失多少？"), "createdAt": T0,
             "asked": True, "answer": t("About 40k CNY.", "约四万元。")},
        ],
        "objections": [
            objection("price", t("Your price is 18% above Sino-Tech's.", "你们的报价比国电信息高了两成。"), t("Sarah Chen", "刘敏"),
                      [t("Let her finish.", "让她说完。"), t("I understand.", "理解。"), t("Upfront or three-year cost?", "一次性投入还是三年总成本？"),
                       t("Show the three-year cost.", "按三年总成本测算。"), t("Savings go into the contract.", "节省写进合同。")],
                      ["value-comparison"]),
            objection("risk", t("What if the integration fails?", "对接失败怎么办？"), t("Tom Becker", "陈涛"),
                      [t("Ask what went wrong before.", "先问以往的问题。"), "", "", "", ""], ["pilot-project"]),
        ],
        "negotiation": {
            "objectives": [{"term": "price", "best": 2600000, "expected": 2350000, "walkAway": 2100000, "better": "higher",
                            "unit": t("CNY", "元"), "flexibility": "core"},
                           {"term": "payment-terms", "best": 30, "expected": 45, "walkAway": 60, "better": "lower",
                            "unit": t("days", "天"), "flexibility": "flexible"}],
            "batna": {"ours": {"description": t("Sell to Ningbo Gear.", "卖给另一家供电公司。"), "value": 1900000},
                      "theirs": {"description": t("Stay with Sino-Tech.", "继续用国电信息。"), "value": 2250000}},
            "interests": [], "commonInterests": [],
            "concessions": [{"order": 1, "give": t("Free training", "免费培训"), "get": t("36-month contract", "签三年合同"),
                             "costToUs": 40000, "valueToThem": 90000},
                            {"order": 2, "give": t("Spares at cost", "备件按成本价"), "costToUs": 15000, "valueToThem": 30000}],
            "team": [{"name": t("Jia Min", "周静"), "role": "lead"}, {"name": t("Lena Vogt", "郑雪"), "role": "financial"}],
        },
        "actions": [
            {"text": t("Send the cost model", "发送成本测算表"), "owner": t("Lena Vogt", "郑雪"), "due": "2026-11-25", "done": False, "createdAt": T0},
            {"text": t("Book the reference visit", "安排示范站参观"), "owner": t("Jia Min", "周静"), "due": "2026-11-18", "done": False, "createdAt": T0},
            {"text": t("Share the benchmark", "发送案例"), "owner": t("Jia Min", "周静"), "due": "2026-11-05", "done": True, "createdAt": T0,
             "doneAt": "2026-11-05T10:00:00Z"},
        ],
    }


def hostile_plan() -> dict:
    v = HOSTILE
    p = typical_plan("en")
    p["id"], p["name"] = "hostile-co", "Hostile <b>Co</b> | *Ltd* {.x} #1"
    p["account"]["notes"] = v[12]
    p["account"]["portrait"]["competition"] = v[11]
    s = p["stakeholders"]
    s[0].update(name=v[0], title=v[2], concerns=v[3])
    s[1].update(name=v[13], title=v[14], concerns=v[4])
    s[2].update(concerns=v[1], notes=v[15])
    s[3].update(name=v[16], concerns=LONG_WORD)
    d = p["discovery"]
    d["initial-contact"]["answers"].update({"company-basics": v[5], "industry-background": v[6], "key-decision-makers": [v[7], v[8], v[0]]})
    d["in-depth-interview"]["answers"]["root-causes"] = v[9]
    p["questionPlan"][0]["text"] = v[10]
    o = p["objections"][0]
    o.update(statement=v[11], raisedBy=v[0])
    o["lscpa"].update(listen=v[1], sympathize=v[2], confirm=v[12], process=LONG_WORD)
    p["objections"][1]["statement"] = v[4]
    n = p["negotiation"]
    n["batna"]["ours"]["description"] = v[1]
    n["batna"]["theirs"]["description"] = v[6]
    n["concessions"][0].update(give=v[5], get=v[7])
    n["team"][0]["name"] = v[16]
    n["commonInterests"] = [v[3], v[10]]
    n["objectives"][1]["note"] = v[9]
    a = p["actions"]
    a[0].update(text=v[13], owner=v[15])
    a[1].update(text=v[12], owner=v[0])
    return p


def put(ws, plan: dict) -> str:
    ws.plans.mkdir(parents=True, exist_ok=True)
    os.chmod(ws.plans, 0o700)
    path = ws.plan_path(plan["id"])
    path.write_text(json.dumps(plan, ensure_ascii=False, sort_keys=True, indent=2) + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    return plan["id"]


# ---------------------------------------------------------------------------------------------
# What a hostile value must look like once exported


def visible(text: str) -> str:
    """The sanitiser's visible form of control and formatting characters."""
    out = []
    for ch in text:
        o = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif ch == "\r":
            out.append("\\r")
        elif o < 0x20 or o == 0x7F or 0x80 <= o <= 0x9F or 0x200B <= o <= 0x200F or 0x202A <= o <= 0x202E \
                or 0x2060 <= o <= 0x2069 or o in (0x061C, 0xFEFF) or 0xFFF9 <= o <= 0xFFFB:
            out.append("\\u{%s}" % format(o, "X").rjust(2, "0"))
        else:
            out.append(ch)
    return "".join(out)


def normal(text: str) -> str:
    return " ".join(visible(text).split())


# ---------------------------------------------------------------------------------------------
# Parsing


FORBIDDEN_TAGS = {"script", "img", "a", "iframe", "object", "embed", "link", "svg", "math", "form", "input", "video", "audio",
                  "source", "base", "frame", "frameset", "picture", "template"}
URL_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "poster", "background", "xlink:href", "data", "ping"}


def parse_html(text: str, strict: bool = True):
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), strict=strict, namespaceHTMLElements=False)
    return parser.parse(text)


def text_of(root) -> str:
    """All text, with <br> as a line break, whitespace collapsed."""
    parts = []

    def walk(el):
        if el.tag == "br":
            parts.append(" ")
        if el.text and el.tag not in ("style", "title"):
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
    body = root.find("body")
    walk(body if body is not None else root)
    return " ".join("".join(parts).split())


def assert_safe_tree(root):
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        assert tag.lower() not in FORBIDDEN_TAGS, f"<{tag}> in the page"
        for name in el.attrib:
            assert name.lower() not in URL_ATTRIBUTES, f"{name}= on <{tag}>"
            assert not name.lower().startswith("on"), f"event handler {name}= on <{tag}>"
    for style in root.iter("style"):
        css = style.text or ""
        assert "url(" not in css and "@import" not in css, "the stylesheet fetches something"


def render_markdown(text: str) -> str:
    # CommonMark with GFM tables and strikethrough; raw HTML allowed, as GitHub and pandoc allow it,
    # so any HTML that slipped through escaping would show up in the tree.
    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(text)


# ---------------------------------------------------------------------------------------------
# Tests


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_brief_is_a_clean_self_contained_page(ws, lang):
    pid = put(ws, typical_plan(lang))
    r = ws.run(["--lang", lang, "export", pid, "--format", "html", "-o", "brief.html"])
    assert r.status == 0, r.stderr
    path = ws.base / "brief.html"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    root = parse_html(text)  # strict: any parse error fails the test
    assert root.get("lang") == lang
    assert_safe_tree(root)
    metas = [m.get("content", "") for m in root.iter("meta") if m.get("http-equiv", "").lower() == "content-security-policy"]
    assert metas and "default-src 'none'" in metas[0]
    css = "".join(s.text or "" for s in root.iter("style"))
    assert "@page" in css and "size: A4" in css and "@media print" in css
    assert "Noto Sans CJK SC" in css
    words = text_of(root)
    plan = typical_plan(lang)
    assert plan["name"] in root.find("head/title").text
    for s in plan["stakeholders"]:
        assert s["name"] in words
    assert ("Zone of possible agreement" if lang == "en" else "可达成协议区间") in words
    assert ("Open actions" if lang == "en" else "待办行动") in words
    # The one-page brief for the next meeting, by priority; the long document with `--full`.
    section_ids = [s.get("id") for s in root.iter("section")]
    assert section_ids[:5] == ["meeting", "room", "ask", "objections", "negotiation"]
    r = ws.run(["--lang", lang, "export", pid, "--format", "html", "--full"])
    full = parse_html(r.stdout)
    assert ("overdue 5 d" if lang == "en" else "逾期 5 天") in text_of(full)
    section_ids = [s.get("id") for s in full.iter("section")]
    assert section_ids == ["account", "stakeholders", "discovery", "questions", "objections", "negotiation", "findings", "actions"]


@pytest.mark.parametrize("full", [False, True])
def test_hostile_values_come_out_as_text_in_html(ws, full):
    pid = put(ws, hostile_plan())
    r = ws.run(["export", pid, "--format", "html"] + (["--full"] if full else []))
    assert r.status == 0, r.stderr
    root = parse_html(r.stdout)
    assert_safe_tree(root)
    words = text_of(root)
    assert normal("Hostile <b>Co</b> | *Ltd* {.x} #1") in words
    for value in HOSTILE if full else HOSTILE[:1] + HOSTILE[13:]:
        assert normal(value) in words, f"missing as text: {value!r}"
    if full:
        assert LONG_WORD in words
    assert "\x1b" not in r.stdout and "\u202e" not in r.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_brief_renders_as_intended(ws, lang):
    plan = typical_plan(lang)
    pid = put(ws, plan)
    r = ws.run(["--lang", lang, "export", pid, "--format", "md"])
    assert r.status == 0, r.stderr
    root = parse_html("<!DOCTYPE html><html><body>" + render_markdown(r.stdout) + "</body></html>")
    assert [h.text for h in root.iter("h1")] == [("Meeting brief: " if lang == "en" else "会谈简报：") + plan["name"]]
    # The one-page brief for the next meeting: its sections by priority.
    headings = [h.text for h in root.iter("h2")]
    assert headings[:4] == (["Objective and agenda", "Who is in the room", "Questions to ask", "Likely objections and the lines to say"] if lang == "en"
                            else ["会谈目标与议程", "与会者", "要问的问题", "可能的异议与应对话术"])
    tables = list(root.iter("table"))
    people = tables[0]
    rows = people.findall("tbody/tr")
    assert len(rows) == len(plan["stakeholders"])
    assert all(len(row.findall("td")) == 4 for row in rows)
    by_influence = sorted(plan["stakeholders"], key=lambda s: -s["influence"])
    assert [row.find("td/strong").text for row in rows] == [s["name"] for s in by_influence]
    # Labels in bold really are bold, next to Chinese punctuation too.
    strong = [s.text for s in root.iter("strong")]
    assert any((s or "").startswith("Listen" if lang == "en" else "倾听") for s in strong)
    assert "**" not in text_of(root)


@pytest.mark.parametrize("full", [False, True])
def test_hostile_values_cannot_break_the_markdown(ws, full):
    plan = hostile_plan()
    pid = put(ws, plan)
    r = ws.run(["export", pid] + (["--full"] if full else []))
    assert r.status == 0, r.stderr
    root = parse_html("<!DOCTYPE html><html><body>" + render_markdown(r.stdout) + "</body></html>")
    assert_safe_tree(root)
    # The layout holds: one h1, the sections, no stray lists, quotes, rules or code blocks.
    assert len(list(root.iter("h1"))) == 1
    assert [h.text for h in root.iter("h2")][0] == ("Account" if full else "Objective and agenda")
    assert len(list(root.iter("h2"))) == 8 if full else len(list(root.iter("h2"))) >= 5
    assert not list(root.iter("pre")) and not list(root.iter("code")) and not list(root.iter("hr"))
    assert not list(root.iter("ol")) and not list(root.iter("del"))
    assert len(list(root.iter("blockquote"))) == 2  # the two objection statements, nothing else
    people = list(root.iter("table"))[0]
    rows = people.findall("tbody/tr")
    assert len(rows) == 4 and all(len(row.findall("td")) == (6 if full else 4) for row in rows)
    assert normal(HOSTILE[2]) in text_of(rows[0])
    words = text_of(root)
    assert normal("Hostile <b>Co</b> | *Ltd* {.x} #1") in words
    for value in HOSTILE if full else HOSTILE[:1] + HOSTILE[13:]:
        assert normal(value) in words, f"missing as text: {value!r}"


def test_csv_parses_back_to_the_same_values(ws):
    plan = hostile_plan()
    pid = put(ws, plan)
    r = ws.run(["export", pid, "--format", "csv"])
    assert r.status == 0, r.stderr
    # Printed: LF line ends (coach never prints a raw CR); in a file (-o): CRLF, as RFC 4180 asks.
    assert r.out_bytes.endswith(b"\n") and b"\r" not in r.out_bytes and not r.out_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
    assert rows[0] == ["account", "name", "title", "role", "role_label", "influence", "attitude", "attitude_label", "concerns", "notes"]
    assert len(rows) == len(plan["stakeholders"]) + 1

    def expected(value: str) -> str:
        value = visible(value)
        return "'" + value if value.lstrip(" ")[:1] in ("=", "+", "-", "@") else value
    for row, s in zip(rows[1:], plan["stakeholders"]):
        assert row[0] == expected(plan["name"])
        assert row[1] == expected(s["name"]) and row[2] == expected(s["title"])
        assert row[3] == s["role"] and row[5] == str(s["influence"]) and row[6] == s["attitude"]
        assert row[8] == expected(s["concerns"]) and row[9] == expected(s.get("notes", ""))
    assert rows[2][1].startswith("'=HYPERLINK(")
    assert rows[4][1] == "'@SUM(A1:A9)"

    r = ws.run(["export", pid, "--format", "csv", "--what", "actions", "-o", "actions.csv"])
    assert r.status == 0, r.stderr
    raw = (ws.base / "actions.csv").read_bytes()
    assert raw.count(b"\r\n") == len(plan["actions"]) + 1 and raw.endswith(b"\r\n")
    with open(ws.base / "actions.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["account", "action", "owner", "due", "done", "overdue", "created_at", "done_at"]
    for row, a in zip(rows[1:], plan["actions"]):
        assert row[1:5] == [expected(a["text"]), expected(a["owner"]), a["due"], "true" if a["done"] else "false"]
    assert [row[5] for row in rows[1:]] == ["false", "true", "false"]


def test_chinese_csv_round_trip(ws):
    plan = typical_plan("zh")
    pid = put(ws, plan)
    r = ws.run(["--lang", "zh", "export", pid, "csv"])
    assert r.status == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
    assert [row[1] for row in rows[1:]] == [s["name"] for s in plan["stakeholders"]]
    assert [row[4] for row in rows[1:]] == ["最终决策者", "财务决策者", "技术决策者", "使用决策者"]  # the playbook's names
    assert [row[7] for row in rows[1:]] == ["支持者", "怀疑者", "中立者", "拥护者"]


def test_json_is_the_plan_file(ws):
    # A plan coach wrote itself: the export is the file, byte for byte.
    r = ws.run(["--batch"], stdin_text=ws.lines("new Acme Corp", "quit"))
    assert r.status == 0, r.stderr
    r = ws.run(["export", "Acme Corp", "--format", "json", "-o", "plan.json"])
    assert r.status == 0, r.stderr
    assert (ws.base / "plan.json").read_bytes() == ws.plan_path("acme-corp").read_bytes()
    r = ws.run(["export", "acme-corp", "json"])
    assert r.out_bytes == ws.plan_path("acme-corp").read_bytes()
    # A hand-written hostile plan: the same JSON value; on stdout, bidi and C1 marks escaped.
    # (Written in format 1, it is migrated first: the export is always the current format.)
    plan = hostile_plan()
    pid = put(ws, plan)
    assert ws.run(stdin_text=ws.lines(f"open {pid}", "quit")).status == 0
    r = ws.run(["export", pid, "--format", "json"])
    assert r.status == 0, r.stderr
    assert json.loads(r.stdout) == json.loads(ws.plan_path(pid).read_text(encoding="utf-8"))
    assert "\u202e" not in r.stdout and "\\u202e" in r.stdout


def test_export_in_the_session_defaults_to_markdown(ws):
    pid = put(ws, typical_plan("zh"))
    r = ws.run(["--lang", "zh", "--batch"], stdin_text=ws.lines(f"open {pid}", "export", "export html -o 简报.html", "quit"))
    assert r.status == 0, r.stderr
    assert "# 会谈简报：华东电力集团" in r.stdout
    assert "已将会谈简报（HTML）写入 简报.html" in r.stdout
    parse_html((ws.base / "简报.html").read_text(encoding="utf-8"))


def test_output_file_errors(ws):
    pid = put(ws, typical_plan("en"))
    (ws.base / "folder").mkdir()
    r = ws.run(["export", pid, "--format", "html", "-o", "folder"])
    assert r.status == 73 and "is a folder" in r.stderr
    assert os.listdir(ws.base / "folder") == []
    r = ws.run(["export", pid, "-o", "missing/brief.md"])
    assert r.status == 73 and "missing/brief.md" in r.stderr
    r = ws.run(["export", pid, "-o", str(ws.plans / "x.md")])
    assert r.status == 73 and "plans folder" in r.stderr
    assert not (ws.plans / "x.md").exists()
    r = ws.run(["export", pid, "--format", "pdf"])
    assert r.status == 64 and "Unknown format" in r.stderr
    r = ws.run(["export", pid, "--format", "md", "--what", "actions"])
    assert r.status == 64
    r = ws.run(["export", "nope"])
    assert r.status == 66
    # An existing file is replaced whole, still 0600.
    target = ws.base / "brief.md"
    target.write_text("old")
    os.chmod(target, 0o644)
    r = ws.run(["export", pid, "-o", "brief.md"])
    assert r.status == 0 and "Wrote the meeting brief (Markdown) to brief.md" in r.stdout
    assert target.read_text(encoding="utf-8").startswith("# Meeting brief: Acme Manufacturing")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not [n for n in os.listdir(ws.base) if ".tmp-" in n]
