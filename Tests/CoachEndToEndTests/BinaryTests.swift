import CoachTestSupport
import Foundation
import Testing

/// The built `coach` binary run as a user would from a script: arguments, piped standard input,
/// exit status, stdout and stderr. (The larger end-to-end suites are in e2e/, in Python.)
@Suite(.serialized) struct BinaryTests {
  struct Run {
    var status: Int32
    var out: String
    var err: String
  }

  static var binary: String {
    ProcessInfo.processInfo.environment["COACH_BIN"] ?? RepositoryPaths.root() + "/.build/debug/coach"
  }

  /// Every run happens at this moment, whatever the day or time zone the suite runs in.
  static let pinnedNow = "2026-11-23T09:00:00Z"

  func run(_ arguments: [String], input: String = "", workspace: TempWorkspace, now: String? = BinaryTests.pinnedNow) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = ["--workspace", workspace.root] + arguments
    // Nothing of the developer's own settings leaks in: no COACH_*, XDG_* or locale variables.
    var env = ProcessInfo.processInfo.environment.filter { key, _ in
      !key.hasPrefix("COACH_") && !key.hasPrefix("XDG_") && !key.hasPrefix("LC_") && !["LANG", "LANGUAGE", "NO_COLOR", "COLUMNS"].contains(key)
    }
    env["HOME"] = workspace.root
    env["COACH_HISTORY"] = workspace.root + "/history"
    env["LANG"] = "C.UTF-8"
    if let now { env["COACH_NOW"] = now }
    process.environment = env
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
  }

  @Test func versionAndHelp() throws {
    let ws = TempWorkspace()
    let version = try run(["--version"], workspace: ws)
    #expect(version.status == 0)
    #expect(version.out.hasPrefix("0."))
    let help = try run(["--help"], workspace: ws)
    #expect(help.out.contains("coach [OPTIONS] COMMAND [ARGS]"))
    let zh = try run(["--lang", "zh", "--help"], workspace: ws)
    #expect(zh.out.contains("用法"))
  }

  @Test func aPipedSessionCreatesAPrivatePlanAndPrintsPlainText() throws {
    let ws = TempWorkspace()
    let r = try run([], input: "new Acme\nprofile\n1\n2\n\ndone\nshow account\nquit\n", workspace: ws)
    #expect(r.status == 0, "\(r.err)")
    #expect(r.err.isEmpty)
    #expect(!r.out.contains("\u{1B}"))
    #expect(r.out.contains("Created Acme"))
    #expect(ws.mode("plans/acme.json") == 0o600)
    let plan = try #require(ws.read("plans/acme.json"))
    #expect(plan.contains("\"tier\": \"A\""))
    #expect(plan.contains("\"industry\": \"finance\""))
  }

  @Test func aFailedCommandMakesTheBatchFail() throws {
    let ws = TempWorkspace()
    let r = try run([], input: "opne Acme\nlist\n", workspace: ws)
    #expect(r.status == 64)
    #expect(r.err.contains("Did you mean ‘open’?"))
    #expect(r.out.contains("No plans yet"))
  }

  @Test func aDamagedPlanExits65WithItsLineAndIsLeftAlone() throws {
    let ws = TempWorkspace()
    let broken = "{\n  \"schemaVersion\": 1,\n  \"id\": \"acme\"\n  \"name\": \"Acme\"\n}\n"
    ws.write("plans/acme.json", broken)
    let r = try run(["show", "acme"], workspace: ws)
    #expect(r.status == 65)
    #expect(r.err.contains("plans/acme.json:4:3:"))
    #expect(ws.read("plans/acme.json") == broken)
  }
}
