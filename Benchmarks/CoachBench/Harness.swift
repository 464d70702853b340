#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `coach-bench --coach PATH [--record FILE] [--quick]`.
enum Harness {
  static let usage = """
    usage: coach-bench --coach PATH [--record FILE] [--quick] [--only LETTERS]

      --coach PATH    the coach binary to measure (a release build: `make bench` builds one)
      --record FILE   also write the results to FILE as Markdown (replacing it)
      --quick         few runs: a smoke test of the harness, not a measurement
      --only LETTERS  run only these benchmarks (`--only dg`: list, agenda and portfolio)
      --make-workspace DIR
                      only write the 10,000 plans of (g, h) into a new workspace DIR and exit
                      (to profile `coach --workspace DIR agenda` with COACH_NOW=\(AgendaBench.now))

    Measures (a) coach start-to-exit against sqlite3, (b) the durable save per answer against a
    plain durable write, (c) open + save of a 1 MB plan, (d) `coach list` over 1,000 and 10,000
    plans, (e) the first playbook load, (f) scoring one drill answer, (g) `coach agenda` and
    (h) `coach portfolio` over 10,000 plans, cold and warm, against `coach list` in the same run.
    Every temp directory is removed at the end.
    """

  static func main(_ arguments: [String]) -> Int32 {
    var coach: String?
    var record: String?
    var quick = false
    var only: Set<Character>? = nil
    var makeWorkspace: String? = nil
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      switch a {
      case "--coach", "--record", "--only", "--make-workspace":
        guard i + 1 < arguments.count else { return fail("\(a) needs a value") }
        switch a {
        case "--coach": coach = arguments[i + 1]
        case "--record": record = arguments[i + 1]
        case "--make-workspace": makeWorkspace = arguments[i + 1]
        default: only = Set(arguments[i + 1].lowercased())
        }
        i += 1
      case "--quick": quick = true
      case "-h", "--help":
        print(usage)
        return 0
      default: return fail("unknown argument ‘\(a)’")
      }
      i += 1
    }
    if let makeWorkspace {
      do {
        _ = try AgendaBench.makeWorkspace(root: makeWorkspace, history: makeWorkspace + "/.history")
        return 0
      } catch { return fail("\(error)") }
    }
    guard let coach else { return fail("--coach PATH is required") }
    if only != nil, record != nil { return fail("--only measures a part of the benchmarks: it cannot --record them") }
    guard access(coach, X_OK) == 0, !isDirectory(coach), let coachBytes = fileSize(coach) else {
      return fail("\(coach) is not an executable file")
    }

    let scratch: String
    do { scratch = try makeTempDirectory("run") } catch { return fail("\(error)") }
    defer { removeTree(scratch) }

    installInterruptHandlers()
    let effort = Effort(quick: quick)
    let started = Monotonic.now()
    var figures: [Figure] = []
    var failed = false
    func attempt(_ name: String, _ target: String, _ body: (String) throws -> Figure) {
      // "(d) `coach list`…": the letter after the parenthesis names the benchmark.
      if let only, let letter = name.dropFirst().first, !only.contains(letter) { return }
      let dir = scratch + "/" + String(figures.count)
      do {
        try checkInterrupted()
        try makeDirectory(dir)
        figures.append(try body(dir))
      } catch {
        failed = true
        progress("coach-bench: \(name): \(error)")
        figures.append(.failed(name, target: target, error))
      }
      removeTree(dir)
    }
    attempt(StartupBench.name, StartupBench.target) { try StartupBench.run(coach: coach, scratch: $0, effort: effort) }
    attempt(PlaybookStartupBench.name, PlaybookStartupBench.target) { try PlaybookStartupBench.run(coach: coach, scratch: $0, effort: effort) }
    attempt(SaveBench.name, SaveBench.target) { try SaveBench.run(scratch: $0, effort: effort) }
    attempt(OpenSaveBench.name, OpenSaveBench.target) { try OpenSaveBench.run(scratch: $0, effort: effort) }
    attempt(ListBench.name, ListBench.target) { try ListBench.run(coach: coach, scratch: $0, effort: effort) }
    attempt(ScoringBench.name, ScoringBench.target) { _ in try ScoringBench.run(coach: coach, effort: effort) }
    var portfolioFigure: Figure? = nil
    attempt(AgendaBench.agendaName, AgendaBench.target) { dir in
      let (agenda, portfolio) = try AgendaBench.run(coach: coach, scratch: dir, effort: effort)
      portfolioFigure = portfolio
      return agenda
    }
    if let portfolioFigure { figures.append(portfolioFigure) }
    if interrupted != 0 {
      progress("coach-bench: interrupted; temp directories removed, nothing recorded")
      removeTree(scratch)
      return 130
    }
    progress("coach-bench: done in \(duration(Monotonic.now() - started))")

    print(Report.table(figures))
    if findOnPath("sqlite3") == nil {
      print("\nNote: sqlite3 was not found on PATH, so (a) has no baseline and no ratio; `make setup` installs it.")
    }
    if let record {
      let machine = Machine.describe(scratch: scratch)
      let text = Report.markdown(
        figures, machine: machine, coach: coach, coachBytes: coachBytes,
        sqlite: findOnPath("sqlite3"), quick: quick)
      do {
        try replaceFile(record, text)
        print("\nRecorded in \(record).")
      } catch {
        progress("coach-bench: could not write \(record): \(error)")
        failed = true
      }
    }
    return failed ? 1 : 0
  }

  static func fail(_ message: String) -> Int32 {
    progress("coach-bench: \(message)\n\n\(usage)")
    return 2
  }
}
