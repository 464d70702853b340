/// The fields a playbook prompt may fill (`fills:`), each declared once: its name, the kind of
/// answer it takes, and how it is read from and written to its record. PlanPatch reads and
/// writes through these tables, the playbook validator checks `fills:` against them (PlanFields),
/// and a test checks the published schema has every one at its place.
public struct FieldSpec<Subject>: @unchecked Sendable {  // immutable: a name and two functions
  /// The field's path within its subject: `notes`, `ours.description`, `portrait.budget`.
  public let name: String
  public let expect: PlanFields.Expect
  /// Whether an answer here counts toward the plan's completeness (PlanHealth): notes and a
  /// stakeholder's name do not.
  public private(set) var counted = true
  let get: (Subject) -> AnswerValue?
  let set: (inout Subject, AnswerValue, String) -> Void

  init(
    _ name: String, _ expect: PlanFields.Expect, get: @escaping (Subject) -> AnswerValue?,
    set: @escaping (inout Subject, AnswerValue, String) -> Void
  ) {
    self.name = name
    self.expect = expect
    self.get = get
    self.set = set
  }

  public typealias Stamp = WritableKeyPath<Subject, [String: String]>

  /// The same field, not counted toward completeness.
  func notCounted() -> Self {
    var f = self
    f.counted = false
    return f
  }

  /// Whether the field holds a non-empty answer in `subject`.
  public func isAnswered(in subject: Subject) -> Bool { get(subject).map { !$0.isEmpty } ?? false }

  /// Stamps the time an answer was given in `stamp[key]` (the field's name unless given).
  private static func stamped(
    _ stamp: Stamp?, _ key: String, _ write: @escaping (inout Subject, AnswerValue) -> Void
  )
    -> (inout Subject, AnswerValue, String) -> Void
  {
    { subject, value, time in
      write(&subject, value)
      if let stamp { subject[keyPath: stamp][key] = time }
    }
  }

  static func text(_ name: String, _ path: WritableKeyPath<Subject, String?>, stamp: Stamp?, key: String? = nil) -> Self {
    Self(
      name, .text, get: { $0[keyPath: path].map { .text($0) } },
      set: stamped(stamp, key ?? name) { $0[keyPath: path] = PlanPatch.text($1) })
  }

  /// Text that is never emptied (a name, a statement): an empty answer leaves it as it was.
  static func requiredText(_ name: String, _ path: WritableKeyPath<Subject, String>, stamp: Stamp?) -> Self {
    Self(
      name, .text, get: { $0[keyPath: path].isEmpty ? nil : .text($0[keyPath: path]) },
      set: stamped(stamp, name) { s, v in if let t = PlanPatch.text(v) { s[keyPath: path] = t } })
  }

  static func date(_ name: String, _ path: WritableKeyPath<Subject, String?>, stamp: Stamp?) -> Self {
    Self(
      name, .date, get: { $0[keyPath: path].map { .date($0) } },
      set: stamped(stamp, name) { $0[keyPath: path] = PlanPatch.text($1) })
  }

  static func choice<E: PlanEnum>(_ name: String, _ path: WritableKeyPath<Subject, E?>, stamp: Stamp?, key: String? = nil) -> Self {
    Self(
      name, .choice(E.allCases.map(\.rawValue)), get: { $0[keyPath: path].map { .choice($0.rawValue) } },
      set: stamped(stamp, key ?? name) { $0[keyPath: path] = PlanPatch.choice($1) })
  }

  /// A score from 1 to 5; an answer that is no score leaves it as it was.
  static func scale(_ name: String, _ path: WritableKeyPath<Subject, Int?>, stamp: Stamp?) -> Self {
    Self(
      name, .scale, get: { $0[keyPath: path].map { .scale($0) } },
      set: stamped(stamp, name) { s, v in if case .scale(let n) = v { s[keyPath: path] = n } })
  }

  static func amount(_ name: String, _ path: WritableKeyPath<Subject, Double?>, stamp: Stamp?) -> Self {
    Self(
      name, .amount, get: { $0[keyPath: path].map { .amount($0, currency: nil) } },
      set: stamped(stamp, name) { $0[keyPath: path] = PlanPatch.number($1) })
  }

  /// A negotiated figure: a number where the term is numeric, else text.
  static func term(_ name: String, _ path: WritableKeyPath<Subject, TermValue?>, stamp: Stamp?) -> Self {
    Self(
      name, .amountOrText,
      get: {
        switch $0[keyPath: path] {
        case .number(let n)?: return .amount(n, currency: nil)
        case .text(let s)?: return .text(s)
        case nil: return nil
        }
      },
      set: stamped(stamp, name) { $0[keyPath: path] = PlanPatch.termValue($1) })
  }

  /// The same field on a part of a larger subject (`ours.description` on the BATNA).
  func on<Whole>(_ part: WritableKeyPath<Whole, Subject>, as name: String) -> FieldSpec<Whole> {
    let get = self.get
    let set = self.set
    return FieldSpec<Whole>(name, expect, get: { get($0[keyPath: part]) }, set: { whole, value, time in set(&whole[keyPath: part], value, time) })
  }
}

extension Array {
  /// The field of this name in a table.
  func field<S>(_ name: String) -> FieldSpec<S>? where Element == FieldSpec<S> { first { $0.name == name } }
}

/// A record whose fields a walk fills through a table: `read` and `apply` come from the table.
public protocol FieldTable {
  static var fields: [FieldSpec<Self>] { get }
}

extension FieldTable {
  /// The answer held in a field, nil when it is empty or the record has no such field.
  public func read(_ field: String) -> AnswerValue? { Self.fields.field(field)?.get(self) }

  /// Writes an answer to a field and stamps when it was given; a field the record does not
  /// have changes nothing (the playbook validator refuses such a `fills:` path).
  public mutating func apply(_ field: String, _ value: AnswerValue, at time: String) {
    Self.fields.field(field)?.set(&self, value, time)
  }
}

// MARK: the tables

extension Stakeholder: FieldTable {
  public static let fields: [FieldSpec<Stakeholder>] = [
    .requiredText("name", \.name, stamp: \.answeredAt).notCounted(),
    .text("title", \.title, stamp: \.answeredAt),
    .choice("role", \.role, stamp: \.answeredAt),
    .scale("influence", \.influence, stamp: \.answeredAt),
    .choice("attitude", \.attitude, stamp: \.answeredAt),
    .text("concerns", \.concerns, stamp: \.answeredAt),
    .text("notes", \.notes, stamp: \.answeredAt).notCounted(),
    Stakeholder.rolesField, Stakeholder.reportsToField, Stakeholder.influencesField, Stakeholder.ownerField, Stakeholder.lastContactField,
  ]
}

extension Objection: FieldTable {
  public static let fields: [FieldSpec<Objection>] = [
    .requiredText("statement", \.statement, stamp: \.answeredAt),
    .text("raisedBy", \.raisedBy, stamp: \.answeredAt),
  ]
}

extension Objective: FieldTable {
  public static let fields: [FieldSpec<Objective>] = {
    // A figure typed with its unit or currency ("5 years", "$1.2m") sets the term's unit; the
    // walk has already converted it, or asked, when the term's other figures are in another unit.
    func figure(_ name: String, _ path: WritableKeyPath<Objective, TermValue?>) -> FieldSpec<Objective> {
      let plain = FieldSpec<Objective>.term(name, path, stamp: \.answeredAt)
      return FieldSpec(name, plain.expect, get: plain.get) { o, value, time in
        plain.set(&o, value, time)
        if case .amount(_, let currency?) = value { o.unit = currency }
      }
    }
    return [
      figure("best", \.best), figure("expected", \.expected), figure("walkAway", \.walkAway),
      .term("theirLimit", \.theirLimit, stamp: \.answeredAt),
      .choice("better", \.better, stamp: \.answeredAt),
      .text("unit", \.unit, stamp: \.answeredAt),
      .choice("flexibility", \.flexibility, stamp: \.answeredAt),
      .text("note", \.note, stamp: \.answeredAt),
    ]
  }()
}

extension BATNASide: FieldTable {
  public static let fields: [FieldSpec<BATNASide>] = [
    .text("description", \.description, stamp: \.answeredAt),
    .amount("value", \.value, stamp: \.answeredAt),
  ]
}

extension BATNA: FieldTable {
  /// `ours.description`, `theirs.value`…: each side's fields.
  public static let fields: [FieldSpec<BATNA>] =
    BATNASide.fields.map { $0.on(\BATNA.ours, as: "ours." + $0.name) } + BATNASide.fields.map { $0.on(\BATNA.theirs, as: "theirs." + $0.name) }
}

extension Interest: FieldTable {
  public static let fields: [FieldSpec<Interest>] = [
    .text("position", \.position, stamp: \.answeredAt),
    .text("interest", \.interest, stamp: \.answeredAt),
  ]
}

extension Concession: FieldTable {
  public static let fields: [FieldSpec<Concession>] = [
    .text("give", \.give, stamp: \.answeredAt),
    .text("get", \.get, stamp: \.answeredAt),
    .amount("costToUs", \.costToUs, stamp: \.answeredAt),
    .amount("valueToThem", \.valueToThem, stamp: \.answeredAt),
  ]
}

extension TeamMember: FieldTable {
  public static let fields: [FieldSpec<TeamMember>] = [
    .requiredText("name", \.name, stamp: \.answeredAt),
    .choice("role", \.role, stamp: \.answeredAt),
  ]
}

extension Action: FieldTable {
  /// Filled by the built-in "next action" walk; actions keep no answer times.
  public static let fields: [FieldSpec<Action>] = [
    .requiredText("text", \.text, stamp: nil),
    .text("owner", \.owner, stamp: nil),
    .date("due", \.due, stamp: nil),
  ]
}

extension AccountPlan: FieldTable {
  /// The plan-level fields with a fixed path. Discovery answers (`discovery.<stage>.<prompt
  /// id>`) are keyed by the playbook's prompt ids, so they are not listed: PlanPatch handles them.
  public static let fields: [FieldSpec<AccountPlan>] = {
    let stamp: FieldSpec<AccountPlan>.Stamp = \.account.answeredAt
    var f: [FieldSpec<AccountPlan>] = [
      .choice("account.tier", \.account.tier, stamp: stamp, key: "tier"),
      .choice("account.industry", \.account.industry, stamp: stamp, key: "industry"),
      .choice("account.cooperationStage", \.account.cooperationStage, stamp: stamp, key: "cooperationStage"),
      .choice("account.decisionMode", \.account.decisionMode, stamp: stamp, key: "decisionMode"),
      .text("account.notes", \.account.notes, stamp: stamp, key: "notes").notCounted(),
    ]
    for area in PortraitArea.allCases {
      let field = FieldSpec<AccountPlan>.text(
        "account.portrait.\(area.rawValue)", \.account.portrait.answers[area], stamp: \.account.portrait.answeredAt, key: area.rawValue)
      // Read without the key path: through its dictionary subscript each read copied the whole
      // plan (callgrind: a third of a plan's completeness, which reads all five areas).
      f.append(FieldSpec(field.name, field.expect, get: { $0.account.portrait.answers[area].map { .text($0) } }, set: field.set))
    }
    for dimension in ValueDimension.allCases {
      for criterion in dimension.criteria {
        f.append(
          FieldSpec(
            "valueAssessment.\(dimension.rawValue).\(criterion)", .scale,
            get: { $0.valueAssessment.score(dimension, criterion).map { .scale($0) } },
            set: { plan, value, time in
              if case .scale(let n) = value { plan.valueAssessment.setScore(dimension, criterion, n, at: time) }
            }))
      }
    }
    f.append(
      FieldSpec(
        "negotiation.commonInterests", .list,
        get: { $0.negotiation.commonInterests.isEmpty ? nil : .list($0.negotiation.commonInterests) },
        set: { plan, value, time in
          if case .list(let items) = value {
            plan.negotiation.commonInterests = items
          } else if let t = PlanPatch.text(value) {
            plan.negotiation.commonInterests = [t]
          }
          plan.negotiation.answeredAt["commonInterests"] = time
        }))
    // The account-management set-up (the `manage` walk writes these; a trainer's walk may too).
    f.append(.choice("management.tier", \.management.tier, stamp: \.management.answeredAt, key: "tier"))
    f.append(.choice("management.lifecycle", \.management.lifecycle, stamp: \.management.answeredAt, key: "lifecycle"))
    f.append(.text("management.accountManager", \.management.accountManager, stamp: \.management.answeredAt, key: "accountManager"))
    f += DealFacts.planFields
    return f
  }()
}
