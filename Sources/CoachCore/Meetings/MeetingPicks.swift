/// Items picked for a meeting from one of the plan's lists — attendees from the stakeholders,
/// questions from the question plan, objections from the objections — by number as listed, or
/// (for people) by name; several on one line (`1 3`, `1, 3`, `Dana, Li Wei`, `王总、李工`).
public struct MeetingPicks {
  /// The items offered, in the order they are numbered: their id and the name a pick may use.
  public var items: [(id: String, name: String)]

  public init(items: [(id: String, name: String)]) { self.items = items }

  /// The stakeholders, numbered as listed in the plan.
  public static func stakeholders(_ plan: AccountPlan) -> MeetingPicks {
    MeetingPicks(items: plan.stakeholders.filter { !$0.id.isEmpty }.map { ($0.id, $0.name) })
  }

  /// The planned questions, numbered as `show questions` numbers them: by type, then as added.
  public static func questions(_ plan: AccountPlan) -> MeetingPicks {
    let ordered = QuestionType.allCases.flatMap { t in plan.questionPlan.filter { $0.type == t && !$0.id.isEmpty } }
    return MeetingPicks(items: ordered.map { ($0.id, $0.text) })
  }

  /// The plan's objections, numbered as listed.
  public static func objections(_ plan: AccountPlan) -> MeetingPicks {
    MeetingPicks(items: plan.objections.filter { !$0.id.isEmpty }.map { ($0.id, $0.statement) })
  }

  public enum Reading: Equatable {
    case picked([String])
    /// A part of the line that names no item.
    case unknown(String)
    /// A part of the line that fits several people (`Sean` for Sean O'Brien and Sean Park): the
    /// part, and the names it fits.
    case ambiguous(String, [String])
  }

  /// Reads a line of picks; `-` (or `none`, `无`) picks nothing. Parts are split at commas and
  /// `、`; a part of numbers only may also be split at spaces.
  public func read(_ line: String, byName: Bool) -> Reading {
    let text = AnswerParsing.normalise(line)
    if ["-", "none", "无", "没有"].contains(text.lowercased()) { return .picked([]) }
    var parts: [String] = []
    for chunk in text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0 == ";" || $0 == "；" }) {
      let c = chunk.trimmingWhitespace
      let words = c.split(separator: " ").map(String.init)
      if words.allSatisfy({ Int($0) != nil }) { parts += words } else if !c.isEmpty { parts.append(c) }
    }
    var out: [String] = []
    for part in parts {
      var id: String? = nil
      if let n = Int(part) {
        if items.indices.contains(n - 1) { id = items[n - 1].id }
      } else if byName {
        // The whole name or part of it: `Dana`, `Smith`, `王`, `王总` (StakeholderNameMatch).
        let match = StakeholderNameMatch(names: items.map(\.name))
        switch match.read(part) {
        case .person(let i): id = items[i].id
        case .several(let fits): return .ambiguous(part, fits.map { items[$0].name })
        case .text: break
        }
      }
      guard let id else { return .unknown(part) }
      if !out.contains(id) { out.append(id) }
    }
    return .picked(out)
  }

  /// The names of picked ids, in the order given, joined for an echo.
  public func names(_ ids: [String], l: L10n) -> String {
    ids.compactMap { id in items.first { $0.id == id }?.name }.joined(separator: l.t(", ", "、"))
  }

  /// The numbers of picked ids as listed ("1, 3").
  public func numbers(_ ids: [String], l: L10n) -> String {
    ids.compactMap { id in items.firstIndex { $0.id == id }.map { String($0 + 1) } }.joined(separator: l.t(", ", "、"))
  }
}
