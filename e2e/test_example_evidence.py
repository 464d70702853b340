"""The nearest playbook example as evidence for an objection's category (issue 14, round 4): a
trainer adds wordings under `compareWith` in their own playbook folder; the objection walk shows
the closest one; an example listed under two categories is a located error."""


def test_a_trainer_wording_is_shown_as_the_closest_example(ws):
    team = ws.base / "my-team" / "en"
    team.mkdir(parents=True)
    (team / "objections.yaml").write_text(
        "module: objections\nlanguage: en\ncategories:\n  - id: price\n    compareWith:\n"
        "      - Our treasurer says the licence fee eats the whole saving from the new depot routing.\n",
        encoding="utf-8")
    r = ws.run(["--playbooks", str(ws.base / "my-team"), "playbook", "validate", "my-team"])
    assert r.status == 0, r.stderr
    r = ws.run(["--playbooks", str(ws.base / "my-team"), "--lang", "en"],
               stdin_text="new Acme\nobjection\nThe treasurer thinks your licence fee eats the saving from the routing.\n\ndone\n")
    assert r.status == 0, r.stderr
    assert "The words suggest: Price objection" in r.stdout
    assert "Closest to the playbook's example “Our treasurer says the licence fee eats" in r.stdout
    assert "(shared: treasurer, licence, fee, eats" in r.stdout


def test_an_example_under_two_categories_is_reported_where_it_is(ws):
    team = ws.base / "my-team" / "en"
    team.mkdir(parents=True)
    (team / "objections.yaml").write_text(
        "module: objections\nlanguage: en\ncategories:\n  - id: time\n    compareWith:\n"
        "      - It's too expensive for us.\n", encoding="utf-8")
    r = ws.run(["playbook", "validate", "my-team"], env={"LANG": "en_US.UTF-8"})
    assert r.status == 65
    assert "my-team/en/objections.yaml:6:9: this objection is also listed under `price`" in r.stderr + r.stdout
    r = ws.run(["--lang", "zh", "playbook", "validate", "my-team"])
    assert "my-team/en/objections.yaml:6:9: 这条客户说法也列在 `price` 下" in r.stderr + r.stdout
