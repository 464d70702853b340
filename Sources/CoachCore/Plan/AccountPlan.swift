/// An account plan: everything a rep has recorded about one key account. One JSON file per
/// plan, schemaVersion 2 (see schema/account-plan.schema.json). Version 2 gives every list item
/// an `id` and links items that name a stakeholder to it; a version-1 plan is migrated as it is
/// read, and the caller keeps the original file beside it.
public struct AccountPlan: JSONRecord {
  /// The newest plan format this version reads and writes.
  public static let currentSchemaVersion = 2

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
  /// The deal's size, close date, sales stage and competitors (absent in older plans).
  public var deal: DealFacts
  /// The number of the last item id handed out, by id prefix (`"s": 3` after `s3`): ids only
  /// grow, so one is never reused after its item is removed.
  public var lastItemIDs: [String: Int]
  /// The account's meetings, as prepared and debriefed (absent in older plans = none).
  public var meetings: [Meeting]
  /// Keeping the won account (course part 5): empty until used, and then written.
  public var management = Management()
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
    deal = DealFacts()
    lastItemIDs = [:]
    meetings = []
    extra = [:]
  }

  public init(json: JSONValue, path: String = "") throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    guard let version = try f.int("schemaVersion") else {
      throw PlanFormatError(path: f.at("schemaVersion"), "missing: every plan states its schemaVersion", "缺少：每个计划都要写明 schemaVersion")
    }
    guard version >= 1 else {
      throw PlanFormatError(
        path: f.at("schemaVersion"), "schemaVersion \(version) is not a plan format: versions start at 1",
        "schemaVersion \(version) 不是有效的计划格式：版本从 1 开始")
    }
    // A version-1 plan is read as version 2: its items get ids below, in list order.
    schemaVersion = max(version, Self.currentSchemaVersion)
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
    management = try f.record("management", Management.self) ?? Management()
    deal = try f.record("deal", DealFacts.self) ?? DealFacts()
    lastItemIDs = [:]
    if let counters = f.value("lastItemIDs") {
      guard case .object(let object) = counters else {
        throw PlanFormatError(
          path: f.at("lastItemIDs"), "expected an object of whole numbers, found \(counters.kindName.en)",
          "应为由整数组成的对象，实际是\(counters.kindName.zh)")
      }
      for (prefix, value) in object {
        guard let n = value.int, n >= 0 else {
          throw PlanFormatError(path: "\(f.at("lastItemIDs")).\(prefix)", "expected a whole number of 0 or more", "应为大于或等于 0 的整数")
        }
        lastItemIDs[prefix] = n
      }
    }
    meetings = try f.records("meetings", Meeting.self)
    extra = f.extra
    try checkUniqueItemIDs()
    if version < Self.currentSchemaVersion || lacksItemIDs { assignItemIDs() }
  }

  /// The plan as JSON. Items added since ids were last assigned get theirs here (the same ones
  /// `assignItemIDs()` would give), so no item is ever written without an id.
  public var json: JSONValue {
    if lacksItemIDs, !isFromNewerVersion {
      var copy = self
      copy.assignItemIDs()
      return copy.json
    }
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
    o.set("deal", record: deal.isEmpty ? nil : deal)
    o.set("meetings", records: meetings, keepEmpty: false)
    o.set("management", record: management.isEmpty ? nil : management)
    o.set("lastItemIDs", lastItemIDs.isEmpty ? nil : .object(lastItemIDs.mapValues { .number(Double($0)) }))
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
    let key = StakeholderNameMatch.key(name)
    return stakeholders.firstIndex { StakeholderNameMatch.key($0.name) == key }
  }
}

/// Why a plan file could not be read.
public enum PlanReadError: Error, Equatable, Sendable {
  case syntax(JSONSyntaxError)
  case format(PlanFormatError)
  case newerVersion(Int)
}
