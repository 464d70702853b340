/// The trainer's view of saved drills over time (what a 1:1 or a team meeting needs): per rep —
/// dates, trend, first to best, recency-weighted skill per step and per category, readiness,
/// certifications, assignments; per scenario; per check (which checks fail most); team averages
/// and spread; and the weakest answers quoted with the trainer's comments. Finished drills and
/// abandoned exams count (an exam left half-way scores what it earned: a bad exam cannot be
/// dropped by walking away). Scores are the ones that count: the trainer's where there is one.
/// Pure: the transcripts, the learning progress and `now` are passed in. docs/trainer-report.md
/// gives every formula.
public struct TeamReport: Sendable {
  /// A drill's weight halves every `halfLifeDays` days of age.
  public static let halfLifeDays = 30.0
  /// Readiness = drills × 0.6 + quiz × 0.25 + lessons × 0.15.
  public static let weights = (drills: 0.6, quiz: 0.25, lessons: 0.15)
  /// Certification needs an exam passed at a pass mark of at least this.
  public static let certificationMark = 70

  public struct Attempt: Sendable, Equatable {
    public var id: String
    public var day: CalendarDay?
    public var time: String
    public var kind: DrillKind
    public var scenario: String
    /// The objection category, question type or `negotiation`.
    public var category: String
    public var mode: DrillMode
    public var percent: Int
    public var passed: Bool
    public var completed: Bool
    public var weight: Double
    public var abandonedExam: Bool { mode == .exam && !completed }
  }

  public enum Trend: String, Sendable { case improving, steady, declining }

  public struct Readiness: Sendable, Equatable {
    public enum Band: String, Sendable, CaseIterable { case needsWork = "needs-work", developing, proficient, excellent }
    public var drills: Double
    public var quiz: Double
    public var lessons: Double
    public var index: Int
    public var band: Band
    /// False when no progress.json was found for the rep: quiz and lessons count as 0.
    public var hasProgress: Bool

    public static func band(_ index: Int) -> Band { index >= 80 ? .excellent : index >= 60 ? .proficient : index >= 40 ? .developing : .needsWork }
  }

  /// What the rep has learnt, from their workspace's progress.json.
  public struct Learning: Sendable, Equatable {
    /// Leitner box (1…boxes) per quiz item answered.
    public var boxes: [String: Int]
    public var lessonsRead: Set<String>
    public init(boxes: [String: Int], lessonsRead: Set<String>) {
      self.boxes = boxes
      self.lessonsRead = lessonsRead
    }
    public init(_ p: LearningProgress) { self.init(boxes: p.items.mapValues(\.box), lessonsRead: Set(p.lessons.keys)) }
  }

  public struct Quote: Sendable, Equatable {
    public var rep: String
    public var day: CalendarDay?
    public var transcript: String
    public var scenario: String
    public var customer: String
    public var step: String
    public var text: String
    public var score: Int
    public var comment: String?
    public var reviewedBy: String?
    public var failed: [String]
  }

  public struct RepProfile: Sendable {
    public var rep: String
    public var attempts: [Attempt]
    public var first: CalendarDay?
    public var last: CalendarDay?
    public var firstPercent: Int
    public var best: Int
    public var average: Double
    public var trend: Trend?
    /// Newer window mean minus older window mean, in points.
    public var trendDelta: Double?
    public var skill: Double?
    public var skillByStep: [(step: String, skill: Double)]
    public var skillByCategory: [(category: String, skill: Double)]
    public var abandonedExams: Int
    public var readiness: Readiness
    /// Objection category → the day its exam was passed (the first time).
    public var certifications: [(category: ObjectionCategory, day: CalendarDay?, scenario: String, percent: Int)]
    public var assignments: [(assignment: DrillAssignment, status: DrillAssignment.Status)]
    public var quotes: [Quote]
  }

  public struct ScenarioRow: Sendable, Equatable {
    public var scenario: String
    public var kind: DrillKind
    public var category: String
    public var attempts: Int
    public var reps: Int
    public var average: Double
    public var passRate: Double
  }

  public struct CheckRow: Sendable, Equatable {
    public var check: String
    public var step: String
    public var attempts: Int
    public var failed: Int
    public var reps: Int
    public var failRate: Double { attempts == 0 ? 0 : Double(failed) * 100 / Double(attempts) }
  }

  public struct Spread: Sendable, Equatable {
    public var reps: Int
    public var mean: Double
    public var min: Double
    public var max: Double
    /// Population standard deviation of the reps' figures.
    public var deviation: Double

    public init?(_ values: [Double]) {
      guard !values.isEmpty else { return nil }
      reps = values.count
      mean = values.reduce(0, +) / Double(values.count)
      min = values.min()!
      max = values.max()!
      let m = mean
      deviation = (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count)).squareRoot()
    }
  }

  public var now: Timestamp
  public var filter: DrillReport.Filter
  public var reps: [RepProfile]
  public var scenarios: [ScenarioRow]
  public var checks: [CheckRow]
  public var average: Spread?
  public var skill: Spread?
  public var readiness: Spread?
  public var quotes: [Quote]
  /// Drills counted (finished, and abandoned exams) and drills left out (unfinished practice).
  public var counted: Int
  public var abandonedExams: Int
  public var unfinished: Int

  /// `learning` is keyed by `DrillReport.key(rep)`; `quizItems` and `lessons` are the playbook's
  /// ids (what 100% means).
  public init(
    _ transcripts: [DrillTranscript], filter: DrillReport.Filter = .init(), now: Timestamp, learning: [String: Learning] = [:],
    quizItems: [String] = [], lessons: [String] = [], assignments: [DrillAssignment] = [], quotesPerRep: Int = 3
  ) {
    self.now = now
    self.filter = filter
    var seen: Set<String> = []
    var chosen: [DrillTranscript] = []
    var unfinished = 0
    for t in transcripts.sorted(by: { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }) {
      if let rep = filter.rep, DrillReport.key(t.rep) != DrillReport.key(rep) { continue }
      if let since = filter.since {
        guard let day = Timestamp(iso8601: t.startedAt)?.day, day >= since else { continue }
      }
      guard seen.insert(t.id + "\u{0}" + t.startedAt + "\u{0}" + DrillReport.key(t.rep)).inserted else { continue }
      if Self.counts(t) { chosen.append(t) } else { unfinished += 1 }
    }
    self.unfinished = unfinished
    counted = chosen.count
    abandonedExams = chosen.filter { $0.mode == .exam && !$0.completed }.count

    var order: [String] = []
    var byRep: [String: [DrillTranscript]] = [:]
    for t in chosen {
      let k = DrillReport.key(t.rep)
      if byRep[k] == nil { order.append(k) }
      byRep[k, default: []].append(t)
    }
    // Reps an assignment names are listed even before their first drill.
    for a in assignments {
      for r in a.reps where byRep[DrillReport.key(r)] == nil && (filter.rep.map { DrillReport.key($0) == DrillReport.key(r) } ?? true) {
        byRep[DrillReport.key(r)] = []
        order.append(DrillReport.key(r))
      }
    }
    var names: [String: String] = [:]
    for k in order { names[k] = byRep[k]?.first?.rep.trimmingWhitespace ?? assignments.flatMap(\.reps).first { DrillReport.key($0) == k }?.trimmingWhitespace ?? k }
    order.sort { (names[$0] ?? $0).lowercased().unicodeScalars.lexicographicallyPrecedes((names[$1] ?? $1).lowercased().unicodeScalars) }
    let today = now.day
    reps = order.map { k in
      Self.profile(
        names[k] ?? k, byRep[k] ?? [], now: now, learning: learning[k], quizItems: quizItems, lessons: lessons,
        assignments: assignments.filter { $0.isFor(names[k] ?? k) }, today: today, quotes: quotesPerRep)
    }
    scenarios = Self.scenarioRows(chosen)
    checks = Self.checkRows(chosen)
    average = Spread(reps.filter { !$0.attempts.isEmpty }.map(\.average))
    skill = Spread(reps.compactMap(\.skill))
    readiness = Spread(reps.map { Double($0.readiness.index) })
    // Lowest score first; among equals, those a trainer commented on first.
    quotes = reps.flatMap(\.quotes).sorted { ($0.score, $0.comment == nil ? 1 : 0, $0.rep) < ($1.score, $1.comment == nil ? 1 : 0, $1.rep) }
  }

  /// Finished drills and abandoned exams count; unfinished practice does not.
  /// An exam left before its first answer counts too (it is saved from its start): 0 points.
  public static func counts(_ t: DrillTranscript) -> Bool { t.completed || t.mode == .exam }

  /// 0.5^(age in days / half-life); a drill dated after `now` weighs 1.
  public static func weight(_ time: String, now: Timestamp) -> Double {
    guard let t = Timestamp(iso8601: time) else { return 0 }
    let age = max(0, Double(now.secondsSinceEpoch - t.secondsSinceEpoch) / 86_400)
    return pow2(-age / halfLifeDays)
  }

  /// 2^x without Foundation.
  static func pow2(_ x: Double) -> Double {
    // e^(x ln 2) by its series, after taking out whole powers of two.
    let whole = x.rounded(.down)
    let frac = (x - whole) * 0.6931471805599453
    var term = 1.0
    var sum = 1.0
    for n in 1...20 {
      term *= frac / Double(n)
      sum += term
    }
    var scale = 1.0
    if whole >= 0 { for _ in 0..<Int(whole) { scale *= 2 } } else { for _ in 0..<min(2000, Int(-whole)) { scale /= 2 } }
    return sum * scale
  }

  /// Σ wᵢxᵢ / Σ wᵢ.
  static func weighted(_ pairs: [(Double, Double)]) -> Double? {
    let total = pairs.map(\.1).reduce(0, +)
    guard total > 0 else { return nil }
    return pairs.map { $0.0 * $0.1 }.reduce(0, +) / total
  }

  static func category(_ s: DrillScenario) -> String {
    s.category?.rawValue ?? s.questionType?.rawValue ?? s.kind.rawValue
  }

  static func attempt(_ t: DrillTranscript, now: Timestamp) -> Attempt {
    let totals = t.totals
    return Attempt(
      id: t.id, day: Timestamp(iso8601: t.startedAt)?.day, time: t.startedAt, kind: t.scenario.kind, scenario: t.scenario.id,
      category: category(t.scenario), mode: t.mode, percent: totals.finalPercent, passed: totals.finalPassed, completed: t.completed,
      weight: weight(t.startedAt, now: now))
  }

  static func trend(_ percents: [Int]) -> (Trend, Double)? {
    guard percents.count >= 2 else { return nil }
    // The newest k results against (up to) the k before them, k = min(3, ⌈n/2⌉).
    let k = min(3, (percents.count + 1) / 2)
    let newer = percents.suffix(k)
    let older = percents.dropLast(k).suffix(k)
    let delta = Double(newer.reduce(0, +)) / Double(newer.count) - Double(older.reduce(0, +)) / Double(older.count)
    return (delta >= 5 ? .improving : delta <= -5 ? .declining : .steady, delta)
  }

  static func profile(
    _ name: String, _ drills: [DrillTranscript], now: Timestamp, learning: Learning?, quizItems: [String], lessons: [String],
    assignments: [DrillAssignment], today: CalendarDay, quotes: Int
  ) -> RepProfile {
    let attempts = drills.map { attempt($0, now: now) }
    let percents = attempts.map(\.percent)
    let t = trend(percents)
    let skill = weighted(attempts.map { (Double($0.percent), $0.weight) })
    var stepPairs: [String: [(Double, Double)]] = [:]
    var categoryPairs: [String: [(Double, Double)]] = [:]
    for (d, a) in zip(drills, attempts) {
      categoryPairs[a.category, default: []].append((Double(a.percent), a.weight))
      // Every answer counts in its step, a reply to the customer's follow-up too (scored as
      // confirm, it is a second confirm answer), as in the drill's total and in the figures per
      // step; unanswered steps of an abandoned exam count 0, as in its total.
      for s in d.steps {
        stepPairs[s.step, default: []].append((Double(s.finalScore * 50), a.weight))
      }
      for id in d.scenario.stepIDs where !d.steps.contains(where: { !$0.isFollowUp && $0.step == id }) {
        stepPairs[id, default: []].append((0, a.weight))
      }
    }
    let stepIDs = DrillReport.stepOrder.filter { stepPairs[$0] != nil }
    let categoryOrder = ObjectionCategory.allCases.map(\.rawValue) + QuestionType.allCases.map(\.rawValue) + ["negotiation"]
    let categories = categoryOrder.filter { categoryPairs[$0] != nil }

    let quizScore: Double
    let lessonScore: Double
    if let learning {
      let boxes = LeitnerSchedule.standard.boxes
      quizScore = quizItems.isEmpty ? 0 : quizItems.map { Double(learning.boxes[$0] ?? 0) / Double(boxes) }.reduce(0, +) * 100 / Double(quizItems.count)
      lessonScore = lessons.isEmpty ? 0 : Double(lessons.filter { learning.lessonsRead.contains($0) }.count) * 100 / Double(lessons.count)
    } else {
      quizScore = 0
      lessonScore = 0
    }
    let drillScore = skill ?? 0
    let index = Int((drillScore * weights.drills + quizScore * weights.quiz + lessonScore * weights.lessons).rounded())
    let readiness = Readiness(drills: drillScore, quiz: quizScore, lessons: lessonScore, index: index, band: Readiness.band(index), hasProgress: learning != nil)

    var certs: [(ObjectionCategory, CalendarDay?, String, Int)] = []
    for c in ObjectionCategory.allCases {
      if let d = drills.first(where: {
        $0.scenario.kind == .objection && $0.scenario.category == c && $0.mode == .exam && $0.completed && $0.totals.finalPassed
          && $0.passMark >= certificationMark
      }) {
        certs.append((c, Timestamp(iso8601: d.finishedAt ?? d.startedAt)?.day, d.scenario.id, d.totals.finalPercent))
      }
    }

    var steps: [Quote] = []
    for d in drills {
      for s in d.steps where s.finalScore < 2 && !s.text.trimmingWhitespace.isEmpty {
        steps.append(
          Quote(
            rep: name, day: Timestamp(iso8601: d.startedAt)?.day, transcript: d.id, scenario: d.scenario.id, customer: d.scenario.text, step: s.step,
            text: s.text, score: s.finalScore, comment: s.comment, reviewedBy: s.reviewedBy, failed: s.checks.filter { !$0.passed }.map(\.id)))
      }
    }
    // Lowest first; among equals, those a trainer commented on, then the newest.
    steps.sort { a, b in
      if a.score != b.score { return a.score < b.score }
      if (a.comment != nil) != (b.comment != nil) { return a.comment != nil }
      return (a.day?.daysSinceEpoch ?? 0) > (b.day?.daysSinceEpoch ?? 0)
    }

    return RepProfile(
      rep: name, attempts: attempts, first: attempts.first?.day, last: attempts.last?.day, firstPercent: percents.first ?? 0,
      best: percents.max() ?? 0, average: percents.isEmpty ? 0 : Double(percents.reduce(0, +)) / Double(percents.count),
      trend: t?.0, trendDelta: t?.1, skill: skill,
      skillByStep: stepIDs.compactMap { id in weighted(stepPairs[id] ?? []).map { (id, $0) } },
      skillByCategory: categories.compactMap { c in weighted(categoryPairs[c] ?? []).map { (c, $0) } },
      abandonedExams: attempts.filter(\.abandonedExam).count, readiness: readiness,
      certifications: certs.map { (category: $0.0, day: $0.1, scenario: $0.2, percent: $0.3) },
      assignments: assignments.map { (assignment: $0, status: $0.status(of: name, in: drills, today: today)) },
      quotes: Array(steps.prefix(quotes)))
  }

  static func scenarioRows(_ drills: [DrillTranscript]) -> [ScenarioRow] {
    var order: [String] = []
    var groups: [String: [DrillTranscript]] = [:]
    for d in drills {
      if groups[d.scenario.id] == nil { order.append(d.scenario.id) }
      groups[d.scenario.id, default: []].append(d)
    }
    return order.map { id in
      let g = groups[id]!
      let percents = g.map { $0.totals.finalPercent }
      return ScenarioRow(
        scenario: id, kind: g[0].scenario.kind, category: category(g[0].scenario), attempts: g.count, reps: Set(g.map { DrillReport.key($0.rep) }).count,
        average: Double(percents.reduce(0, +)) / Double(g.count), passRate: Double(g.filter { $0.totals.finalPassed }.count) * 100 / Double(g.count))
    }.sorted { ($0.average, $0.scenario) < ($1.average, $1.scenario) }
  }

  static func checkRows(_ drills: [DrillTranscript]) -> [CheckRow] {
    var rows: [String: CheckRow] = [:]
    var failing: [String: Set<String>] = [:]
    for d in drills {
      for s in d.steps {
        for c in s.checks {
          let key = s.step + "/" + c.id
          var row = rows[key] ?? CheckRow(check: c.id, step: s.step, attempts: 0, failed: 0, reps: 0)
          row.attempts += 1
          if !c.passed {
            row.failed += 1
            failing[key, default: []].insert(DrillReport.key(d.rep))
          }
          rows[key] = row
        }
      }
    }
    for key in rows.keys { rows[key]!.reps = failing[key]?.count ?? 0 }
    return rows.values.filter { $0.failed > 0 }.sorted {
      ($0.failRate, $0.failed, $1.step, $1.check) > ($1.failRate, $1.failed, $0.step, $0.check)
    }
  }
}
