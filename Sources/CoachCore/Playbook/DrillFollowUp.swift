/// "The customer pushes back": a follow-up line a scenario's customer says after one of the
/// rep's answers, triggered by a check of the scoring rubric at that step (for example
/// `no-discount-first` fails at Process → "So you can go lower? Then 25%."). The rep's reply is
/// scored by the rubric like any step, so a drill becomes a short conversation, scored the
/// same transparent way and decided by nothing but the rep's words.
public struct DrillFollowUp: Sendable, Equatable {
  /// Whether the check must pass or fail for the customer to say the line.
  public enum When: String, Sendable, CaseIterable { case passes, fails }
  public var id: String
  /// The step whose answer may trigger it (`process`, `give-and-get`…).
  public var after: String
  /// A check of that step in the rubric.
  public var check: String
  public var when: When
  /// The customer's words.
  public var customer: String
  /// The rubric step that scores the rep's reply (default: `after`).
  public var scoredAs: String

  public init(id: String, after: String, check: String, when: When, customer: String, scoredAs: String? = nil) {
    self.id = id
    self.after = after
    self.check = check
    self.when = when
    self.customer = customer
    self.scoredAs = scoredAs ?? after
  }

  /// True when this step's result says the customer pushes back with this line.
  public func triggered(step: String, checks: [(id: String, passed: Bool)]) -> Bool {
    guard step == after, let c = checks.first(where: { $0.id == check }) else { return false }
    return c.passed == (when == .passes)
  }

  /// The first follow-up of `list` (in the playbook's order) that this answer triggers.
  public static func first(_ list: [DrillFollowUp], step: String, checks: [(id: String, passed: Bool)]) -> DrillFollowUp? {
    list.first { $0.triggered(step: step, checks: checks) }
  }
}

extension PlaybookDecoder {
  static let followUpKeys = ["id", "after", "check", "when", "customer", "scoredAs"]

  /// A drill's `followUps:`; `steps` are the steps of that kind of drill.
  static func followUps(_ r: NodeReader, steps: [String], _ problems: ProblemList) -> [DrillFollowUp] {
    let list = r.list("followUps") { node -> DrillFollowUp? in
      guard let f = NodeReader(node, what: Bilingual("a follow-up", "客户追问"), keys: followUpKeys, problems: problems), let id = f.id(),
        let after = f.text(
          "after", required: true, meaning: Bilingual("the step whose answer triggers it: \(steps.joined(separator: ", "))", "由哪一步的回答触发：\(steps.joined(separator: "、"))")),
        let check = f.text("check", required: true, meaning: Bilingual("a check of that step in rubric.yaml", "rubric.yaml 中该步的一项检查")),
        let when = f.enumeration("when", DrillFollowUp.When.self, allowed: DrillFollowUp.When.allCases.map(\.rawValue), required: true),
        let customer = f.text("customer", required: true, meaning: Bilingual("what the customer says", "客户说的话"))
      else { return nil }
      guard steps.contains(after) else {
        problems.add(
          node["after"]!.location, "follow-up `\(id)`: `after: \(after)` is not a step of this drill; expected one of: \(steps.joined(separator: ", "))",
          "客户追问 `\(id)`：`after: \(after)` 不是这类练习的步骤；可选：\(steps.joined(separator: "、"))")
        return nil
      }
      return DrillFollowUp(id: id, after: after, check: check, when: when, customer: customer, scoredAs: f.text("scoredAs"))
    }
    r.checkUniqueIDs("followUps", what: Bilingual("follow-up", "客户追问"))
    // The first follow-up whose trigger holds is said: a later one with the same trigger never is.
    let nodes = r.node["followUps"]?.items ?? []
    for (i, f) in list.enumerated() {
      guard let earlier = list[..<i].first(where: { $0.after == f.after && $0.check == f.check && $0.when == f.when }),
        let node = nodes.first(where: { $0["id"]?.scalar == f.id })
      else { continue }
      problems.add(
        node.location, "follow-up `\(f.id)` is never said: `\(earlier.id)` before it has the same trigger (after \(f.after), \(f.check) \(f.when.rawValue))",
        "客户追问 `\(f.id)` 永远不会出现：前面的 `\(earlier.id)` 触发条件相同（\(f.after) 之后，\(f.check) \(f.when.rawValue)）")
    }
    return list
  }
}

/// The follow-ups' references into the rubric: the check must be one of the `after` step's
/// checks, and `scoredAs` a rubric step — each reported at its line, with the ids to choose from.
enum DrillFollowUpChecks {
  static func check(_ book: Playbook, merged: [String: YAMLNode], problems: ProblemList) {
    guard !book.rubric.isEmpty else { return }
    for kind in ["objection", "negotiation"] {
      for drill in merged["drills"]?[kind]?.items ?? [] {
        let drillID = drill["id"]?.scalar ?? "?"
        for node in drill["followUps"]?.items ?? [] {
          guard let after = node["after"]?.scalar, let step = book.rubric[after] else { continue }
          if let checkNode = node["check"], let check = checkNode.scalar, !step.checks.contains(where: { $0.id == check }) {
            let ids = step.checks.map(\.id)
            let near = Suggest.nearest(to: check, in: ids)
            problems.add(
              checkNode.location,
              "drill `\(drillID)`: `check: \(check)` is not a check of the `\(after)` step in rubric.yaml" + (near.map { "; did you mean `\($0)`?" } ?? "")
                + " (checks: \(ids.joined(separator: ", ")))",
              "练习 `\(drillID)`：`check: \(check)` 不是 rubric.yaml 中 `\(after)` 步骤的检查" + (near.map { "；你是不是想写 `\($0)`？" } ?? "")
                + "（可用检查：\(ids.joined(separator: "、"))）")
          }
          if let scoredNode = node["scoredAs"], let scored = scoredNode.scalar, book.rubric[scored] == nil {
            let ids = book.rubric.keys.sorted()
            problems.add(
              scoredNode.location, "drill `\(drillID)`: `scoredAs: \(scored)` is not a step of rubric.yaml (steps: \(ids.joined(separator: ", ")))",
              "练习 `\(drillID)`：`scoredAs: \(scored)` 不是 rubric.yaml 中的步骤（可用步骤：\(ids.joined(separator: "、"))）")
          }
        }
      }
    }
  }
}
