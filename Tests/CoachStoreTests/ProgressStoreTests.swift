import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

@Suite struct ProgressStoreTests {
  let today = CalendarDay("2026-11-23")!

  @Test func anAbsentFileIsAnEmptyProgress() throws {
    let ws = TempWorkspace()
    let p = try ProgressStore(paths: ws.paths).load()
    #expect(p == LearningProgress())
    #expect(!ws.exists("progress.json"))
  }

  @Test func savesPrivatelyAndReadsBackWithUnknownKeys() throws {
    let ws = TempWorkspace()
    ws.write(
      "progress.json",
      """
      {"schemaVersion": 1, "coachTeam": "east", "items": {"ka-revenue-share": {"box": 2, "due": "2026-11-25", "hint": "x"}}, "lessons": {}}
      """)
    let store = ProgressStore(paths: ws.paths)
    var p = try store.load()
    p.items["trust-steps"] = ItemProgress(box: 1, due: today.adding(days: 1), introduced: today, reviewed: today, wrong: 1)
    try store.save(p)
    #expect(ws.mode("progress.json") == 0o600)
    #expect(ws.read("progress.json.bak")?.contains("coachTeam") == true)
    let text = ws.read("progress.json") ?? ""
    #expect(text.contains("\"coachTeam\": \"east\""))
    #expect(text.contains("\"hint\": \"x\""))
    let back = try store.load()
    #expect(back == p)
    #expect(ws.list("").filter { $0.contains(".tmp-") }.isEmpty)
  }

  @Test func createsThePrivateWorkspaceFolder() throws {
    let ws = TempWorkspace()
    let paths = WorkspacePaths(root: ws.root + "/new/ws", history: ws.root + "/h")
    try ProgressStore(paths: paths).save(LearningProgress())
    #expect(ws.mode("new/ws") == 0o700)
    #expect(ws.mode("new/ws/progress.json") == 0o600)
  }

  @Test func aDamagedFileIsReportedWithLineAndColumnAndKept() throws {
    let ws = TempWorkspace()
    let damaged = "{\n  \"schemaVersion\": 1,\n  \"items\": {\n    \"a\": {\"box\": 2,}\n  }\n}\n"
    ws.write("progress.json", damaged)
    let store = ProgressStore(paths: ws.paths)
    do {
      _ = try store.load()
      Issue.record("a damaged file loaded")
    } catch {
      guard case .syntax(let path, let e) = error else {
        Issue.record("not a syntax error: \(error)")
        return
      }
      #expect(path == ws.root + "/progress.json")
      #expect(e.line == 4)
      #expect(e.column > 1)
      #expect(error.exitCode == 65)
    }
    #expect(ws.read("progress.json") == damaged)
  }

  @Test func aFileThatDoesNotFitIsAFormatError() throws {
    let ws = TempWorkspace()
    ws.write("progress.json", #"{"schemaVersion": 1, "items": {"a": {"box": "two", "due": "2026-11-23"}}}"#)
    #expect {
      try ProgressStore(paths: ws.paths).load()
    } throws: { error in
      guard case .format(_, let e)? = error as? StoreError else { return false }
      return e.path == "items.a.box"
    }
  }

  @Test func aNewerVersionIsReadButNeverWritten() throws {
    let ws = TempWorkspace()
    let text = #"{"schemaVersion": 2, "items": {}, "lessons": {}}"#
    ws.write("progress.json", text)
    let store = ProgressStore(paths: ws.paths)
    let p = try store.load()
    #expect(p.isFromNewerVersion)
    #expect(throws: StoreError.readOnly(id: "progress.json")) { try store.save(p) }
    #expect(ws.read("progress.json") == text)
    // One this version cannot even read is reported as newer.
    ws.write("progress.json", #"{"schemaVersion": 3, "items": {"a": {"box": 9}}}"#)
    #expect(throws: StoreError.newerVersion(path: ws.root + "/progress.json", version: 3)) { try store.load() }
  }
}
