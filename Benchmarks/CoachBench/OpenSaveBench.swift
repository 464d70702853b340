import CoachCore
import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// (c) Opening a 1 MB plan (`load(id:)`) and saving it again, in absolute time, split in two.
enum OpenSaveBench {
  static let name = "(c) open + save, 1 MB plan"
  static let target = "≤ 50 ms"

  static func run(scratch: String, effort: Effort) throws -> Figure {
    let paths = WorkspacePaths(root: scratch + "/open-workspace", history: scratch + "/home/history")
    let repository = PlanRepository(paths: paths)
    try repository.prepare(now: Timestamp(secondsSinceEpoch: Int(time(nil))))

    let original = PlanFactory.plan(name: "Contoso 集团 One Megabyte", seed: 7, approximately: 1_048_576)
    try repository.save(original)
    let file = repository.path(for: original.id)
    let size = fileSize(file) ?? 0

    var total = Samples()
    var load = Samples()
    var save = Samples()
    var plainTotal = Samples()
    var plainRead = Samples()
    var plainWrite = Samples()
    var parseOnly = Samples()
    var encodeOnly = Samples()
    var saves = 0
    let operations: [() throws -> Void] = [
      {
        let t0 = Monotonic.now()
        var plan = try repository.load(id: original.id)
        let t1 = Monotonic.now()
        saves += 1
        plan.updatedAt = PlanFactory.time(7, 1_000 + saves)
        try repository.save(plan)
        let t2 = Monotonic.now()
        load.add(t1 - t0)
        save.add(t2 - t1)
        total.add(t2 - t0)
      },
      {
        let t0 = Monotonic.now()
        let bytes = try readFile(file)
        let t1 = Monotonic.now()
        try plainDurableWrite(bytes, directory: paths.plans, name: "baseline-plain.json")
        let t2 = Monotonic.now()
        plainRead.add(t1 - t0)
        plainWrite.add(t2 - t1)
        plainTotal.add(t2 - t0)
      },
      {
        let bytes = try readFile(file)
        parseOnly.add(try Monotonic.time { _ = try AccountPlan(json: try JSONParser.parse(bytes: bytes)) })
      },
      { encodeOnly.add(Monotonic.time { _ = Array(original.fileText.utf8) }) },
    ]
    let warmups = effort.pick(full: 3, quick: 1)
    let runs = effort.pick(full: 40, quick: 6)
    progress("(c) open + save: \(bytesText(size)) plan, \(warmups) warm-up rounds, then \(runs) interleaved runs")
    for _ in 0..<warmups { for op in operations { try op() } }
    total = Samples()
    load = Samples()
    save = Samples()
    plainTotal = Samples()
    plainRead = Samples()
    plainWrite = Samples()
    parseOnly = Samples()
    encodeOnly = Samples()
    try interleave(rounds: runs, operations)

    let ratio = total.median / plainTotal.median
    return Figure(
      benchmark: name, subject: duration(total.median), baseline: duration(plainTotal.median) + " (plain)",
      ratio: ratioText(ratio), target: target, verdict: verdict(total.median <= 0.050),
      details: [
        "Plan: \(grouped(size)) bytes (\(original.stakeholders.count) stakeholders, \(original.objections.count) objections, \(original.questionPlan.count) planned questions, \(original.actions.count) actions).",
        "Subject — `load(id:)` then `save` (the target is on this, absolute): \(total.summary)",
        "— of which `load(id:)` (read + parse + decode): \(load.summary)",
        "— of which `save` (encode + durable write with backup): \(save.summary)",
        "Baseline — read the file + temp write + fsync + rename + directory fsync: \(plainTotal.summary)",
        "— of which the read: \(plainRead.summary); the durable write: \(plainWrite.summary)",
        "Split — parse + decode alone (bytes already in memory): \(parseOnly.summary)",
        "Split — encode alone (`plan.fileText` → UTF-8): \(encodeOnly.summary)",
        "Per-pair ratio against the baseline: \(ratioSummary(pairedRatios(total, plainTotal)))",
      ])
  }
}
