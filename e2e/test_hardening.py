"""Issue 11: every reproducer of the adversarial test, as a test. A plan's content never decides
where it is written; answers are never lost to a race, a lost lock or a full disk; no number,
plan or cache crashes coach; only regular files are read, without blocking."""
import json
import os
import shutil
import stat
import subprocess
import unicodedata

import pytest

from conftest import COACH, tmpfs_workspace, validate_plan_file
from test_failures import fill

Z300 = "0" * 300
Z308 = "0" * 308


def new_plan(ws, name="Acme", *more):
    r = ws.run(stdin_text=ws.lines(f"new {name}", *more))
    assert r.status == 0, r.stderr
    return r


def assert_no_crash(r):
    assert 0 <= r.status < 128, f"status {r.status}; stderr {r.stderr[-1500:]}"
    assert "Fatal error" not in r.stderr and "Stack dump" not in r.stderr, r.stderr[-2000:]


def write_plan(path, plan):
    path.write_text(json.dumps(plan, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


# --- 1. a plan's id never decides where it is saved ----------------------------------------------

def test_a_mismatched_id_is_reported_and_repaired_not_obeyed(ws):
    new_plan(ws, "Bar", "actions add keep bar")
    new_plan(ws, "Evil")
    bar_before = ws.plan_path("bar").read_bytes()
    evil = json.loads(ws.plan_path("evil").read_bytes())
    evil["id"] = "bar"
    write_plan(ws.plan_path("evil"), evil)
    r = ws.run(stdin_text=ws.lines("open evil", "actions add x", "quit"))
    assert r.status == 0, r.stderr
    assert "says its id is ‘bar’" in r.stdout
    assert ws.plan_path("bar").read_bytes() == bar_before, "bar.json is untouched"
    saved = ws.plan("evil")
    assert saved["id"] == "evil", "the id is repaired on save"
    assert [a["text"] for a in saved["actions"]] == ["x"]


def test_an_id_pointing_outside_the_workspace_is_never_followed(ws):
    new_plan(ws, "Evil")
    (ws.plans / "...").mkdir()
    evil = json.loads(ws.plan_path("evil").read_bytes())
    evil["id"] = "../../pwned"
    write_plan(ws.plan_path("evil"), evil)
    ws.expect_invalid(ws.plan_path("evil"))  # its .bak keeps the hostile id; the plan is checked below
    before = ws.tree()
    r = ws.run(stdin_text=ws.lines("open evil", "actions add x", "quit"))
    assert_no_crash(r)
    assert r.status == 0, r.stderr
    after = ws.tree()
    plans = str(ws.plans) + os.sep
    new_outside = [p for p in set(after) - set(before) if not p.startswith(plans) and "/.locks" not in p and "/.cache" not in p]
    assert new_outside == []
    assert not list(ws.base.rglob("pwned*"))
    assert ws.plan("evil")["id"] == "evil"


# --- 2. concurrency: lock, then read; detect other writers; exclusive new ----------------------

def test_two_simultaneous_new_race_only_one_is_created(ws):
    ws.run(stdin_text="list\n")
    for _ in range(5):
        shutil.rmtree(ws.plans, ignore_errors=True)
        procs = [subprocess.Popen(ws.argv(["new", "Race"]), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=ws.env(), cwd=ws.base) for _ in range(4)]
        outs = [p.communicate(timeout=60) for p in procs]
        created = [o for o, _ in outs if b"Created" in o]
        assert len(created) == 1, [(p.returncode, o, e) for p, (o, e) in zip(procs, outs)]
        assert sorted(p.returncode for p in procs) == [0, 73, 73, 73]


def test_deleting_the_lock_folder_cannot_make_a_session_overwrite_another(ws, sessions):
    new_plan(ws, "Acme")
    a = sessions(ws)
    out, err = a.send("open acme")
    assert "Opened Acme" in out
    shutil.rmtree(ws.dir / ".locks")
    b = sessions(ws)
    out, err = b.send("open acme", "actions add from B")
    assert "read-only" not in out, "B got the plan: the lock file was gone"
    assert "from B" in json.dumps(ws.plan("acme"))
    out, err = a.send("actions add from A")
    assert "another session" in err or "changed on disk" in err, err
    actions = [x["text"] for x in ws.plan("acme")["actions"]]
    assert actions == ["from B"], "A's save did not wipe B's answer"
    b.send("quit")
    assert b.wait_exit() == 0
    a.send("quit", "quit")
    assert a.wait_exit() != 0, "A exits non-zero: its change was not saved"
    assert [x["text"] for x in ws.plan("acme")["actions"]] == ["from B"]


def test_a_change_on_disk_by_another_program_is_not_overwritten(ws, sessions):
    new_plan(ws, "Acme")
    a = sessions(ws)
    a.send("open acme")
    plan = json.loads(ws.plan_path("acme").read_bytes())
    plan["actions"] = [{"id": "a1", "text": "edited by hand", "done": False, "createdAt": plan["createdAt"]}]
    write_plan(ws.plan_path("acme"), plan)
    edited = ws.plan_path("acme").read_bytes()
    out, err = a.send("actions add from the session")
    assert "changed on disk" in err, err
    assert ws.plan_path("acme").read_bytes() == edited
    out, err = a.send("close")
    assert "Not saved yet" in err and "close" in err, err
    out, err = a.send("close")
    assert "Dropped, not saved" in err and "Closed" in out
    a.send("quit")
    assert ws.plan_path("acme").read_bytes() == edited


def test_a_touched_but_identical_plan_still_saves(ws, sessions):
    new_plan(ws, "Acme")
    a = sessions(ws)
    a.send("open acme")
    os.utime(ws.plan_path("acme"), (1, 1))
    out, err = a.send("actions add fine")
    assert err == "", err
    a.send("quit")
    assert a.wait_exit() == 0
    assert [x["text"] for x in ws.plan("acme")["actions"]] == ["fine"]


# --- 3. a typed figure can never make the plan unreadable --------------------------------------

@pytest.mark.parametrize("typed", [f"1{Z300}b", f"1{Z300}亿", f"1{Z308}", "99999999999999999", "2000000000000000", "-5000000000000000"])
def test_an_out_of_range_budget_is_re_asked_and_the_plan_stays_readable(ws, typed):
    r = ws.run(stdin_text=ws.lines("new Acme", "discover needs-confirmation", "skip", "skip", typed, "12万", "done", "quit"))
    assert r.status == 0, r.stderr
    assert "is outside the range" in r.stderr and "10^15" in r.stderr
    budget = ws.plan("acme")["discovery"]["needs-confirmation"]["answers"]["budget"]
    assert budget == {"amount": 120000, "currency": "CNY"}  # no currency typed: the default setting (CNY)
    for args in (["show", "acme"], ["list"], ["check", "acme"]):
        shown = ws.run(args)
        assert shown.status == 0, (args, shown.stderr)


def test_out_of_range_is_re_asked_in_chinese_too(ws):
    r = ws.run(["--lang", "zh"], stdin_text=ws.lines("new 甲", "discover needs-confirmation", "skip", "skip", f"1{Z300}亿", "done"))
    assert "超出范围" in r.stderr and "10^15" in r.stderr


def test_every_negotiation_figure_is_range_checked(ws):
    huge = f"1{Z308}"
    r = ws.run(stdin_text=ws.lines(
        "new Acme", "negotiate goals", huge, f"-{huge}", "100", huge, "90", "80", "done",
        "negotiate batna", "", huge, "50", "", huge, "70", "done",
        "show", "quit"))
    assert_no_crash(r)
    assert r.stderr.count("is outside the range") >= 5, r.stderr
    plan = ws.plan("acme")
    text = json.dumps(plan)
    assert "1e+308" not in text and "null" not in json.dumps(plan["negotiation"])
    assert ws.run(["show", "acme"]).status == 0


# --- 4. crashes ------------------------------------------------------------------------------------

def test_objection_strategy_step_after_a_skipped_category(ws):
    r = ws.run(stdin_text=ws.lines("new A", "objection", "xyz", "skip", "skip", "skip", "skip", "skip", "1", "done", "quit"))
    assert_no_crash(r)
    assert "from 1 to 0" not in r.stdout + r.stderr
    assert ws.run(["show", "a"]).status == 0


def test_zopa_with_huge_figures_in_the_plan_does_not_crash(ws):
    new_plan(ws, "A")
    plan = json.loads(ws.plan_path("a").read_bytes())
    plan["negotiation"] = {"objectives": [{"term": "price", "best": 1e15, "expected": -1e15, "walkAway": 1e15}],
                           "batna": {"theirs": {"value": -1e15}},
                           "concessions": [{"id": "c1", "order": 1, "give": "x", "costToUs": 1e15, "valueToThem": 1e15},
                                           {"id": "c2", "order": 2, "give": "y", "costToUs": 1e15, "valueToThem": 0.000001}]}
    write_plan(ws.plan_path("a"), plan)
    for args in (["show", "a"], ["show", "a", "negotiation"], ["check", "a"], ["export", "a", "--format", "md"], ["list"]):
        r = ws.run(args)
        assert_no_crash(r)
        assert r.status == 0, (args, r.stderr)


@pytest.mark.parametrize("number", ["1e19", "1e300", "-1e300", "12345678901234567890"])
def test_a_plan_holding_a_figure_out_of_range_is_refused_with_its_location(ws, number):
    new_plan(ws, "A")
    new_plan(ws, "Fine")
    path = ws.plan_path("a")
    text = path.read_text().replace('"discovery": {}', '"discovery": {"initial-contact": {"answers": {"x": %s}}}' % number)
    if '"initial-contact"' not in text:
        plan = json.loads(text)
        plan["discovery"] = {"initial-contact": {"answers": {"x": 0}}}
        text = json.dumps(plan, indent=2, sort_keys=True).replace('"x": 0', '"x": ' + number)
    path.write_text(text)
    ws.expect_invalid(path)
    for args in (["show", "a"], ["check", "a"], ["export", "a", "--format", "md"]):
        r = ws.run(args)
        assert_no_crash(r)
        assert r.status == 65, (args, r.status, r.stderr)
        assert "discovery.initial-contact.answers.x" in r.stderr
    listed = ws.run(["list"])
    assert_no_crash(listed)
    assert "fine" in listed.stdout, "one bad plan does not stop list for the workspace"
    assert path.read_text() == text


# The summary cache's plan line: P id size mtime mtimeNs ctime ctimeNs inode name updatedAt tier
# stage stakeholders warnings notes sections items (tab-separated).
CACHE_FIELDS = {"size": 2, "mtimeNs": 4, "inode": 7, "warnings": 13, "sections": 15, "items": 16}


def cache_line(ws, plan_id):
    lines = (ws.dir / ".cache" / "digests.tsv").read_text().split("\n")
    return next(line.split("\t") for line in lines if line.startswith("P\t" + plan_id + "\t"))


@pytest.mark.parametrize(
    "damage",
    [{"inode": "-1"}, {"sections": "account=1e300"}, {"size": "x"}, {"mtimeNs": "5000000000"}, {"warnings": "-3"}, {"items": "7"}, {"tier": "Z"}],
)
def test_a_damaged_summary_cache_is_rebuilt(ws, damage):
    new_plan(ws, "Acme", "profile", "A", "done")
    assert ws.run(["list"]).status == 0
    cache_path = ws.dir / ".cache" / "digests.tsv"
    lines = cache_path.read_text().split("\n")
    for n, line in enumerate(lines):
        if line.startswith("P\tacme\t"):
            fields = line.split("\t")
            for key, value in damage.items():
                fields[CACHE_FIELDS.get(key, 10)] = value
            lines[n] = "\t".join(fields)
    cache_path.write_text("\n".join(lines))
    r = ws.run(["list"])
    assert_no_crash(r)
    assert r.status == 0 and "acme" in r.stdout, r.stderr
    rebuilt = cache_line(ws, "acme")
    assert int(rebuilt[7]) == os.stat(ws.plan_path("acme")).st_ino
    assert all(0 <= float(kv.split("=")[1]) <= 1 for kv in rebuilt[15].split(","))
    assert rebuilt[10] == "A"


# --- 5. a pending change is never dropped without the user's decision --------------------------

def test_full_disk_a_kept_change_is_not_thrown_away_by_close_open_or_new(tmp_path, tmpfs, sessions):
    mount = tmpfs("64k")
    ws = tmpfs_workspace(tmp_path, mount)
    assert ws.run(stdin_text="new Acme\nnew Other\n").status == 0
    s = sessions(ws)
    s.send("open acme")
    filler = fill(mount.path)
    out, err = s.send("actions add precious")
    assert "disk is full" in err and "kept" in err
    for command in ("close", "open other", "new Third"):
        out, err = s.send(command)
        assert "Not saved yet: added action" in err, (command, err)
        assert "Closed" not in out and "Opened" not in out and "Created" not in out
    # The walk's closing line does not claim the answers are saved.
    out, err = s.send("profile", "done")
    assert "every answer so far is saved" not in out, out
    filler.unlink()
    out, err = s.send("close")
    assert "Saved" in out and "Closed" in out, (out, err)
    assert [a["text"] for a in ws.plan("acme")["actions"]] == ["precious"]
    s.send("quit")


def test_batch_mode_exits_non_zero_naming_what_was_not_saved(tmp_path, tmpfs):
    mount = tmpfs("64k")
    ws = tmpfs_workspace(tmp_path, mount)
    assert ws.run(stdin_text="new Acme\n").status == 0
    fill(mount.path)
    r = ws.run(stdin_text="open acme\nactions add precious\nprofile\n")
    assert r.status == 74, r.status
    assert "every answer so far is saved" not in r.stdout and "Left the walk; NOT saved yet: added action" in r.stdout, r.stdout
    assert "Not saved, and lost as this session ends: added action" in r.stderr, r.stderr
    assert "Added action" not in r.stdout, "no acknowledgement of a change that is not on disk"


# --- 6. only regular files, never blocking -----------------------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "directory", "symlink-to-device"])
def test_a_fifo_or_other_special_file_as_a_plan_does_not_hang(ws, kind):
    new_plan(ws, "Fine")
    path = ws.plan_path("acme")
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    for args, stdin in ((["show", "acme"], ""), (["list"], ""), ([], "open acme\nlist\n")):
        r = ws.run(args, stdin_text=stdin, timeout=20)
        assert_no_crash(r)
    shown = ws.run(["show", "acme"], timeout=20)
    assert shown.status in (65, 66) and ("not a regular file" in shown.stderr), shown.stderr
    assert "fine" in ws.run(["list"], timeout=20).stdout


def test_a_fifo_as_cache_or_progress_does_not_hang(ws):
    new_plan(ws, "Fine")
    (ws.dir / ".cache").mkdir(exist_ok=True)
    cache = ws.dir / ".cache" / "digests.tsv"
    cache.unlink(missing_ok=True)
    os.mkfifo(cache)
    os.mkfifo(ws.dir / "progress.json")
    r = ws.run(["list"], timeout=20)
    assert r.status == 0 and "fine" in r.stdout
    r = ws.run(["quiz"], stdin_text="done\n", timeout=20)
    assert_no_crash(r)


# --- 7. Unicode twins ------------------------------------------------------------------------------

def test_a_name_typed_in_nfd_opens_the_nfc_plan(ws):
    nfc = unicodedata.normalize("NFC", "Café")
    nfd = unicodedata.normalize("NFD", "Café")
    assert nfc != nfd
    new_plan(ws, nfc)
    r = ws.run(stdin_text=ws.lines(f"new {nfd}", f"open {nfd}", "actions add twin", "quit"))
    assert "already exists" in r.stderr
    assert "Opened Café" in unicodedata.normalize("NFC", r.stdout)
    names = sorted(p.name for p in ws.plans.glob("*.json"))
    assert names == [unicodedata.normalize("NFC", "café.json")]
    assert [a["text"] for a in ws.plan(unicodedata.normalize("NFC", "café"))["actions"]] == ["twin"]


def test_a_name_typed_in_nfd_is_stored_nfc(ws):
    nfd = unicodedata.normalize("NFD", "Ångström")
    new_plan(ws, nfd)
    [path] = list(ws.plans.glob("*.json"))
    assert path.name == unicodedata.normalize("NFC", "ångström.json")
    assert json.loads(path.read_bytes())["name"] == unicodedata.normalize("NFC", "Ångström")


# --- 8. the rest --------------------------------------------------------------------------------------

def test_backup_of_a_0644_plan_is_0600(ws):
    new_plan(ws, "Acme")
    os.chmod(ws.plan_path("acme"), 0o644)
    assert ws.run(stdin_text="open acme\nactions add x\n").status == 0
    assert stat.S_IMODE(os.stat(ws.plan_path("acme")).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(ws.plans / "acme.json.bak").st_mode) == 0o600


def test_unknown_keys_numbers_are_written_back_digit_for_digit(ws):
    new_plan(ws, "Acme")
    path = ws.plan_path("acme")
    text = path.read_text().rstrip().rstrip("}").rstrip()
    text += ',\n  "zzBig": [9007199254740993, 12345678901234567890, 1.50, 1e3, -0.0, 3.141592653589793238]\n}\n'
    path.write_text(text)
    validate_plan_file(path)
    assert ws.run(stdin_text="open acme\nactions add x\n").status == 0
    saved = path.read_text()
    assert "9007199254740993" in saved and "12345678901234567890" in saved
    assert "1.50" in saved and "1e3" in saved and "3.141592653589793238" in saved


def test_a_plan_symlinked_outside_is_refused_and_bak_never_a_symlink(ws):
    new_plan(ws, "Acme")
    outside = ws.base / "outside.json"
    outside.write_bytes(ws.plan_path("acme").read_bytes())
    original = outside.read_bytes()
    ws.plan_path("acme").unlink()
    ws.plan_path("acme").symlink_to(outside)
    r = ws.run(stdin_text="open acme\nactions add x\nshow\n")
    assert_no_crash(r)
    assert "symbolic link" in r.stderr
    assert "Opened" not in r.stdout
    shown = ws.run(["show", "acme"])
    assert shown.status == 66 and "symbolic link" in shown.stderr
    assert outside.read_bytes() == original
    bak = ws.plans / "acme.json.bak"
    assert not bak.is_symlink()


@pytest.mark.parametrize("version", [0, -1])
def test_schema_version_below_one_is_refused_and_never_saved(ws, version):
    new_plan(ws, "Acme")
    path = ws.plan_path("acme")
    plan = json.loads(path.read_bytes())
    plan["schemaVersion"] = version
    write_plan(path, plan)
    ws.expect_invalid(path)
    before = path.read_bytes()
    r = ws.run(stdin_text="open acme\nactions add x\n")
    assert r.status == 65, (r.status, r.stderr)
    assert "schemaVersion" in r.stderr
    assert path.read_bytes() == before
    assert ws.run(["show", "acme"]).status == 65


def test_a_damaged_plan_in_a_session_exits_65(ws):
    new_plan(ws, "Acme")
    path = ws.plan_path("acme")
    path.write_text('{"schemaVersion": 1, "id": "acme", "name": 42}\n')
    ws.expect_invalid(path)
    r = ws.run(stdin_text="open acme\n")
    assert r.status == 65, (r.status, r.stderr)
    r = ws.run(stdin_text="show acme\n")
    assert r.status == 65, (r.status, r.stderr)


def test_bookkeeping_folders_symlinked_outside_are_never_written_through(ws):
    new_plan(ws, "Acme")
    outside = ws.base / "outside"
    outside.mkdir(mode=0o755)
    os.chmod(outside, 0o755)
    shutil.rmtree(ws.dir / ".locks", ignore_errors=True)
    shutil.rmtree(ws.dir / ".cache", ignore_errors=True)
    (ws.dir / ".locks").symlink_to(outside)
    (ws.dir / ".cache").symlink_to(outside)
    r = ws.run(stdin_text="open acme\nactions add x\nlist\n")
    assert_no_crash(r)
    assert "read-only" in r.stdout + r.stderr
    assert list(outside.iterdir()) == [], "nothing written outside the workspace"
    assert stat.S_IMODE(os.stat(outside).st_mode) == 0o755, "the folder a link points to is not chmod-ed"
    assert ws.run(["list"]).status == 0
