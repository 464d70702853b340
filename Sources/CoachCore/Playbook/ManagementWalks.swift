/// The account-management walks behind `manage` (playbooks/*/management.yaml). Their words —
/// titles, goals, prompt texts, labels, hints, choice labels — come from the playbook; what an
/// answer does is Swift's (Flow/ManagementFlows.swift binds each prompt by its id). This table
/// is the contract between the two: which prompts coach stores in each walk, of which kind,
/// into which field, whether one may be skipped, and the ids of the choices. The validator
/// checks the playbook against it (ManagementChecks) and the flows bind the playbook's walk to
/// it, so a prompt coach would not store never reaches the rep.
public enum ManagementWalks {
  /// One prompt coach stores.
  public struct Slot: Sendable, Equatable {
    public let id: String
    public let kind: PromptKind
    public let fills: String
    public let optional: Bool
    /// The choice ids coach stores (an enum's raw values), for choice prompts.
    public let options: [String]
    /// A date that can only be a day gone by (a day without its year is the latest one).
    public let past: Bool

    init(_ id: String, _ kind: PromptKind, _ fills: String, optional: Bool = true, options: [String] = [], past: Bool = false) {
      self.id = id
      self.kind = kind
      self.fills = fills
      self.optional = optional
      self.options = options
      self.past = past
    }
  }

  /// What `manage` words start which walk, for the validator's messages.
  public static let commands: [String: String] = [
    "manage": "manage", "manage-touch": "manage touch", "manage-nps": "manage nps", "manage-csat": "manage csat",
    "manage-issue": "manage issue", "manage-purchase": "manage purchase", "manage-growth": "manage growth",
    "manage-improve": "manage improve", "manage-crisis": "manage crisis",
  ]

  /// Every walk and its prompts, in the order the built-in playbook asks them.
  public static let walks: [(id: String, slots: [Slot])] = [
    (
      "manage",
      [
        Slot("tier", .choice, "management.tier", optional: false, options: ServiceTier.allCases.map(\.rawValue)),
        Slot("lifecycle", .choice, "management.lifecycle", options: LifecycleStage.allCases.map(\.rawValue)),
        Slot("accountManager", .text, "management.accountManager"),
        Slot("visitPlan", .text, "management.visitPlan"),
        Slot("responseLevels", .text, "management.responseLevels"),
      ]
    ),
    (
      "manage-touch",
      [
        Slot("kind", .choice, "management.touchpoints.kind", optional: false, options: TouchpointKind.allCases.map(\.rawValue)),
        Slot("date", .date, "management.touchpoints.date", past: true),
        Slot("who", .text, "management.touchpoints.who"),
        Slot("notes", .text, "management.touchpoints.notes"),
        Slot("followUps", .list, "management.touchpoints.followUps"),
      ]
    ),
    (
      "manage-nps",
      [
        Slot("date", .date, "management.npsResponses.date", optional: false, past: true),
        Slot("respondents", .list, "management.npsResponses.respondents", optional: false),
      ]
    ),
    (
      "manage-csat",
      [
        Slot("score", .text, "management.csat.score", optional: false),
        Slot("about", .text, "management.csat.about"),
        Slot("date", .date, "management.csat.date", past: true),
      ]
    ),
    (
      "manage-issue",
      [
        Slot("title", .text, "management.issues.title", optional: false),
        Slot("kind", .choice, "management.issues.kind", options: IssueKind.allCases.map(\.rawValue)),
        Slot("level", .choice, "management.issues.level", options: ResponseLevel.course.map { String($0.level) }),
        Slot("opened", .text, "management.issues.opened"),
      ]
    ),
    (
      "manage-purchase",
      [
        Slot("amount", .amount, "management.purchases.amount", optional: false),
        Slot("date", .date, "management.purchases.date", past: true),
        Slot("note", .text, "management.purchases.note"),
      ]
    ),
    (
      "manage-growth",
      [
        Slot("text", .text, "management.growth.text", optional: false),
        Slot("kind", .choice, "management.growth.kind", options: GrowthKind.allCases.map(\.rawValue)),
        Slot("status", .choice, "management.growth.status", options: GrowthStatus.allCases.map(\.rawValue)),
        Slot("value", .amount, "management.growth.value"),
      ]
    ),
    (
      "manage-improve",
      [
        Slot("text", .text, "management.improvements.text", optional: false),
        Slot("area", .text, "management.improvements.area"),
        Slot("owner", .text, "management.improvements.owner"),
        Slot("due", .date, "management.improvements.due"),
      ]
    ),
    (
      "manage-crisis",
      [
        Slot("title", .text, "management.crises.title", optional: false),
        Slot("openedOn", .date, "management.crises.openedOn", past: true),
        Slot("warningSigns", .text, "management.crises.warningSigns", optional: false),
        Slot("responsePlan", .text, "management.crises.responsePlan", optional: false),
        Slot("team", .text, "management.crises.team", optional: false),
        Slot("communication", .text, "management.crises.communication", optional: false),
        Slot("remedy", .text, "management.crises.remedy", optional: false),
        Slot("repair", .text, "management.crises.repair", optional: false),
      ]
    ),
  ]

  /// The prompts coach stores in a walk, or nil when it is not a management walk.
  public static func slots(_ walk: String) -> [Slot]? { walks.first { $0.id == walk }?.slots }

  /// The playbook's walk as the flows run it: its words and its order, with each prompt's kind,
  /// field, optionality and past-ness as coach stores it, its choices limited to the ids coach
  /// knows; prompts coach does not store are left out (the validator reports them).
  public static func bind(_ walk: Walk) -> Walk {
    guard let slots = slots(walk.id) else { return walk }
    var out = walk
    out.prompts = walk.prompts.compactMap { p in
      guard let slot = slots.first(where: { $0.id == p.id }) else { return nil }
      var b = Prompt(id: p.id, kind: slot.kind, fills: slot.fills, text: p.text)
      b.label = p.label
      b.hint = p.hint
      b.source = p.source
      b.optional = slot.optional
      b.past = slot.past
      b.options = slot.kind == .choice ? p.options.filter { slot.options.contains($0.id) } : []
      return b
    }
    return out
  }
}
