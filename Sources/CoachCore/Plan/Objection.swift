/// A customer objection and the rep's planned LSCPA answer to it.
public struct Objection: JSONRecord {
  /// Stable within the plan, never reused after removal (`s1`, `o3`…); empty until assigned.
  public var id: String = ""
  public var category: ObjectionCategory?
  public var statement: String
  /// Who raised it, as the rep typed it (kept as text when it names no stakeholder).
  public var raisedBy: String? { didSet { if raisedBy != oldValue { raisedById = nil } } }
  /// The stakeholder who raised it, by id, when `raisedBy` names one.
  public var raisedById: String?
  public var lscpa: LSCPALines
  public var strategies: [String]
  public var status: ObjectionStatus
  public var createdAt: String?
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init(statement: String, category: ObjectionCategory?, createdAt: String) {
    self.statement = statement
    self.category = category
    self.createdAt = createdAt
    lscpa = LSCPALines()
    strategies = []
    status = .open
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    category = try f.enumeration("category", ObjectionCategory.self)
    statement = try f.string("statement") ?? ""
    raisedBy = try f.string("raisedBy")
    raisedById = try f.string("raisedById")
    lscpa = try f.record("lscpa", LSCPALines.self) ?? LSCPALines()
    strategies = try f.strings("strategies")
    status = try f.enumeration("status", ObjectionStatus.self) ?? .open
    createdAt = try f.string("createdAt")
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o.set("category", category)
    o["statement"] = statement
    o["raisedBy"] = raisedBy
    o["raisedById"] = raisedById
    o.set("lscpa", record: lscpa)
    o.set("strategies", strings: strategies, keepEmpty: true)
    o.set("status", status)
    o["createdAt"] = createdAt
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}

/// The rep's planned line for each LSCPA step.
public struct LSCPALines: JSONRecord {
  public var lines: [LSCPAStep: String]
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init() {
    lines = [:]
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    lines = [:]
    for step in LSCPAStep.allCases {
      if let line = try f.string(step.rawValue) { lines[step] = line }
    }
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    for step in LSCPAStep.allCases { o[step.rawValue] = lines[step] }
    o.set("answeredAt", times: answeredAt)
    return o.json
  }

  public subscript(step: LSCPAStep) -> String? {
    get { lines[step] }
    set { lines[step] = newValue }
  }
}
