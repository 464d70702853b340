import CoachCore
import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// (d) `coach --workspace W list` end to end over 1,000 and 10,000 plans of 3–5 KB.
enum ListBench {
  static let name = "(d) `coach list`, 10,000 plans"
  static let target = "≤ 1 s; 10k/1k ≈ 10"
  static let small = 1_000
  static let large = 10_000

  static func run(coach: String, scratch: String, effort: Effort) throws -> Figure {
    let environment = try childEnvironment(scratch: scratch)
    let now = Timestamp(secondsSinceEpoch: Int(time(nil)))
    let smallRepo = PlanRepository(paths: WorkspacePaths(root: scratch + "/list-1k", history: scratch + "/home/history"))
    let largeRepo = PlanRepository(paths: WorkspacePaths(root: scratch + "/list-10k", history: scratch + "/home/history"))
    try smallRepo.prepare(now: now)
    try largeRepo.prepare(now: now)

    // The plans are built and encoded with the plan model and placed where the repository puts
    // them. The first goes through `repository.save`, and every file is checked to be what save
    // writes; the rest are written without fsync — durability is not what is measured here, and
    // 20,000 fsyncs would take most of a minute on this disk.
    progress("(d) list: generating \(grouped(large)) plans (the first \(grouped(small)) also in a second workspace)")
    let started = Monotonic.now()
    var totalBytes = 0
    var smallest = Int.max
    var largest = 0
    for index in 0..<large {
      if index % 500 == 0 { try checkInterrupted() }
      let plan = PlanFactory.workspacePlan(index: index)
      let bytes = Array(plan.fileText.utf8)
      totalBytes += bytes.count
      smallest = min(smallest, bytes.count)
      largest = max(largest, bytes.count)
      let largePath = largeRepo.path(for: plan.id)
      if index == 0 {
        try largeRepo.save(plan)
        guard try readFile(largePath) == bytes else { throw BenchError("repository.save wrote other bytes than plan.fileText") }
      } else {
        guard fileSize(largePath) == nil else { throw BenchError("two generated plans share the id \(plan.id)") }
        try writeFileFast(largePath, bytes)
      }
      if index < small {
        if link(largePath, smallRepo.path(for: plan.id)) != 0 { try writeFileFast(smallRepo.path(for: plan.id), bytes) }
      }
    }
    let generation = Monotonic.now() - started
    guard try largeRepo.ids().count == large, try smallRepo.ids().count == small else {
      throw BenchError("the generated workspaces do not hold \(large) and \(small) plans")
    }
    let probe = PlanFactory.workspacePlan(index: large / 2)
    guard try largeRepo.load(id: probe.id).fileText == probe.fileText else { throw BenchError("a generated plan does not read back as written") }
    flushFileSystems()

    // One checked run each (also the warm-up): the listing must have a row per plan.
    for (repo, count) in [(smallRepo, small), (largeRepo, large)] {
      let out = scratch + "/list-\(count).out"
      try Command(path: coach, arguments: ["--workspace", repo.paths.root, "list"], environment: environment, input: "", output: .file(out)).run()
      let lines = try readFile(out).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
      guard lines >= count else { throw BenchError("`coach list` printed \(lines) lines for \(count) plans") }
      unlink(out)
    }

    let smallRun = Command(path: coach, arguments: ["--workspace", smallRepo.paths.root, "list"], environment: environment, input: "")
    let largeRun = Command(path: coach, arguments: ["--workspace", largeRepo.paths.root, "list"], environment: environment, input: "")

    // Cold runs: `list` keeps a summary cache in <workspace>/.cache/digests.tsv; deleting it
    // before each run measures the first listing of a workspace (every plan parsed and checked).
    let coldRuns = effort.pick(full: 3, quick: 1)
    progress("(d) list: \(coldRuns) cold runs each (summary cache deleted before every run)")
    var smallCold = Samples()
    var largeCold = Samples()
    for _ in 0..<coldRuns {
      unlink(smallRepo.paths.root + "/.cache/" + DigestCache.fileName)
      smallCold.add(try smallRun.run())
      unlink(largeRepo.paths.root + "/.cache/" + DigestCache.fileName)
      largeCold.add(try largeRun.run())
    }

    let runs = effort.pick(full: 11, quick: 2)
    progress("(d) list: \(runs) interleaved runs over \(grouped(small)) and \(grouped(large)) plans")
    var smallTimes = Samples()
    var largeTimes = Samples()
    try interleave(
      rounds: runs,
      [
        { smallTimes.add(try smallRun.run()) },
        { largeTimes.add(try largeRun.run()) },
      ])

    let ratio = largeTimes.median / smallTimes.median
    let perPlan = (largeTimes.median - smallTimes.median) / Double(large - small)
    let fixedCost = smallTimes.median - perPlan * Double(small)
    let growth: String
    switch ratio {
    case ..<7: growth = "grows less than linearly (the fixed start-up cost weighs on the 1k run)"
    case ...12.5: growth = "grows linearly"
    default: growth = "grows faster than linearly"
    }
    return Figure(
      benchmark: name, subject: duration(largeTimes.median), baseline: duration(smallTimes.median) + " (1,000 plans)",
      ratio: ratioText(ratio), target: target,
      verdict: verdict(largeTimes.median <= 1.0) + (ratio > 12.5 ? "; super-linear" : "; linear")
        + "; cold " + duration(largeCold.median) + (largeCold.median <= 1.0 ? " meets" : " misses"),
      details: [
        "Warm runs use the summary cache (<workspace>/.cache/\(DigestCache.fileName), checked against each plan file's size, mtime, ctime and inode). Cold runs (cache deleted first): \(grouped(large)) plans \(largeCold.summary); \(grouped(small)) plans \(smallCold.summary).",
        "Plans: \(grouped(large)) of \(bytesText(smallest))–\(bytesText(largest)) (mean \(bytesText(totalBytes / large)), \(fixed(Double(totalBytes) / 1_048_576, 1)) MiB in all); generated in \(duration(generation)); page cache warm.",
        "`coach --workspace W list` over \(grouped(large)) plans (stdout → /dev/null): \(largeTimes.summary)",
        "`coach --workspace W list` over \(grouped(small)) plans: \(smallTimes.summary)",
        "10k/1k = \(ratioText(ratio)): it \(growth). Fitted on the medians: \(duration(perPlan)) per plan plus \(duration(fixedCost)) fixed.",
      ])
  }
}
