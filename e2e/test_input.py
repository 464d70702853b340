"""Issue 13 through the built binary: free text with apostrophes, amounts echoed as stored or
asked about, the settings file (`coach config`, a broken file located by line) and `export -o ~/…`.
Dates relative to today are tested in Swift with a pinned clock; here only absolute ones."""
import json


def test_apostrophes_in_free_text_are_never_an_error(ws):
    r = ws.run(stdin_text=ws.lines("new Acme", "stakeholders add Sean O'Brien", "done",
                                   "actions add Send the CFO's TCO model --owner Sean O'Brien --due 2026-12-15",
                                   "questions check Are you happy with Geotab's offer?"))
    assert r.status == 0, r.stderr
    assert "quote" not in r.stderr
    plan = ws.plan("acme")
    assert [p["name"] for p in plan["stakeholders"]] == ["Sean O'Brien"]
    assert plan["actions"][0]["text"] == "Send the CFO's TCO model"
    assert plan["actions"][0]["owner"] == "Sean O'Brien"
    assert "Added action #1: “Send the CFO's TCO model” — owner Sean O'Brien, due Tue 2026-12-15." in r.stdout


def test_amounts_are_echoed_and_an_ambiguous_one_is_asked(ws):
    r = ws.run(stdin_text=ws.lines("new Acme", "negotiate goals", "1,2M", "1,050", "1", "~1,05M", "done"))
    assert r.status == 0, r.stderr
    assert "  = 1,200,000 CNY" in r.stdout
    assert "‘1,050’ can be read two ways:\n  1  1,050 CNY\n  2  1.05 CNY" in r.stdout
    assert "  = about 1,050,000 CNY" in r.stdout
    price = next(o for o in ws.plan("acme")["negotiation"]["objectives"] if o["term"] == "price")
    assert (price["best"], price["expected"], price["walkAway"], price["unit"]) == (1200000, 1050, 1050000, "CNY")
    assert price["approximate"] == ["walkAway"]  # and the plan still validates against the schema


def test_units_in_chinese(ws):
    r = ws.run(["--lang", "zh"], stdin_text=ws.lines("new 华东电力", "negotiate goals", "", "", "", "", "", "", "", "", "两年", "done"))
    assert r.status == 0, r.stderr
    assert "  = 24 个月（2 年）" in r.stdout
    contract = next(o for o in ws.plan("华东电力")["negotiation"]["objectives"] if o["term"] == "contract-terms")
    assert contract["best"] == 24 and contract["unit"] == "月"


def test_config_writes_the_settings_file_and_the_next_start_uses_it(ws):
    r = ws.run(["config", "set", "currency", "eur"])
    assert r.status == 0, r.stderr
    path = ws.home / ".config" / "coach" / "settings.toml"
    assert 'currency = "EUR"' in path.read_text()
    assert str(path) in r.stdout
    assert ws.run(["config", "get", "currency"]).stdout.strip() == "EUR"
    r = ws.run(stdin_text=ws.lines("new Acme", "discover needs-confirmation", "", "", "250k", "done"))
    assert "  = 250,000 EUR" in r.stdout
    budget = ws.plan("acme")["discovery"]["needs-confirmation"]["answers"]["budget"]
    assert budget == {"amount": 250000, "currency": "EUR"}
    # language from the file, when --lang and COACH_LANG say nothing
    ws.run(["config", "set", "language", "zh"])
    assert ws.run(["config"]).stdout.startswith("设置\n文件：")


def test_a_broken_settings_file_is_located_and_the_defaults_used(ws):
    config = ws.home / "cfg"
    (config / "coach").mkdir(parents=True)
    (config / "coach" / "settings.toml").write_text("# mine\ncurrency = USD\nwidth = huge\ncolour = blue\n")
    r = ws.run(stdin_text=ws.lines("new Acme", "discover needs-confirmation", "", "", "5k", "done"),
               env={"XDG_CONFIG_HOME": str(config)})
    assert r.status == 0, r.stderr
    where = str(config / "coach" / "settings.toml")
    assert f"{where}:3: width must be a whole number of columns from 40 to 400, not ‘huge’" in r.stderr
    assert f"{where}:4: unknown setting ‘colour’; known: currency, language, rep, width" in r.stderr
    assert "  = 5,000 USD" in r.stdout


def test_export_to_tilde_writes_in_home(ws):
    r = ws.run(stdin_text=ws.lines("new Acme", "export html -o ~/brief.html"))
    assert r.status == 0, r.stderr
    assert (ws.home / "brief.html").is_file()
    assert not (ws.base / "~").exists()


def test_typos_get_the_nearest_word(ws):
    r = ws.run(stdin_text=ws.lines("new Acme", "show negotation", "objection resolv 1"))
    assert "No section ‘negotation’ — did you mean negotiation?" in r.stderr
    assert "Unknown word ‘resolv’ — did you mean `objection resolve 1`?" in r.stderr
    assert r.status == 64
