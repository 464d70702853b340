/// (e) What loading the playbooks costs: start to exit of a session whose one command needs the
/// playbook (`questions check …`, which parses and checks one language's eleven files), against
/// the same session with `quit` only. Playbooks load on first use, so (a) never pays for them.
enum PlaybookStartupBench {
  static let name = "(e) start → first playbook use → exit"
  static let target = "report the cost"

  static func run(coach: String, scratch: String, effort: Effort) throws -> Figure {
    let workspace = scratch + "/playbook-workspace"
    let environment = try childEnvironment(scratch: scratch)
    let withPlaybook = Command(
      path: coach, arguments: ["--workspace", workspace], environment: environment,
      input: "questions check What keeps you up at night?\nquit\n")
    let bare = Command(path: coach, arguments: ["--workspace", workspace], environment: environment, input: "quit\n")
    let runs = effort.pick(full: 100, quick: 10)
    for _ in 0..<3 {
      try withPlaybook.run()
      try bare.run()
    }
    var subject = Samples()
    var baseline = Samples()
    var sqliteTimes = Samples()
    let sqlite = findOnPath("sqlite3").map { Command(path: $0, arguments: [], environment: environment, input: ".quit\n") }
    progress("(e) playbook load: \(runs) interleaved runs with and without a command that needs the playbook")
    try interleave(
      rounds: runs,
      [
        { subject.add(try withPlaybook.run()) },
        { baseline.add(try bare.run()) },
        { if let sqlite { sqliteTimes.add(try sqlite.run()) } },
      ])
    let cost = subject.median - baseline.median
    let vsSqlite = sqlite == nil ? nil : subject.median / sqliteTimes.median
    return Figure(
      benchmark: name, subject: duration(subject.median), baseline: duration(baseline.median) + " (`quit` only)",
      ratio: vsSqlite.map { ratioText($0) + " of sqlite3" } ?? "n/a", target: target,
      verdict: "costs " + duration(cost) + " once",
      details: [
        "Session with `questions check …` then `quit` (the playbook of one language loaded, parsed and checked): \(subject.summary)",
        "Session with `quit` only: \(baseline.summary)",
        "Loading the playbook costs \(duration(cost)) once per session, on the first command that needs it (a session that only quits, (a), never pays it). This includes reading, checking and decoding the playbook and building the index of its example wordings that the first question or objection is compared with (perf, 2026-12-07: the index about half)."
          + (vsSqlite == nil ? "" : " sqlite3 in the same run: \(sqliteTimes.summary)."),
      ])
  }
}
