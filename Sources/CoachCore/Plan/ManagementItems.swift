/// A contact with the account: a visit, a review, a call (date, kind, who, notes, follow-ups).
public struct Touchpoint: JSONRecord {
  public var id: String = ""
  /// YYYY-MM-DD.
  public var date: String
  public var kind: TouchpointKind
  public var who: String?
  public var notes: String?
  public var followUps: [String] = []
  public var createdAt: String?
  public var extra: [String: JSONValue] = [:]

  public init(date: String, kind: TouchpointKind, createdAt: String) {
    self.date = date
    self.kind = kind
    self.createdAt = createdAt
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    date = try f.day("date") ?? ""
    kind = try f.enumeration("kind", TouchpointKind.self) ?? .other
    who = try f.string("who")
    notes = try f.string("notes")
    followUps = try f.strings("followUps")
    createdAt = try f.string("createdAt")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["date"] = date
    o.set("kind", kind)
    o["who"] = who
    o["notes"] = notes
    o.set("followUps", strings: followUps)
    o["createdAt"] = createdAt
    return o.json
  }
}

/// One respondent's answer to an NPS survey ("how likely are you to recommend us?", 0–10).
/// Answers with the same date are one survey.
public struct NPSResponse: JSONRecord {
  public var id: String = ""
  public var date: String
  public var score: Int
  public var respondent: String?
  public var role: String?
  public var extra: [String: JSONValue] = [:]

  public init(date: String, score: Int, respondent: String? = nil, role: String? = nil) {
    self.date = date
    self.score = score
    self.respondent = respondent
    self.role = role
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    date = try f.day("date") ?? ""
    score = try f.int("score", in: 0...10) ?? 0
    respondent = try f.string("respondent")
    role = try f.string("role")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["date"] = date
    o.set("score", score)
    o["respondent"] = respondent
    o["role"] = role
    return o.json
  }
}

/// A CSAT score (1–5 or 1–7) for one touchpoint or service area.
public struct CSATScore: JSONRecord {
  public var id: String = ""
  public var date: String
  public var score: Int
  /// 5 or 7: the top of the scale.
  public var scale: Int
  /// The touchpoint scored, by id.
  public var touchpointId: String?
  /// The service area scored (product performance, service quality, response speed…).
  public var area: String?
  public var extra: [String: JSONValue] = [:]

  public init(date: String, score: Int, scale: Int, area: String? = nil, touchpointId: String? = nil) {
    self.date = date
    self.score = score
    self.scale = scale
    self.area = area
    self.touchpointId = touchpointId
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    date = try f.day("date") ?? ""
    scale = try f.int("scale", in: 5...7) ?? 5
    guard scale == 5 || scale == 7 else {
      throw PlanFormatError(path: f.at("scale"), "expected 5 or 7 (a 1–5 or 1–7 scale), found \(scale)", "应为 5 或 7（1–5 分或 1–7 分量表），实际是 \(scale)")
    }
    score = try f.int("score", in: 1...scale) ?? 1
    touchpointId = try f.string("touchpointId")
    area = try f.string("area")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["date"] = date
    o.set("score", score)
    o.set("scale", scale)
    o["touchpointId"] = touchpointId
    o["area"] = area
    return o.json
  }
}

/// An issue or complaint, with its response level and when it was opened, responded to and
/// resolved (ISO-8601 times).
public struct ServiceIssue: JSONRecord {
  public var id: String = ""
  public var title: String
  public var kind: IssueKind
  /// 1, 2 or 3 (see ResponseLevel).
  public var level: Int
  public var openedAt: String
  public var respondedAt: String?
  public var resolvedAt: String?
  public var notes: String?
  public var extra: [String: JSONValue] = [:]

  public init(title: String, kind: IssueKind, level: Int, openedAt: String) {
    self.title = title
    self.kind = kind
    self.level = level
    self.openedAt = openedAt
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    title = try f.string("title") ?? ""
    kind = try f.enumeration("kind", IssueKind.self) ?? .issue
    level = try f.int("level", in: 1...3) ?? 3
    openedAt = try f.time("openedAt") ?? ""
    respondedAt = try f.time("respondedAt")
    resolvedAt = try f.time("resolvedAt")
    notes = try f.string("notes")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["title"] = title
    o.set("kind", kind)
    o.set("level", level)
    o["openedAt"] = openedAt
    o["respondedAt"] = respondedAt
    o["resolvedAt"] = resolvedAt
    o["notes"] = notes
    return o.json
  }
}

/// An order or contract value on a date.
public struct Purchase: JSONRecord {
  public var id: String = ""
  public var date: String
  public var amount: Double
  public var currency: String?
  public var note: String?
  public var extra: [String: JSONValue] = [:]

  public init(date: String, amount: Double, currency: String?, note: String? = nil) {
    self.date = date
    self.amount = amount
    self.currency = currency
    self.note = note
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    date = try f.day("date") ?? ""
    amount = try f.double("amount") ?? 0
    currency = try f.string("currency")
    note = try f.string("note")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["date"] = date
    o.set("amount", amount)
    o["currency"] = currency
    o["note"] = note
    return o.json
  }
}

/// The course's crisis steps (大客户危机处理), in order.
public enum CrisisStep: String, PlanEnum {
  case warningSigns, responsePlan, communication, remedy, repair
}

/// A crisis with the account, walked through the course's steps: warning signs (危机预警),
/// response plan and team (应对预案), communication principles (沟通策略), remedy (补救措施),
/// relationship repair (关系修复).
public struct Crisis: JSONRecord {
  public var id: String = ""
  public var title: String
  /// YYYY-MM-DD.
  public var openedOn: String
  public var closedOn: String?
  public var warningSigns: String?
  public var responsePlan: String?
  public var team: String?
  public var communication: String?
  public var remedy: String?
  public var repair: String?
  public var answeredAt: [String: String] = [:]
  public var extra: [String: JSONValue] = [:]

  public init(title: String, openedOn: String) {
    self.title = title
    self.openedOn = openedOn
  }

  public var isOpen: Bool { closedOn == nil }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    title = try f.string("title") ?? ""
    openedOn = try f.day("openedOn") ?? ""
    closedOn = try f.day("closedOn")
    warningSigns = try f.string("warningSigns")
    responsePlan = try f.string("responsePlan")
    team = try f.string("team")
    communication = try f.string("communication")
    remedy = try f.string("remedy")
    repair = try f.string("repair")
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["title"] = title
    o["openedOn"] = openedOn
    o["closedOn"] = closedOn
    o["warningSigns"] = warningSigns
    o["responsePlan"] = responsePlan
    o["team"] = team
    o["communication"] = communication
    o["remedy"] = remedy
    o["repair"] = repair
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}

/// A second-sales opportunity (cross-sell, up-sell, value-added service) or a
/// strategic-partnership idea, with its status.
public struct GrowthOpportunity: JSONRecord {
  public var id: String = ""
  public var kind: GrowthKind
  public var text: String
  public var status: GrowthStatus
  public var value: Double?
  public var currency: String?
  public var createdAt: String?
  public var extra: [String: JSONValue] = [:]

  public init(kind: GrowthKind, text: String, status: GrowthStatus = .idea, createdAt: String) {
    self.kind = kind
    self.text = text
    self.status = status
    self.createdAt = createdAt
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    kind = try f.enumeration("kind", GrowthKind.self) ?? .crossSell
    text = try f.string("text") ?? ""
    status = try f.enumeration("status", GrowthStatus.self) ?? .idea
    value = try f.double("value")
    currency = try f.string("currency")
    createdAt = try f.string("createdAt")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o.set("kind", kind)
    o["text"] = text
    o.set("status", status)
    o.set("value", value)
    o["currency"] = currency
    o["createdAt"] = createdAt
    return o.json
  }
}

/// One action of the satisfaction-improvement plan, aimed at a low-scoring touchpoint or area.
public struct ImprovementAction: JSONRecord {
  public var id: String = ""
  public var text: String
  public var area: String?
  public var owner: String?
  /// YYYY-MM-DD.
  public var due: String?
  public var status: ImprovementStatus
  public var createdAt: String?
  public var extra: [String: JSONValue] = [:]

  public init(text: String, area: String? = nil, createdAt: String) {
    self.text = text
    self.area = area
    self.createdAt = createdAt
    status = .planned
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    text = try f.string("text") ?? ""
    area = try f.string("area")
    owner = try f.string("owner")
    due = try f.day("due")
    status = try f.enumeration("status", ImprovementStatus.self) ?? .planned
    createdAt = try f.string("createdAt")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["text"] = text
    o["area"] = area
    o["owner"] = owner
    o["due"] = due
    o.set("status", status)
    o["createdAt"] = createdAt
    return o.json
  }
}
