import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

@Suite struct DurableFileTests {
  @Test func writesPrivateFilesAndKeepsABackup() throws {
    let ws = TempWorkspace()
    mkdir(ws.plans, 0o700)
    // The process-wide umask is left alone: these suites run in parallel. That a permissive
    // umask still gives 0600 files is proved on the binary (e2e/test_hostile.py, umask 000/022).
    try DurableFile.write(Array("one".utf8), directory: ws.plans, name: "p.json", keepBackup: true)
    #expect(ws.read("plans/p.json") == "one")
    #expect(ws.mode("plans/p.json") == 0o600)
    #expect(!ws.exists("plans/p.json.bak"))
    try DurableFile.write(Array("two".utf8), directory: ws.plans, name: "p.json", keepBackup: true)
    #expect(ws.read("plans/p.json") == "two")
    #expect(ws.read("plans/p.json.bak") == "one")
    #expect(ws.mode("plans/p.json.bak") == 0o600)
    #expect(ws.list("plans").filter { $0.contains(".tmp-") }.isEmpty)
  }

  @Test func failureLeavesTheOldFileAndNoTemp() throws {
    let ws = TempWorkspace()
    mkdir(ws.plans, 0o700)
    try DurableFile.write(Array("old".utf8), directory: ws.plans, name: "p.json", keepBackup: false)
    // Writing into a folder that does not exist fails cleanly.
    #expect(throws: StoreError.self) { try DurableFile.write(Array("x".utf8), directory: ws.plans + "/missing", name: "p.json", keepBackup: true) }
    #expect(ws.read("plans/p.json") == "old")
  }

  @Test func doesNotFollowASymlinkedTempName() throws {
    // O_EXCL|O_NOFOLLOW: the temp file is always new; the plan itself is replaced, never written through.
    let ws = TempWorkspace()
    mkdir(ws.plans, 0o700)
    ws.write("outside.txt", "secret")
    symlink(ws.root + "/outside.txt", ws.plans + "/p.json")
    try DurableFile.write(Array("new".utf8), directory: ws.plans, name: "p.json", keepBackup: false)
    #expect(ws.read("outside.txt") == "secret")
    #expect(ws.read("plans/p.json") == "new")
  }

  /// A pid no process can have: one above the kernel's `pid_max` (any fixed number, such as
  /// 999999, may belong to a live process on a busy machine).
  static func impossiblePid() -> Int32 {
    let text = (try? Sys.readAll("/proc/sys/kernel/pid_max", limit: 64)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return (Int32(text.trimmingWhitespace) ?? 4_194_304) + 1
  }

  @Test func sweepsTempsOfDeadProcessesOnly() throws {
    let ws = TempWorkspace()
    mkdir(ws.plans, 0o700)
    let dead = Self.impossiblePid()
    #expect(kill(dead, 0) == -1 && Sys.errno == ESRCH)
    ws.write("plans/.a.json.tmp-\(dead)-1", "stale")
    ws.write("plans/.b.json.tmp-\(getpid())-2", "mine, in progress")
    // "Now" is the files' own time, so neither counts as old whatever the clock says.
    let now = try #require(Sys.modificationTime(ws.plans + "/.b.json.tmp-\(getpid())-2"))
    let removed = DurableFile.sweepStaleTemps(in: ws.plans, now: now)
    #expect(removed == 1)
    #expect(!ws.exists("plans/.a.json.tmp-\(dead)-1"))
    #expect(ws.exists("plans/.b.json.tmp-\(getpid())-2"))
    // An hour later even a live process's temp file is stale.
    #expect(DurableFile.sweepStaleTemps(in: ws.plans, now: now + 3601) == 1)
    #expect(!ws.exists("plans/.b.json.tmp-\(getpid())-2"))
  }
}

@Suite struct PlanRepositoryTests {
  let now = Timestamp(iso8601: "2026-11-23T09:00:00Z")!

  @Test func createsLoadsAndListsPlans() throws {
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    try repo.prepare(now: now)
    #expect(ws.mode("plans") == 0o700)
    _ = try repo.create(name: "Acme Corp", at: now)
    _ = try repo.create(name: "华东电力", at: now)
    #expect(try repo.ids() == ["acme-corp", "华东电力"])
    #expect(repo.resolve("Acme Corp") == "acme-corp")
    #expect(repo.resolve("acme-corp") == "acme-corp")
    // A hostile name is slugged, so it can only ever name a plan inside the workspace.
    #expect(repo.resolve("../acme-corp") == "acme-corp")
    #expect(repo.resolve("../../etc/passwd") == nil)
    #expect(repo.resolve("/etc/passwd") == nil)
    #expect(try repo.load(id: "华东电力").name == "华东电力")
    #expect(throws: StoreError.exists(id: "acme-corp", name: "Acme Corp")) { try repo.create(name: "ACME  corp", at: now) }
  }

  @Test func corruptPlanIsReportedWithLineAndColumnAndLeftAlone() throws {
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    try repo.prepare(now: now)
    let broken = "{\n  \"schemaVersion\": 1,\n  \"id\": \"acme\",\n  \"name\": \"Acme\"\n  \"oops\": 1\n}\n"
    ws.write("plans/acme.json", broken)
    do {
      _ = try repo.load(id: "acme")
      Issue.record("loaded a corrupt plan")
    } catch {
      guard case .syntax(let path, let e) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(path.hasSuffix("plans/acme.json"))
      #expect(e.line == 5 && e.column == 3)
      #expect(error.exitCode == 65)
    }
    #expect(ws.read("plans/acme.json") == broken)
  }

  @Test func newerPlansCannotBeSaved() throws {
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    try repo.prepare(now: now)
    ws.write("plans/x.json", #"{"schemaVersion": 3, "id": "x", "name": "X"}"#)
    let plan = try repo.load(id: "x")
    #expect(plan.isFromNewerVersion)
    #expect(throws: StoreError.readOnly(id: "x")) { try repo.save(plan) }
  }

  @Test func oneWriterPerPlan() throws {
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    try repo.prepare(now: now)
    let first = try repo.lock(id: "acme")
    #expect(first != nil)
    #expect(try repo.lock(id: "acme") == nil)
    first?.release()
    #expect(try repo.lock(id: "acme") != nil)
  }

  @Test func refusesHugeFiles() throws {
    let ws = TempWorkspace()
    ws.write("big.json", String(repeating: " ", count: 2048))
    #expect(throws: StoreError.self) { try Sys.readAll(ws.root + "/big.json", limit: 1024) }
  }
}

@Suite struct WorkspacePathsTests {
  @Test func followsXDGAndOverrides() {
    let env = ["HOME": "/home/rep", "XDG_DATA_HOME": "/data", "XDG_STATE_HOME": "relative/ignored"]
    let p = WorkspacePaths.resolve(workspace: nil, environment: env, currentDirectory: "/cwd")
    #expect(p.root == "/data/coach")
    #expect(p.plans == "/data/coach/plans")
    #expect(p.history == "/home/rep/.local/state/coach/history")
    let q = WorkspacePaths.resolve(workspace: "ws/", environment: ["HOME": "/h", "COACH_WORKSPACE": "/other", "COACH_HISTORY": "/h/hist"], currentDirectory: "/cwd")
    #expect(q.root == "/cwd/ws")
    #expect(q.history == "/h/hist")
    let r = WorkspacePaths.resolve(workspace: nil, environment: ["HOME": "/h", "COACH_WORKSPACE": "/other"], currentDirectory: "/cwd")
    #expect(r.root == "/other")
    #expect(r.sessions == "/other/sessions")
    #expect(r.progress == "/other/progress.json")
  }
}

/// Issue 11: identity from the file name, changes by other writers, exclusive creation, regular
/// files only, a lock that survives its file being deleted, a safe backup.
@Suite struct PlanRepositoryHardeningTests {
  let now = Timestamp(iso8601: "2026-11-23T09:00:00Z")!

  @Test func theFileNameIsTheIdentity() throws {
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    try repo.prepare(now: now)
    ws.write("plans/evil.json", #"{"schemaVersion": 1, "id": "../../pwned", "name": "Evil"}"#)
    let loaded = try repo.loadWithStamp(id: "evil")
    #expect(loaded.plan.id == "evil" && loaded.mismatchedID == "../../pwned")
    try repo.save(loaded.plan, expected: loaded.stamp)
    #expect(try repo.load(id: "evil").id == "evil")
    #expect(try repo.ids() == ["evil"])
  }

  @Test func aChangeByAnotherWriterIsNotOverwritten() throws {
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    try repo.prepare(now: now)
    _ = try repo.create(name: "Acme", at: now)
    let mine = try repo.loadWithStamp(id: "acme")
    var theirs = try repo.loadWithStamp(id: "acme")
    theirs.plan.name = "Theirs"
    try repo.save(theirs.plan, expected: theirs.stamp)
    var plan = mine.plan
    plan.name = "Mine"
    #expect(throws: StoreError.changedOnDisk(id: "acme")) { try repo.save(plan, expected: mine.stamp) }
    #expect(try repo.load(id: "acme").name == "Theirs")
    // The same bytes with a new time are not a change.
    let again = try repo.loadWithStamp(id: "acme")
    ws.write("plans/acme.json", ws.read("plans/acme.json")!)
    plan.name = "Mine"
    try repo.save(plan, expected: again.stamp)
    #expect(try repo.load(id: "acme").name == "Mine")
  }

  @Test func createIsExclusive() throws {
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    try repo.prepare(now: now)
    ws.write("plans/race.json", #"{"schemaVersion": 1, "id": "race", "name": "Race"}"#)
    #expect(throws: StoreError.exists(id: "race.json", name: "race.json")) {
      _ = try DurableFile.write([1], directory: ws.plans, name: "race.json", keepBackup: false, exclusive: true)
    }
    #expect(ws.read("plans/race.json")!.contains("Race"))
  }

  @Test func onlyRegularFilesAreRead() throws {
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    try repo.prepare(now: now)
    #expect(mkfifo(ws.plans + "/fifo.json", 0o600) == 0)
    #expect(mkdir(ws.plans + "/dir.json", 0o700) == 0)
    #expect(symlink("/dev/null", ws.plans + "/link.json") == 0)
    #expect(throws: StoreError.notRegularFile(path: ws.plans + "/fifo.json", kind: "fifo")) { try repo.load(id: "fifo") }
    #expect(throws: StoreError.notRegularFile(path: ws.plans + "/dir.json", kind: "directory")) { try repo.load(id: "dir") }
    #expect(throws: StoreError.notRegularFile(path: ws.plans + "/link.json", kind: "symlink")) { try repo.load(id: "link") }
  }

  @Test func aDeletedLockFileIsNoticedAndRetaken() throws {
    let ws = TempWorkspace()
    let repo = PlanRepository(paths: ws.paths)
    try repo.prepare(now: now)
    let a = try #require(try repo.lock(id: "acme"))
    #expect(unlink(ws.root + "/.locks/.acme.lock") == 0)
    let b = try #require(try repo.lock(id: "acme"), "the deleted file no longer guards the plan")
    #expect(throws: StoreError.lockLost(id: "acme")) { try a.confirm(id: "acme") }
    b.release()
    #expect(unlink(ws.root + "/.locks/.acme.lock") == 0)
    try a.confirm(id: "acme")  // nobody took it: retaken
    #expect(try repo.lock(id: "acme") == nil)
  }

  @Test func theBackupIsPrivateAndNeverASymlink() throws {
    let ws = TempWorkspace()
    mkdir(ws.plans, 0o700)
    ws.write("plans/p.json", "old")
    chmod(ws.plans + "/p.json", 0o644)
    try DurableFile.write(Array("new".utf8), directory: ws.plans, name: "p.json", keepBackup: true)
    #expect(ws.mode("plans/p.json.bak") == 0o600 && ws.read("plans/p.json.bak") == "old")
    ws.write("outside", "target")
    unlink(ws.plans + "/q.json")
    #expect(symlink(ws.root + "/outside", ws.plans + "/q.json") == 0)
    try DurableFile.write(Array("q".utf8), directory: ws.plans, name: "q.json", keepBackup: true)
    var info = stat()
    #expect(lstat(ws.plans + "/q.json.bak", &info) != 0, "no backup made of a symlink")
    #expect(ws.read("outside") == "target")
  }
}
