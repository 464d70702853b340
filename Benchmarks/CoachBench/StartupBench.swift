/// (a) Start to exit of `coach` with `quit` piped in, against `sqlite3` with `.quit` piped in.
enum StartupBench {
  static let name = "(a) start → exit, `quit` piped in"
  static let target = "≤ 2.5×"

  static func run(coach: String, scratch: String, effort: Effort) throws -> Figure {
    let workspace = scratch + "/startup-workspace"
    let environment = try childEnvironment(scratch: scratch)
    let coachRun = Command(path: coach, arguments: ["--workspace", workspace], environment: environment, input: "quit\n")
    let warmups = effort.pick(full: 5, quick: 2)
    let runs = effort.pick(full: 200, quick: 20)

    guard let sqlite = findOnPath("sqlite3") else {
      progress("(a) sqlite3 not found: timing coach alone, the ratio is unavailable")
      for _ in 0..<warmups { try coachRun.run() }
      var alone = Samples()
      for _ in 0..<runs { alone.add(try coachRun.run()) }
      return Figure(
        benchmark: name, subject: duration(alone.median), baseline: "unavailable", ratio: "n/a", target: target,
        verdict: "unavailable",
        details: [
          "**sqlite3 was not found on PATH**: the baseline, and so the ratio, are unavailable. `make setup` (scripts/setup.sh) installs it.",
          "`coach --workspace TMP` with `quit\\n` on stdin: \(alone.summary)",
        ])
    }

    let sqliteRun = Command(path: sqlite, arguments: [], environment: environment, input: ".quit\n")
    progress("(a) start-up: \(warmups) warm-up rounds, then \(runs) interleaved runs of coach and sqlite3")
    for _ in 0..<warmups {
      try coachRun.run()
      try sqliteRun.run()
    }
    var subject = Samples()
    var baseline = Samples()
    try interleave(
      rounds: runs,
      [
        { subject.add(try coachRun.run()) },
        { baseline.add(try sqliteRun.run()) },
      ])
    let ratio = subject.median / baseline.median
    return Figure(
      benchmark: name, subject: duration(subject.median), baseline: duration(baseline.median) + " (sqlite3)",
      ratio: ratioText(ratio), target: target, verdict: verdict(ratio <= 2.5),
      details: [
        "`coach --workspace TMP` with `quit\\n` on stdin (stdout, stderr → /dev/null): \(subject.summary)",
        "`\(sqlite)` with `.quit\\n` on stdin: \(baseline.summary)",
        "Per-pair ratio (coach run ÷ the sqlite3 run next to it): \(ratioSummary(pairedRatios(subject, baseline)))",
        "Timed from `posix_spawn` to `waitpid`; \(warmups) warm-ups of each first.",
      ])
  }
}
