"""The deal facts and the deeper relationship map on the built binary, in both languages, with
the clock pinned by COACH_NOW (conftest): `deal` and `deal competitor add`, `stakeholders links`,
`show`, `list`, `check --format json`; every plan written validates against the schema
(conftest's autouse check)."""
from __future__ import annotations

import json

from test_walks import run_session

EN = [
    "new Acme",
    "deal", "CNY 2.4m", "in 3 months", "value",
    "deal competitor add Sino-Tech", "Cheaper upfront", "Slow service", "Ahead on service",
    "stakeholders add Li Wei", "COO", "final", "5", "supporter", "Uptime", "",
    "stakeholders add Sarah Chen", "CFO", "financial", "5", "skeptic", "Three-year cost", "",
    "stakeholders links Sarah Chen", "final", "", "Li Wei", "", "Lena Vogt", "2026-09-01",
    "show stakeholders", "show deal", "quit",
]

ZH = [
    "new 华东电力",
    "deal", "240万元", "2027-03-31", "签约",
    "deal competitor add 国网信通", "报价低", "响应慢", "服务领先",
    "stakeholders add 王建国", "分管副总", "最终", "5", "支持", "安全生产", "",
    "stakeholders add 刘敏", "财务部部长", "财务", "4", "怀疑", "回报周期", "",
    "stakeholders links 刘敏", "最终", "", "王建国", "王建国", "", "周总监", "今天",
    "quit",
]


def test_deal_and_relationship_map_in_english(ws):
    r = run_session(ws, EN, "en")
    assert "= 2,400,000 CNY" in r.stdout
    assert "Value demonstration (step 4 of 6)" in r.stdout
    assert "└─ Sarah Chen" in r.stdout
    plan = ws.plan("acme")
    assert plan["deal"]["size"] == 2400000 and plan["deal"]["currency"] == "CNY"
    assert plan["deal"]["closeDate"] == "2027-02-23" and plan["deal"]["stage"] == "value-demonstration"
    assert plan["deal"]["competitors"][0]["name"] == "Sino-Tech" and plan["deal"]["competitors"][0]["id"] == "k1"
    sarah = plan["stakeholders"][1]
    assert sarah["roles"] == ["final"] and sarah["reportsTo"] == plan["stakeholders"][0]["id"]
    assert sarah["owner"] == "Lena Vogt" and sarah["lastContact"] == "2026-09-01"

    listed = ws.run(["list", "--format", "json"])
    assert json.loads(listed.stdout)["plans"][0]["stage"] == "value-demonstration"
    assert "4/6 Value demonstration" in ws.run(["list"]).stdout

    found = json.loads(ws.run(["check", "acme", "--format", "json"]).stdout)
    ids = {(f["id"], f.get("values", {}).get("name")) for f in found["findings"]}
    assert ("relationship-without-owner", "Li Wei") in ids
    # 83 days before the pinned 2026-11-23.
    cold = [f for f in found["findings"] if f["id"] == "relationship-gone-cold"]
    assert [(f["values"]["name"], f["values"]["days"]) for f in cold] == [("Sarah Chen", "83")]

    # Removing the manager clears the link to her.
    r = ws.run(["--lang", "en"], stdin_text=ws.lines("open acme", "stakeholders remove Li Wei", "quit"))
    assert r.status == 0, r.stderr
    assert "reportsTo" not in ws.plan("acme")["stakeholders"][0]


def test_deal_and_relationship_map_in_chinese(ws):
    r = run_session(ws, ZH, "zh")
    plan = ws.plan("华东电力")
    assert plan["deal"]["size"] == 2400000
    assert plan["deal"]["stage"] == "closing"
    liu = plan["stakeholders"][1]
    assert liu["roles"] == ["final"] and liu["reportsTo"] == plan["stakeholders"][0]["id"]
    assert liu["influences"] == [plan["stakeholders"][0]["id"]]  # she sways her own manager too
    assert liu["lastContact"] == "2026-11-23" and liu["owner"] == "周总监"
    shown = ws.run(["--lang", "zh", "show", "华东电力", "deal"])
    assert "签约成交（第 6/6 步）" in shown.stdout and "国网信通" in shown.stdout
