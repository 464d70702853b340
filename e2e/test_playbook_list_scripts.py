"""The maintainer scripts that write outside writers' examples into the playbooks
(`scripts/add-compare-examples.py`, `scripts/add-graded-examples.py`) share
`scripts/playbook_lists.py`: its block replacement must keep a trainer's own entries, replace
only the script's marked block on a rerun, and turn an empty `key: []` into a list."""
import sys

import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import playbook_lists  # noqa: E402

MARK = "# added by the script:"

PLAYBOOK = """steps:
  - id: listen
    graded:
      - grade: 2
        text: "A trainer's own"
  - id: assure
    graded: []

""".split("\n")


def entry(text):
    return ["      - grade: 1", f"        text: {playbook_lists.quoted(text)}"]


def test_the_marked_block_is_added_once_and_replaced_on_a_rerun_keeping_the_trainers_entries():
    lines = list(PLAYBOOK)
    for texts in (["first \"quoted\""], ["second", "third"]):
        for step in ("listen", "assure"):
            lo, hi = playbook_lists.blocks(lines, "steps")[step]
            assert playbook_lists.replace_marked(lines, lo, hi, "graded", MARK, [l for t in texts for l in entry(t)])
    doc = yaml.safe_load("\n".join(lines))
    listen, assure = doc["steps"]
    assert [g["text"] for g in listen["graded"]] == ["A trainer's own", "second", "third"]
    assert [g["text"] for g in assure["graded"]] == ["second", "third"]
    assert "\n".join(lines).count(MARK) == 2


def test_an_item_without_the_list_is_reported():
    lines = ["steps:", "  - id: listen", "    better: x", ""]
    lo, hi = playbook_lists.blocks(lines, "steps")["listen"]
    assert not playbook_lists.replace_marked(lines, lo, hi, "graded", MARK, entry("x"))
    assert lines == ["steps:", "  - id: listen", "    better: x", ""]


def test_texts_are_compared_as_the_playbook_compares_them():
    assert playbook_lists.norm("  “Q３”   Budget？") == '"q3" budget?'
    assert playbook_lists.loose("Are you the one who signs?") == playbook_lists.loose("are you the one, who signs")
