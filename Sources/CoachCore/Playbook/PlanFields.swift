/// The plan fields a playbook prompt may fill (`fills`), with what kind of answer each takes and
/// where it lives, made from the field tables (Plan/PlanFieldTable.swift) so each field is
/// declared once. The playbook validator checks every prompt against it.
public enum PlanFields {
  public enum Expect: Equatable, Sendable {
    case text, list, scale, amount, date
    /// A choice among exactly these ids.
    case choice([String])
    /// An amount or, where the term is not numeric, text.
    case amountOrText
  }

  /// Where a field lives: on the plan itself, or on the item a walk is on. Its `fills:` path
  /// starts with the place (`stakeholder.notes`), except plan fields, which are full paths.
  public enum Place: String, CaseIterable, Sendable {
    case plan, stakeholder, objection, objective, batna, interest, concession, team, action
    case competitor
  }

  public struct Field: Sendable, Equatable {
    public let path: String
    public let expect: Expect
    public let place: Place
  }

  /// Choice fields whose built-in options a trainer's playbook may extend with new ids.
  public static let extensibleChoices: Set<String> = ["account.industry"]

  /// Every field with a fixed path, in table order.
  public static let all: [Field] = {
    func item<S>(_ place: Place, _ table: [FieldSpec<S>]) -> [Field] {
      table.map { Field(path: place.rawValue + "." + $0.name, expect: $0.expect, place: place) }
    }
    return AccountPlan.fields.map { Field(path: $0.name, expect: $0.expect, place: .plan) }
      + item(.stakeholder, Stakeholder.fields) + item(.objection, Objection.fields) + item(.objective, Objective.fields)
      + item(.batna, BATNA.fields) + item(.interest, Interest.fields) + item(.concession, Concession.fields)
      + item(.team, TeamMember.fields) + item(.action, Action.fields)
      + item(.competitor, Competitor.fields)
  }()

  public static let fixed: [String: Expect] = Dictionary(uniqueKeysWithValues: all.map { ($0.path, $0.expect) })
  static let places: [String: Place] = Dictionary(uniqueKeysWithValues: all.map { ($0.path, $0.place) })

  /// What a `fills` path expects, or nil when the plan has no such field.
  /// Discovery answers are free-form: `discovery.<stage>.<prompt id>` takes any kind.
  public static func expectation(for path: String) -> Expect?? {
    if let e = fixed[path] { return .some(e) }
    if PlanPatch.discoveryAnswer(path) != nil { return .some(nil) }
    return nil
  }

  /// Where the field at a `fills` path lives (discovery answers live on the plan).
  public static func place(of path: String) -> Place? {
    if let p = places[path] { return p }
    return PlanPatch.discoveryAnswer(path) != nil ? .plan : nil
  }

  /// The fields a walk of the playbook writes, by where they live: a prompt whose field is
  /// elsewhere would be dropped by the walk, so the validator refuses it.
  /// `walk` is a walk id (`profile`, `stakeholder`, `objection`, a discovery stage) or
  /// `negotiation.<part id>`.
  public static func accepts(_ walk: String, _ path: String) -> Bool {
    guard let place = place(of: path) else { return false }
    switch walk {
    case "stakeholder": return place == .stakeholder
    case "stakeholder-links": return place == .stakeholder
    case "competitor": return place == .competitor
    case "objection": return place == .objection
    case "negotiation.goals": return place == .objective
    case "negotiation.batna": return place == .batna
    case "negotiation.interests": return place == .interest || path == "negotiation.commonInterests"
    case "negotiation.concessions": return place == .concession
    case "negotiation.team": return place == .team
    default:
      // The profile and discovery walks, and any walk a trainer adds, write plan fields.
      return place == .plan && !walk.hasPrefix("negotiation.")
    }
  }

  /// The places a walk writes, for the message when a prompt names a field elsewhere.
  public static func placeNames(for walk: String) -> String {
    switch walk {
    case "stakeholder", "stakeholder-links": return "stakeholder.…"
    case "competitor": return "competitor.…"
    case "objection": return "objection.…"
    case "negotiation.goals": return "objective.…"
    case "negotiation.batna": return "batna.…"
    case "negotiation.interests": return "interest.…, negotiation.commonInterests"
    case "negotiation.concessions": return "concession.…"
    case "negotiation.team": return "team.…"
    default: return walk.hasPrefix("negotiation.") ? "—" : "account.…, valueAssessment.…, discovery.…, negotiation.commonInterests"
    }
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
