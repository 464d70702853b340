/// An account plan: everything a rep has recorded about one key account. One JSON file per
/// plan, schemaVersion 1 (see schema/account-plan.schema.json).
public struct AccountPlan: JSONRecord {
  /// The newest plan format this version reads and writes.
  public static let currentSchemaVersion = 1

  public var schemaVersion: Int
  public var id: String
  public var name: String
  public var createdAt: String
  public var updatedAt: String
  public var account: AccountProfile
  public var valueAssessment: ValueAssessment
  public var stakeholders: [Stakeholder]
  public var discovery: Discovery
  public var questionPlan: [PlannedQuestion]
  public var objections: [Objection]
  public var negotiation: Negotiation
  public var actions: [Action]
  /// Keys this version does not know, kept as they were.
  public var extra: [String: JSONValue]

  public init(id: String, name: String, createdAt: Timestamp) {
    schemaVersion = Self.currentSchemaVersion
    self.id = id
    self.name = name
    self.createdAt = createdAt.description
    updatedAt = createdAt.description
    account = AccountProfile()
    valueAssessment = ValueAssessment()
    stakeholders = []
    discovery = Discovery()
    questionPlan = []
    objections = []
    negotiation = Negotiation()
    actions = []
    extra = [:]
  }

  public init(json: JSONValue, path: String = "") throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    guard let version = try f.int("schemaVersion") else {
      throw PlanFormatError(path: f.at("schemaVersion"), "missing: every plan states its schemaVersion", "缺少：每个计划都要写明 schemaVersion")
    }
    guard version >= 1 else {
      throw PlanFormatError(path: f.at("schemaVersion"), "schemaVersion \(version) is not a plan format: versions start at 1",
                            "schemaVersion \(version) 不是有效的计划格式：版本从 1 开始")
    }
    schemaVersion = version
    guard let id = try f.string("id"), !id.isEmpty else {
      throw PlanFormatError(path: f.at("id"), "missing: every plan has an id", "缺少：每个计划都要有 id")
    }
    self.id = id
    name = try f.string("name") ?? id
    createdAt = try f.string("createdAt") ?? ""
    updatedAt = try f.string("updatedAt") ?? createdAt
    account = try f.record("account", AccountProfile.self) ?? AccountProfile()
    valueAssessment = try f.record("valueAssessment", ValueAssessment.self) ?? ValueAssessment()
    stakeholders = try f.records("stakeholders", Stakeholder.self)
    discovery = try f.record("discovery", Discovery.self) ?? Discovery()
    questionPlan = try f.records("questionPlan", PlannedQuestion.self)
    objections = try f.records("objections", Objection.self)
    negotiation = try f.record("negotiation", Negotiation.self) ?? Negotiation()
    actions = try f.records("actions", Action.self)
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("schemaVersion", schemaVersion)
    o["id"] = id
    o["name"] = name
    o["createdAt"] = createdAt
    o["updatedAt"] = updatedAt
    o.set("account", record: account)
    o.set("valueAssessment", record: valueAssessment)
    o.set("stakeholders", records: stakeholders)
    o.set("discovery", record: discovery)
    o.set("questionPlan", records: questionPlan)
    o.set("objections", records: objections)
    o.set("negotiation", record: negotiation)
    o.set("actions", records: actions)
    return o.json
  }

  /// The plan as it is written to disk.
  public var fileText: String { JSONWriter.pretty(json) }
  public var fileBytes: [UInt8] { JSONWriter.prettyBytes(json) }

  /// Reads a plan file's text: JSON syntax errors carry line and column, format errors a path.
  public static func parse(_ text: String) throws(PlanReadError) -> AccountPlan {
    let value: JSONValue
    do { value = try JSONParser.parse(text) } catch { throw .syntax(error) }
    do {
      return try AccountPlan(json: value)
    } catch {
      // A plan from a newer version that this one cannot even read is reported as such;
      // one it can read is returned and the caller opens it read-only.
      if let version = value["schemaVersion"]?.int, version > currentSchemaVersion { throw .newerVersion(version) }
      throw .format(error)
    }
  }

  /// True when the plan was written by a newer version: it may be read but never saved.
  public var isFromNewerVersion: Bool { schemaVersion > Self.currentSchemaVersion }

  /// Index of the stakeholder with this name (case-insensitive), if any.
  public func stakeholderIndex(named name: String) -> Int? {
    let key = name.lowercased()
    return stakeholders.firstIndex { $0.name.lowercased() == key }
  }
}

/// Why a plan file could not be read.
public enum PlanReadError: Error, Equatable, Sendable {
  case syntax(JSONSyntaxError)
  case format(PlanFormatError)
  case newerVersion(Int)
}
