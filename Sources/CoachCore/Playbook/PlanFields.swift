/// The plan fields a playbook prompt may fill (`fills`), with what kind of answer each takes.
/// The playbook validator checks every prompt against this table.
public enum PlanFields {
  public enum Expect: Equatable, Sendable {
    case text, list, scale, amount, date
    /// A choice among exactly these ids.
    case choice([String])
    /// An amount or, where the term is not numeric, text.
    case amountOrText
  }

  static func ids<E: PlanEnum>(_ e: E.Type) -> [String] { E.allCases.map(\.rawValue) }

  /// Choice fields whose built-in options a trainer's playbook may extend with new ids.
  public static let extensibleChoices: Set<String> = ["account.industry"]

  public static let fixed: [String: Expect] = {
    var f: [String: Expect] = [
      "account.tier": .choice(ids(Tier.self)),
      "account.industry": .choice(ids(Industry.self)),
      "account.cooperationStage": .choice(ids(CooperationStage.self)),
      "account.decisionMode": .choice(ids(DecisionMode.self)),
      "account.notes": .text,
      "stakeholder.name": .text, "stakeholder.title": .text,
      "stakeholder.role": .choice(ids(StakeholderRole.self)),
      "stakeholder.influence": .scale,
      "stakeholder.attitude": .choice(ids(Attitude.self)),
      "stakeholder.concerns": .text, "stakeholder.notes": .text,
      "objection.statement": .text, "objection.raisedBy": .text,
      "objective.best": .amountOrText, "objective.expected": .amountOrText, "objective.walkAway": .amountOrText,
      "objective.theirLimit": .amountOrText,
      "objective.better": .choice(ids(BetterDirection.self)),
      "objective.unit": .text,
      "objective.flexibility": .choice(ids(Flexibility.self)),
      "objective.note": .text,
      "batna.ours.description": .text, "batna.ours.value": .amount,
      "batna.theirs.description": .text, "batna.theirs.value": .amount,
      "interest.position": .text, "interest.interest": .text,
      "negotiation.commonInterests": .list,
      "concession.give": .text, "concession.get": .text,
      "concession.costToUs": .amount, "concession.valueToThem": .amount,
      "team.name": .text, "team.role": .choice(ids(TeamRole.self)),
      "action.text": .text, "action.owner": .text, "action.due": .date,
    ]
    for area in PortraitArea.allCases { f["account.portrait.\(area.rawValue)"] = .text }
    for dimension in ValueDimension.allCases {
      for criterion in dimension.criteria { f["valueAssessment.\(dimension.rawValue).\(criterion)"] = .scale }
    }
    return f
  }()

  /// What a `fills` path expects, or nil when the plan has no such field.
  /// Discovery answers are free-form: `discovery.<stage>.<prompt id>` takes any kind.
  public static func expectation(for path: String) -> Expect?? {
    if let e = fixed[path] { return .some(e) }
    let parts = path.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count == 3, parts[0] == "discovery", DiscoveryStage(rawValue: String(parts[1])) != nil, !parts[2].isEmpty {
      return .some(nil)
    }
    return nil
  }

  /// Whether a prompt kind can give what the field expects.
  public static func fits(_ kind: PromptKind, _ expect: Expect?) -> Bool {
    guard let expect else { return true }
    switch (expect, kind) {
    case (.text, .text), (.list, .list), (.scale, .scale), (.amount, .amount), (.date, .date), (.choice, .choice): return true
    case (.amountOrText, .amount), (.amountOrText, .text): return true
    default: return false
    }
  }
}
