import CoachCore
import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// (b) What the product does per recorded answer on a ~50 KB plan — change one field, then
/// `repository.save(plan)` — against a plain durable write of the same bytes.
enum SaveBench {
  static let name = "(b) durable save per answer, 50 KB plan"
  static let target = "≤ 2×"

  static func run(scratch: String, effort: Effort) throws -> Figure {
    let paths = WorkspacePaths(root: scratch + "/save-workspace", history: scratch + "/home/history")
    let repository = PlanRepository(paths: paths)
    try repository.prepare(now: Timestamp(secondsSinceEpoch: Int(time(nil))))

    var plan = PlanFactory.plan(name: "华东电力 Save Bench", seed: 42, approximately: 50_000)
    try repository.save(plan)
    // The plan as a session holds it: read back from disk, which gives every item its id. A
    // plan fresh from the factory has none, and each encode then copied it to number its items
    // (about half the encoder's instructions) — a cost no real save pays.
    plan = try repository.load(id: plan.id)
    var bytes = Array(plan.fileText.utf8)

    var answers = 0
    func recordAnswer() {
      answers += 1
      let at = PlanFactory.time(42, 200 + answers)
      plan.discovery[.inDepthInterview].answers["pain-points"] = .text(PlanFactory.paragraph(answers) + " (#\(answers))")
      plan.discovery[.inDepthInterview].answeredAt["pain-points"] = at
      plan.updatedAt = at
    }

    var subject = Samples()
    var baseline = Samples()
    var encodeOnly = Samples()
    var durableOnly = Samples()
    let operations: [() throws -> Void] = [
      {
        subject.add(
          try Monotonic.time {
            recordAnswer()
            try repository.save(plan)
          })
      },
      { baseline.add(try Monotonic.time { try plainDurableWrite(bytes, directory: paths.plans, name: "baseline-plain.json") }) },
      { encodeOnly.add(Monotonic.time { bytes = Array(plan.fileText.utf8) }) },
      {
        durableOnly.add(
          try Monotonic.time {
            try DurableFile.write(bytes, directory: paths.plans, name: "durable-only.json", keepBackup: true)
          })
      },
    ]
    let warmups = effort.pick(full: 5, quick: 2)
    let runs = effort.pick(full: 200, quick: 15)
    progress("(b) save per answer: \(bytesText(bytes.count)) plan, \(warmups) warm-up rounds, then \(runs) interleaved runs")
    for _ in 0..<warmups { for op in operations { try op() } }
    subject = Samples()
    baseline = Samples()
    encodeOnly = Samples()
    durableOnly = Samples()
    try interleave(rounds: runs, operations)

    let ratio = subject.median / baseline.median
    let overhead = subject.median - baseline.median
    return Figure(
      benchmark: name, subject: duration(subject.median), baseline: duration(baseline.median) + " (plain)",
      ratio: ratioText(ratio), target: target, verdict: verdict(ratio <= 2.0),
      details: [
        "Plan: \(grouped(bytes.count)) bytes (\(plan.stakeholders.count) stakeholders, \(plan.objections.count) objections, \(plan.questionPlan.count) planned questions, \(plan.actions.count) actions, every discovery prompt answered; English and Chinese text).",
        "Subject — set one discovery answer + `repository.save(plan)` (encode, temp file, fsync, backup link, rename, directory fsync): \(subject.summary)",
        "Baseline — the same bytes with temp write + fsync + rename + directory fsync: \(baseline.summary)",
        "Per-pair ratio: \(ratioSummary(pairedRatios(subject, baseline)))",
        "Split — encoding alone (`plan.fileText` → UTF-8): \(encodeOnly.summary)",
        "Split — `DurableFile.write` alone (pre-encoded bytes, with backup): \(durableOnly.summary)",
        "Medians: subject − baseline = \(duration(overhead)); encoding alone is \(duration(encodeOnly.median)) (\(fixed(100 * encodeOnly.median / subject.median, 0))% of the subject); `DurableFile.write` alone − baseline = \(duration(durableOnly.median - baseline.median)) (the backup link, fchmod, O_EXCL temp name). fsync latency varies by milliseconds from run to run, so these differences are within the noise when they are small.",
      ])
  }
}
