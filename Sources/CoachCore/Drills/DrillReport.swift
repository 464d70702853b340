/// Figures over saved drills, per rep: for all drills, per drill kind and per step — attempts,
/// average, best, first-to-best improvement, pass rate — with the weakest step. Automatic
/// scores and trainers' overrides are counted apart: the automatic figures never include an
/// override; the trainer figures (when a trainer changed anything) show the scores that count.
/// Finished drills and abandoned exams are counted; unfinished practice is not. Pure: the transcripts are passed in.
public struct DrillReport: Sendable, Equatable {
  public struct Filter: Sendable, Equatable {
    public var rep: String?
    public var since: CalendarDay?
    public init(rep: String? = nil, since: CalendarDay? = nil) {
      self.rep = rep
      self.since = since
    }
  }

  /// Figures in percent of the full score (a step's 0/1/2 is 0/50/100%).
  public struct Figures: Sendable, Equatable {
    public var attempts = 0
    public var average = 0.0
    public var best = 0
    public var first = 0
    public var last = 0
    /// Best minus first: how far the rep came from where they started.
    public var improvement = 0
    /// Share of attempts at or above the drill's pass mark, in percent.
    public var passRate = 0.0
    /// Steps a trainer re-scored.
    public var overrides = 0
    /// With the trainers' scores; nil when no trainer changed a score here.
    public var trainerAverage: Double?
    public var trainerPassRate: Double?
    public init() {}
  }

  public enum Scope: Sendable, Equatable, Hashable {
    case all, kind(DrillKind), step(String)
  }

  public struct Row: Sendable, Equatable {
    public var scope: Scope
    public var figures: Figures
  }

  public struct RepReport: Sendable, Equatable {
    public var rep: String
    public var overall: Figures
    public var kinds: [Row]
    public var steps: [Row]
    /// The step with the lowest automatic average (ties: the earlier step); none when every
    /// step is at 100%.
    public var weakestStep: String?
    public var rows: [Row] { [Row(scope: .all, figures: overall)] + kinds + steps }
  }

  public var reps: [RepReport]
  /// Finished drills counted.
  public var drills: Int
  /// Unfinished drills left out.
  public var unfinished: Int
  public var filter: Filter

  /// The order steps are listed in.
  public static let stepOrder = LSCPAStep.allCases.map(\.rawValue) + ["question", "name", "give-and-get"]

  struct Sample {
    var time: String
    var percent: Int
    var passed: Bool
    var finalPercent: Int
    var finalPassed: Bool
    var overridden: Int
  }

  public init(_ transcripts: [DrillTranscript], filter: Filter = Filter()) {
    self.filter = filter
    var seen: Set<String> = []
    var chosen: [DrillTranscript] = []
    var unfinished = 0
    for t in transcripts.sorted(by: { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }) {
      if let rep = filter.rep, Self.key(t.rep) != Self.key(rep) { continue }
      if let since = filter.since {
        guard let day = Timestamp(iso8601: t.startedAt)?.day, day >= since else { continue }
      }
      guard seen.insert(t.id + "\u{0}" + t.startedAt + "\u{0}" + Self.key(t.rep)).inserted else { continue }
      // An abandoned exam counts with what it earned: walking away does not drop a bad exam.
      if TeamReport.counts(t) { chosen.append(t) } else { unfinished += 1 }
    }
    self.unfinished = unfinished
    drills = chosen.count

    var order: [String] = []
    var byRep: [String: [DrillTranscript]] = [:]
    var names: [String: String] = [:]
    for t in chosen {
      let k = Self.key(t.rep)
      if byRep[k] == nil {
        order.append(k)
        names[k] = t.rep.trimmingWhitespace
      }
      byRep[k, default: []].append(t)
    }
    order.sort { (names[$0] ?? $0).lowercased().unicodeScalars.lexicographicallyPrecedes((names[$1] ?? $1).lowercased().unicodeScalars) }
    reps = order.map { Self.repReport(names[$0] ?? $0, byRep[$0] ?? []) }
  }

  public static func key(_ rep: String) -> String { rep.trimmingWhitespace.lowercased() }

  static func repReport(_ name: String, _ drills: [DrillTranscript]) -> RepReport {
    func drillSample(_ t: DrillTranscript) -> Sample {
      let totals = t.totals
      return Sample(
        time: t.startedAt, percent: totals.percent, passed: totals.passed, finalPercent: totals.finalPercent,
        finalPassed: totals.finalPassed, overridden: totals.overrides)
    }
    let overall = figures(drills.map(drillSample))
    var kinds: [Row] = []
    for kind in DrillKind.allCases {
      let some = drills.filter { $0.scenario.kind == kind }
      if !some.isEmpty { kinds.append(Row(scope: .kind(kind), figures: figures(some.map(drillSample)))) }
    }
    var stepSamples: [String: [Sample]] = [:]
    for t in drills {
      for s in t.steps {
        stepSamples[s.step, default: []].append(
          Sample(
            time: t.startedAt, percent: s.score * 50, passed: s.score * 50 >= t.passMark,
            finalPercent: s.finalScore * 50, finalPassed: s.finalScore * 50 >= t.passMark,
            overridden: s.override == nil ? 0 : 1))
      }
      // A step an abandoned exam never reached counts 0, as in its total and in the recent
      // skill per step (a follow-up reply counts in the step it is scored as, in both).
      if t.mode == .exam, !t.completed {
        for id in t.scenario.stepIDs where !t.steps.contains(where: { !$0.isFollowUp && $0.step == id }) {
          stepSamples[id, default: []].append(
            Sample(time: t.startedAt, percent: 0, passed: false, finalPercent: 0, finalPassed: false, overridden: 0))
        }
      }
    }
    let stepIDs = stepOrder.filter { stepSamples[$0] != nil } + stepSamples.keys.filter { !stepOrder.contains($0) }.sorted()
    let steps = stepIDs.map { Row(scope: .step($0), figures: figures(stepSamples[$0] ?? [])) }
    var weakest: Row? = nil
    for row in steps where weakest == nil || row.figures.average < weakest!.figures.average { weakest = row }
    var weakestID: String? = nil
    if case .step(let id)? = weakest?.scope, (weakest?.figures.average ?? 100) < 100 { weakestID = id }
    return RepReport(rep: name, overall: overall, kinds: kinds, steps: steps, weakestStep: weakestID)
  }

  static func figures(_ samples: [Sample]) -> Figures {
    var f = Figures()
    guard let first = samples.first, let last = samples.last else { return f }
    f.attempts = samples.count
    let n = Double(samples.count)
    f.average = Double(samples.map(\.percent).reduce(0, +)) / n
    f.best = samples.map(\.percent).max() ?? 0
    f.first = first.percent
    f.last = last.percent
    f.improvement = f.best - f.first
    f.passRate = Double(samples.filter(\.passed).count) * 100 / n
    f.overrides = samples.map(\.overridden).reduce(0, +)
    if f.overrides > 0 {
      f.trainerAverage = Double(samples.map(\.finalPercent).reduce(0, +)) / n
      f.trainerPassRate = Double(samples.filter(\.finalPassed).count) * 100 / n
    }
    return f
  }
}
