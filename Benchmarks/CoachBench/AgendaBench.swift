import CoachCore
import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// (g) `coach agenda` and (h) `coach portfolio` end to end over 10,000 plans, cold (summary
/// cache deleted first) and warm, with `coach list` over the same plans measured in the same
/// run, interleaved, as the baseline.
enum AgendaBench {
  static let agendaName = "(g) `coach agenda`, 10,000 plans"
  static let portfolioName = "(h) `coach portfolio`, 10,000 plans"
  static let target = "≤ 0.3 s warm, ≤ 1 s cold"
  static let plans = 10_000
  /// The plans' actions are due 2026-03-10 … 2026-03-19: on this day half are overdue and half
  /// due this week, so the agenda lists every plan (the largest agenda these plans can make).
  static let now = "2026-03-15T09:00:00Z"

  /// Writes the benchmark's 10,000 plans into a workspace at `root` (also `--make-workspace`,
  /// to profile `coach` over the same plans outside the harness).
  static func makeWorkspace(root: String, history: String) throws -> PlanRepository {
    let repo = PlanRepository(paths: WorkspacePaths(root: root, history: history))
    try repo.prepare(now: Timestamp(secondsSinceEpoch: Int(time(nil))))
    progress("(g, h) agenda, portfolio: generating \(grouped(plans)) plans")
    for index in 0..<plans {
      if index % 500 == 0 { try checkInterrupted() }
      let plan = PlanFactory.workspacePlan(index: index)
      try writeFileFast(repo.path(for: plan.id), Array(plan.fileText.utf8))
    }
    guard try repo.ids().count == plans else { throw BenchError("the generated workspace does not hold \(plans) plans") }
    flushFileSystems()
    return repo
  }

  static func run(coach: String, scratch: String, effort: Effort) throws -> (Figure, Figure) {
    let environment = try childEnvironment(scratch: scratch) + ["COACH_NOW=" + now]
    let repo = try makeWorkspace(root: scratch + "/views-10k", history: scratch + "/home/history")

    let cache = repo.paths.root + "/.cache/" + DigestCache.fileName
    func command(_ args: [String]) -> Command {
      Command(path: coach, arguments: ["--workspace", repo.paths.root] + args, environment: environment, input: "")
    }
    let agenda = command(["agenda"])
    let portfolio = command(["portfolio"])
    let list = command(["list"])

    // One checked run each (also the warm-up): every plan is on the agenda and in the portfolio.
    for (args, least) in [(["agenda"], plans), (["portfolio"], plans), (["list"], plans)] {
      let out = scratch + "/views.out"
      try Command(path: coach, arguments: ["--workspace", repo.paths.root] + args, environment: environment, input: "", output: .file(out)).run()
      let lines = try readFile(out).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
      guard lines >= least else { throw BenchError("`coach \(args[0])` printed \(lines) lines for \(plans) plans") }
      unlink(out)
    }

    let coldRuns = effort.pick(full: 3, quick: 1)
    progress("(g, h) agenda, portfolio: \(coldRuns) cold runs each, with list (cache deleted before every run)")
    var agendaCold = Samples()
    var portfolioCold = Samples()
    var listCold = Samples()
    try interleave(
      rounds: coldRuns,
      [
        {
          unlink(cache)
          agendaCold.add(try agenda.run())
        },
        {
          unlink(cache)
          portfolioCold.add(try portfolio.run())
        },
        {
          unlink(cache)
          listCold.add(try list.run())
        },
      ])

    let runs = effort.pick(full: 11, quick: 2)
    progress("(g, h) agenda, portfolio: \(runs) interleaved warm runs with list")
    _ = try list.run()
    var agendaWarm = Samples()
    var portfolioWarm = Samples()
    var listWarm = Samples()
    try interleave(
      rounds: runs,
      [
        { agendaWarm.add(try agenda.run()) },
        { portfolioWarm.add(try portfolio.run()) },
        { listWarm.add(try list.run()) },
      ])

    func figure(_ name: String, _ warm: Samples, _ cold: Samples, _ what: String) -> Figure {
      Figure(
        benchmark: name, subject: duration(warm.median), baseline: duration(listWarm.median) + " (`list`)",
        ratio: ratioText(warm.median / listWarm.median), target: target,
        verdict: "warm " + verdict(warm.median <= 0.3) + "; cold " + duration(cold.median) + " " + verdict(cold.median <= 1.0),
        details: [
          "`coach --workspace W \(what)` over \(grouped(plans)) plans (COACH_NOW=\(now), stdout → /dev/null), warm (summary cache in <workspace>/.cache/\(DigestCache.fileName)): \(warm.summary)",
          "Cold (cache deleted before each run): \(cold.summary); `list` cold in the same rounds: \(listCold.summary)",
          "Baseline — `coach list` over the same plans, warm, interleaved: \(listWarm.summary)",
        ])
    }
    return (
      figure(agendaName, agendaWarm, agendaCold, "agenda"),
      figure(portfolioName, portfolioWarm, portfolioCold, "portfolio")
    )
  }
}
