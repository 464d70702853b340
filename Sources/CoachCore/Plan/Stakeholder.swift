/// A person on the customer's side who takes part in the decision.
public struct Stakeholder: JSONRecord {
  /// Stable within the plan, never reused after removal (`s1`, `o3`…); empty until assigned.
  public var id: String = ""
  public var name: String
  public var title: String?
  public var role: StakeholderRole?
  public var influence: Int?
  public var attitude: Attitude?
  public var concerns: String?
  public var notes: String?
  /// Roles held besides `role` (the primary one): the CFO is often the financial and the final
  /// decision maker. Never repeats `role`.
  public var roles: [StakeholderRole] = []
  /// True when the person holds `role`, as the primary role or one of the others.
  public func holds(_ role: StakeholderRole) -> Bool { self.role == role || roles.contains(role) }
  /// The id of the stakeholder this person reports to.
  public var reportsTo: String?
  /// The ids of the stakeholders whose view this person sways.
  public var influences: [String] = []
  /// Who on our side owns the relationship.
  public var owner: String?
  /// When we last spoke with them, YYYY-MM-DD.
  public var lastContact: String?
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init(name: String) {
    self.name = name
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    guard let name = try f.string("name"), !name.isEmpty else {
      throw PlanFormatError(path: f.at("name"), "every stakeholder needs a name", "每位决策者都需要姓名")
    }
    self.name = name
    title = try f.string("title")
    role = try f.enumeration("role", StakeholderRole.self)
    influence = try f.int("influence", in: 1...5)
    attitude = try f.enumeration("attitude", Attitude.self)
    concerns = try f.string("concerns")
    notes = try f.string("notes")
    answeredAt = try f.timestamps()
    extra = [:]
    try readRelationship(&f)
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["name"] = name
    o["title"] = title
    o.set("role", role)
    o.set("influence", influence)
    o.set("attitude", attitude)
    o["concerns"] = concerns
    o["notes"] = notes
    writeRelationship(&o)
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}
