/// Negotiation preparation: goals, BATNAs, interests, the concession ladder and the team.
public struct Negotiation: JSONRecord {
  public var objectives: [Objective]
  public var batna: BATNA
  public var interests: [Interest]
  public var commonInterests: [String]
  public var concessions: [Concession]
  public var team: [TeamMember]
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init() {
    objectives = []
    batna = BATNA()
    interests = []
    commonInterests = []
    concessions = []
    team = []
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    objectives = try f.records("objectives", Objective.self)
    batna = try f.record("batna", BATNA.self) ?? BATNA()
    interests = try f.records("interests", Interest.self)
    commonInterests = try f.strings("commonInterests")
    concessions = try f.records("concessions", Concession.self)
    team = try f.records("team", TeamMember.self)
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("objectives", records: objectives)
    o.set("batna", record: batna)
    o.set("interests", records: interests)
    o.set("commonInterests", strings: commonInterests, keepEmpty: true)
    o.set("concessions", records: concessions)
    o.set("team", records: team)
    o.set("answeredAt", times: answeredAt)
    return o.json
  }

  /// The concessions in ladder order.
  public var ladder: [Concession] { concessions.sorted { $0.order < $1.order } }
}

/// A negotiated term with its best, expected and walk-away values.
public struct Objective: JSONRecord {
  /// Stable for the objective's life (`g1`, `g2`…, schemaVersion 2); empty until first saved.
  public var id: String = ""
  public var term: NegotiationTerm
  public var label: String?
  public var best: TermValue?
  public var expected: TermValue?
  public var walkAway: TermValue?
  /// Our estimate of the customer's limit on this term (the most they would concede), so each
  /// term has its own zone of possible agreement, not only price.
  public var theirLimit: TermValue?
  public var better: BetterDirection?
  public var unit: String?
  public var flexibility: Flexibility?
  public var note: String?
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init(term: NegotiationTerm, label: String? = nil) {
    self.term = term
    self.label = label
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    guard let term = try f.enumeration("term", NegotiationTerm.self) else {
      throw PlanFormatError(path: f.at("term"), "every objective needs a term", "每个谈判目标都需要指定条款")
    }
    self.term = term
    id = try f.string("id") ?? ""
    label = try f.string("label")
    best = try TermValue(json: f.value("best"), path: f.at("best"))
    expected = try TermValue(json: f.value("expected"), path: f.at("expected"))
    walkAway = try TermValue(json: f.value("walkAway"), path: f.at("walkAway"))
    theirLimit = try TermValue(json: f.value("theirLimit"), path: f.at("theirLimit"))
    better = try f.enumeration("better", BetterDirection.self)
    unit = try f.string("unit")
    flexibility = try f.enumeration("flexibility", Flexibility.self)
    note = try f.string("note")
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o.set("term", term)
    o["label"] = label
    o.set("best", best?.json)
    o.set("expected", expected?.json)
    o.set("walkAway", walkAway?.json)
    o.set("theirLimit", theirLimit?.json)
    o.set("better", better)
    o["unit"] = unit
    o.set("flexibility", flexibility)
    o["note"] = note
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}

/// The best alternative to a negotiated agreement, ours and our estimate of theirs.
public struct BATNA: JSONRecord {
  public var ours: BATNASide
  public var theirs: BATNASide
  public var extra: [String: JSONValue]

  public init() {
    ours = BATNASide()
    theirs = BATNASide()
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    ours = try f.record("ours", BATNASide.self) ?? BATNASide()
    theirs = try f.record("theirs", BATNASide.self) ?? BATNASide()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("ours", record: ours)
    o.set("theirs", record: theirs)
    return o.json
  }
}

public struct BATNASide: JSONRecord {
  public var description: String?
  /// The price-equivalent of this alternative, when it can be estimated.
  public var value: Double?
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init() {
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    description = try f.string("description")
    value = try f.double("value")
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["description"] = description
    o.set("value", value)
    o.set("answeredAt", times: answeredAt)
    return o.json
  }

  public var isEmpty: Bool { (description ?? "").isEmpty && value == nil }
}

/// A stakeholder's stated position and the interest underneath it.
public struct Interest: JSONRecord {
  /// Stable within the plan, never reused after removal (`s1`, `o3`…); empty until assigned.
  public var id: String = ""
  /// Whose interest it is, as the rep typed it (kept as text when it names no stakeholder).
  public var stakeholder: String { didSet { if stakeholder != oldValue { stakeholderId = nil } } }
  /// The stakeholder who holds it, by id, when `stakeholder` names one.
  public var stakeholderId: String?
  public var position: String?
  public var interest: String?
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init(stakeholder: String) {
    self.stakeholder = stakeholder
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    stakeholder = try f.string("stakeholder") ?? ""
    stakeholderId = try f.string("stakeholderId")
    position = try f.string("position")
    interest = try f.string("interest")
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["stakeholder"] = stakeholder
    o["stakeholderId"] = stakeholderId
    o["position"] = position
    o["interest"] = interest
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}

/// One rung of the concession ladder: what we give and what we ask in return.
public struct Concession: JSONRecord {
  /// Stable within the plan, never reused after removal (`s1`, `o3`…); empty until assigned.
  public var id: String = ""
  public var order: Int
  public var give: String?
  public var get: String?
  public var costToUs: Double?
  public var valueToThem: Double?
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init(order: Int) {
    self.order = order
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    order = try f.int("order") ?? 0
    give = try f.string("give")
    get = try f.string("get")
    costToUs = try f.double("costToUs")
    valueToThem = try f.double("valueToThem")
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o.set("order", order)
    o["give"] = give
    o["get"] = get
    o.set("costToUs", costToUs)
    o.set("valueToThem", valueToThem)
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}

public struct TeamMember: JSONRecord {
  /// Stable within the plan, never reused after removal (`s1`, `o3`…); empty until assigned.
  public var id: String = ""
  public var name: String
  public var role: TeamRole?
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init(name: String, role: TeamRole? = nil) {
    self.name = name
    self.role = role
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    name = try f.string("name") ?? ""
    role = try f.enumeration("role", TeamRole.self)
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["name"] = name
    o.set("role", role)
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}
