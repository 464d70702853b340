/// A drill a trainer assigned in their playbook folder (`assignments.yaml`): which drills (a
/// kind, narrowed to a category or one scenario), in which mode, the pass mark, the day it is
/// due, and for whom (everyone when no rep is named). A rep meets it with a finished drill of
/// that kind (and category or scenario), in exam mode when the assignment says exam, scoring at
/// least the pass mark with the trainer's scores.
public struct DrillAssignment: Sendable, Equatable {
  public var id: String
  public var kind: DrillKind
  /// An objection category (price…), or for question drills a type (open…) or a task (write, name).
  public var category: String?
  public var scenario: String?
  public var mode: DrillMode
  public var passMark: Int
  public var due: CalendarDay
  /// Named reps; empty means everyone.
  public var reps: [String]
  public var note: String?

  public init(
    id: String, kind: DrillKind, category: String? = nil, scenario: String? = nil, mode: DrillMode = .train, passMark: Int = 70, due: CalendarDay, reps: [String] = [],
    note: String? = nil
  ) {
    self.id = id
    self.kind = kind
    self.category = category
    self.scenario = scenario
    self.mode = mode
    self.passMark = passMark
    self.due = due
    self.reps = reps
    self.note = note
  }

  /// Whether the assignment is for this rep (names compared without case or outer spaces).
  public func isFor(_ rep: String) -> Bool {
    reps.isEmpty || reps.contains { DrillReport.key($0) == DrillReport.key(rep) }
  }

  /// Whether a saved drill is an attempt at this assignment.
  public func matches(_ t: DrillTranscript) -> Bool {
    guard t.scenario.kind == kind, isFor(t.rep) else { return false }
    if mode == .exam, t.mode != .exam { return false }
    if let scenario, t.scenario.id != scenario { return false }
    if let category {
      let fits = [t.scenario.category?.rawValue, t.scenario.questionType?.rawValue, t.scenario.task?.rawValue]
      if !fits.contains(category) { return false }
    }
    return true
  }

  /// Whether the attempt meets the assignment: finished, at or above its pass mark (with the
  /// trainer's scores).
  public func isMet(by t: DrillTranscript) -> Bool {
    matches(t) && t.completed && t.totals.finalPercent >= passMark
  }

  /// Where a rep stands with the assignment on `today`.
  public func status(of rep: String, in transcripts: [DrillTranscript], today: CalendarDay) -> Status {
    let attempts = transcripts.filter { DrillReport.key($0.rep) == DrillReport.key(rep) && matches($0) }
      .sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
    let best = attempts.map { $0.totals.finalPercent }.max()
    if let met = attempts.first(where: isMet) {
      let day = Timestamp(iso8601: met.finishedAt ?? met.startedAt)?.day ?? due
      return Status(state: day > due ? .late : .done, attempts: attempts.count, best: best, metOn: day, daysLate: max(0, day.daysSinceEpoch - due.daysSinceEpoch))
    }
    if today > due {
      return Status(state: .overdue, attempts: attempts.count, best: best, metOn: nil, daysLate: today.daysSinceEpoch - due.daysSinceEpoch)
    }
    return Status(state: .open, attempts: attempts.count, best: best, metOn: nil, daysLate: 0, daysLeft: due.daysSinceEpoch - today.daysSinceEpoch)
  }

  public struct Status: Sendable, Equatable {
    public enum State: String, Sendable { case done, late, open, overdue }
    public var state: State
    public var attempts: Int
    public var best: Int?
    public var metOn: CalendarDay?
    /// Days after the due day it was met (late) or has been outstanding (overdue).
    public var daysLate: Int
    public var daysLeft = 0
  }
}

extension PlaybookDecoder {
  static let assignmentKeys = ["id", "kind", "category", "scenario", "mode", "pass", "due", "reps", "note"]

  /// One assignment, its references checked against the playbook's drills (decoded before it).
  static func assignment(_ node: YAMLNode, book: Playbook, _ problems: ProblemList) -> DrillAssignment? {
    guard let r = NodeReader(node, what: Bilingual("an assignment", "练习任务"), keys: assignmentKeys, problems: problems), let id = r.id(),
      let kind = r.enumeration("kind", DrillKind.self, allowed: DrillKind.allCases.map(\.rawValue), required: true)
    else { return nil }
    // Every problem of the item is reported, not only the first.
    var ok = true
    let dueText = r.text("due", required: true, meaning: Bilingual("the day it is due, YYYY-MM-DD", "截止日期，格式 YYYY-MM-DD"))
    let due = dueText.flatMap(CalendarDay.init)
    if dueText == nil {
      ok = false
    } else if due == nil, let dueText {
      problems.add(node["due"]!.location, "`due` should be a date written YYYY-MM-DD, found `\(dueText)`", "`due` 应为 YYYY-MM-DD 格式的日期，实际是 `\(dueText)`")
      ok = false
    }
    let mode = r.enumeration("mode", DrillMode.self, allowed: DrillMode.allCases.map(\.rawValue)) ?? .train
    let passText = r.text("pass")
    let passValue = r.int("pass", in: 0...100)
    if passText != nil, passValue == nil { ok = false }
    let pass = passValue ?? 70
    let category = r.text("category")
    let scenario = r.text("scenario")
    if let category {
      let allowed: [String]
      switch kind {
      case .objection: allowed = ObjectionCategory.allCases.map(\.rawValue)
      case .questions: allowed = QuestionType.allCases.map(\.rawValue) + DrillTask.allCases.map(\.rawValue)
      case .negotiation: allowed = []
      }
      if !allowed.contains(category) {
        problems.add(
          node["category"]!.location,
          allowed.isEmpty
            ? "negotiation drills have no categories; name a `scenario` or leave `category` out"
            : "`\(category)` is not a category of \(kind.rawValue) drills; expected one of: \(allowed.joined(separator: ", "))",
          allowed.isEmpty
            ? "谈判练习没有类别；请写 `scenario` 或去掉 `category`"
            : "`\(category)` 不是 \(kind.rawValue) 练习的类别；可选值：\(allowed.joined(separator: "、"))")
        ok = false
      }
    }
    if let scenario {
      let ids: [String]
      switch kind {
      case .objection: ids = book.objectionDrills.map(\.id)
      case .questions: ids = book.questionDrills.map(\.id)
      case .negotiation: ids = book.negotiationDrills.map(\.id)
      }
      if !ids.isEmpty, !ids.contains(scenario) {
        let near = Suggest.nearest(to: scenario, in: ids)
        problems.add(
          node["scenario"]!.location,
          "no \(kind.rawValue) drill has the id `\(scenario)`" + (near.map { "; did you mean `\($0)`?" } ?? ""),
          "没有 id 为 `\(scenario)` 的 \(kind.rawValue) 练习" + (near.map { "；你是不是想写 `\($0)`？" } ?? ""))
        ok = false
      }
    }
    guard ok, let due else { return nil }
    return DrillAssignment(
      id: id, kind: kind, category: category, scenario: scenario, mode: mode, passMark: pass, due: due,
      reps: r.texts("reps").map(\.trimmingWhitespace).filter { !$0.isEmpty }, note: r.text("note"))
  }
}
