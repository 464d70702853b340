/// An item of one of the plan's lists, with an id that is stable for the item's life and never
/// handed out again after the item is removed (schemaVersion 2).
public protocol PlanItem {
  var id: String { get set }
}

extension Stakeholder: PlanItem {}
extension Objection: PlanItem {}
extension Action: PlanItem {}
extension PlannedQuestion: PlanItem {}
extension Concession: PlanItem {}
extension Interest: PlanItem {}
extension TeamMember: PlanItem {}
extension Touchpoint: PlanItem {}
extension NPSResponse: PlanItem {}
extension CSATScore: PlanItem {}
extension ServiceIssue: PlanItem {}
extension Purchase: PlanItem {}
extension Crisis: PlanItem {}
extension GrowthOpportunity: PlanItem {}
extension ImprovementAction: PlanItem {}
extension Meeting: PlanItem {}

/// The id prefix of each list: `s1`, `o3`, `a12`…
public enum ItemIDPrefix {
  public static let stakeholder = "s"
  public static let objection = "o"
  public static let action = "a"
  public static let question = "q"
  public static let concession = "c"
  public static let interest = "i"
  public static let team = "t"
  public static let touchpoint = "mt"
  public static let nps = "mn"
  public static let csat = "mc"
  public static let issue = "mi"
  public static let purchase = "mp"
  public static let crisis = "mx"
  public static let growth = "mg"
  public static let improvement = "ma"
  public static let meeting = "m"
  public static let all =
    [stakeholder, objection, action, question, concession, interest, team]
    + [touchpoint, nps, csat, issue, purchase, crisis, growth, improvement] + [meeting]

  /// An id as the schema allows it: ASCII letters, digits, `_` and `-`, at most 40, not
  /// starting with `_` or `-`.
  static func isWellFormed(_ id: String) -> Bool {
    let bytes = Array(id.utf8)
    guard (1...40).contains(bytes.count) else { return false }
    func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    return alnum(bytes[0]) && bytes.allSatisfy { alnum($0) || $0 == 0x5F || $0 == 0x2D }
  }

  /// The number of an id made of `prefix` and digits (`s12` → 12).
  static func number(_ id: String, prefix: String) -> Int? {
    guard id.hasPrefix(prefix) else { return nil }
    let digits = id.dropFirst(prefix.count)
    guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(digits)
  }
}

extension AccountPlan {
  /// True when some list item has no id yet (it was added in memory since the last save).
  var lacksItemIDs: Bool {
    stakeholders.contains { $0.id.isEmpty } || objections.contains { $0.id.isEmpty } || actions.contains { $0.id.isEmpty }
      || questionPlan.contains { $0.id.isEmpty } || negotiation.concessions.contains { $0.id.isEmpty }
      || negotiation.interests.contains { $0.id.isEmpty } || negotiation.team.contains { $0.id.isEmpty }
      || management.lacksItemIDs
      || meetings.contains { $0.id.isEmpty }
  }

  /// Gives every list item without an id the next unused one of its list, and links the
  /// references between items: an objection raised by a stakeholder, an interest one holds.
  /// Ids come from `lastItemIDs`, which only grows, so a removed item's id is never reused.
  public mutating func assignItemIDs() {
    var last = lastItemIDs
    Self.assign(&stakeholders, ItemIDPrefix.stakeholder, &last)
    Self.assign(&objections, ItemIDPrefix.objection, &last)
    Self.assign(&actions, ItemIDPrefix.action, &last)
    Self.assign(&questionPlan, ItemIDPrefix.question, &last)
    Self.assign(&negotiation.concessions, ItemIDPrefix.concession, &last)
    Self.assign(&negotiation.interests, ItemIDPrefix.interest, &last)
    Self.assign(&negotiation.team, ItemIDPrefix.team, &last)
    Self.assign(&management.touchpoints, ItemIDPrefix.touchpoint, &last)
    Self.assign(&management.npsResponses, ItemIDPrefix.nps, &last)
    Self.assign(&management.csat, ItemIDPrefix.csat, &last)
    Self.assign(&management.issues, ItemIDPrefix.issue, &last)
    Self.assign(&management.purchases, ItemIDPrefix.purchase, &last)
    Self.assign(&management.crises, ItemIDPrefix.crisis, &last)
    Self.assign(&management.growth, ItemIDPrefix.growth, &last)
    Self.assign(&management.improvements, ItemIDPrefix.improvement, &last)
    Self.assign(&meetings, ItemIDPrefix.meeting, &last)
    if last != lastItemIDs { lastItemIDs = last }
    linkReferences()
  }

  private static func assign<T: PlanItem>(_ items: inout [T], _ prefix: String, _ counters: inout [String: Int]) {
    guard !items.isEmpty else { return }
    var last = counters[prefix] ?? 0
    for item in items { if let n = ItemIDPrefix.number(item.id, prefix: prefix), n > last { last = n } }
    for i in items.indices where items[i].id.isEmpty {
      last += 1
      items[i].id = prefix + String(last)
    }
    if last > 0 { counters[prefix] = last }
  }

  /// The stakeholder with this id, if any.
  public func stakeholder(id: String) -> Stakeholder? { stakeholders.first { $0.id == id } }

  /// Links the name the rep typed to the stakeholder it names, and keeps the name shown in
  /// step with the stakeholder's when it is renamed. A name that is no stakeholder stays text;
  /// a link to a stakeholder who was removed is dropped (the name stays).
  mutating func linkReferences() {
    func resolve(_ name: String?, _ link: String?) -> (name: String?, link: String?) {
      if let link {
        guard let s = stakeholder(id: link) else { return (name, nil) }
        // A rename is followed; a difference of case only is the rep's own spelling.
        if name?.lowercased() != s.name.lowercased() { return (s.name, link) }
        return (name, link)
      }
      guard let name, !name.isEmpty, let i = stakeholderIndex(named: name) else { return (name, nil) }
      return (name, stakeholders[i].id)
    }
    for i in objections.indices {
      let r = resolve(objections[i].raisedBy, objections[i].raisedById)
      if r.name != objections[i].raisedBy { objections[i].raisedBy = r.name }
      if r.link != objections[i].raisedById { objections[i].raisedById = r.link }
    }
    for i in negotiation.interests.indices {
      let r = resolve(negotiation.interests[i].stakeholder, negotiation.interests[i].stakeholderId)
      if let name = r.name, name != negotiation.interests[i].stakeholder { negotiation.interests[i].stakeholder = name }
      if r.link != negotiation.interests[i].stakeholderId { negotiation.interests[i].stakeholderId = r.link }
    }
  }

  /// Refuses two items with the same id (a reference to either would be ambiguous) and an id
  /// the schema does not allow, at the item's place.
  func checkUniqueItemIDs() throws(PlanFormatError) {
    var seen: [String: (list: String, index: Int)] = [:]
    func check<T: PlanItem>(_ items: [T], _ list: String) throws(PlanFormatError) {
      for (i, item) in items.enumerated() where !item.id.isEmpty {
        guard ItemIDPrefix.isWellFormed(item.id) else {
          throw PlanFormatError(
            path: "\(list)[\(i)].id", "\"\(item.id)\" is not an item id: letters, digits, _ and -, at most 40, starting with a letter or digit",
            "\"\(item.id)\" 不是有效的条目 id：只能由字母、数字、_ 和 - 组成，最多 40 个字符，以字母或数字开头")
        }
        if let first = seen.updateValue((list, i), forKey: item.id) {
          throw PlanFormatError(
            path: "\(list)[\(i)].id", "the id \"\(item.id)\" is already the id of \(first.list)[\(first.index)]; every item's id is unique in the plan",
            "id \"\(item.id)\" 已用于 \(first.list)[\(first.index)]；计划中每一项的 id 都必须唯一")
        }
      }
    }
    try check(stakeholders, "stakeholders")
    try check(objections, "objections")
    try check(actions, "actions")
    try check(questionPlan, "questionPlan")
    try check(negotiation.concessions, "negotiation.concessions")
    try check(negotiation.interests, "negotiation.interests")
    try check(negotiation.team, "negotiation.team")
    try check(management.touchpoints, "management.touchpoints")
    try check(management.npsResponses, "management.npsResponses")
    try check(management.csat, "management.csat")
    try check(management.issues, "management.issues")
    try check(management.purchases, "management.purchases")
    try check(management.crises, "management.crises")
    try check(management.growth, "management.growth")
    try check(management.improvements, "management.improvements")
    try check(meetings, "meetings")
  }
}

extension Management {
  /// True when some item of the section has no id yet.
  var lacksItemIDs: Bool {
    touchpoints.contains { $0.id.isEmpty } || npsResponses.contains { $0.id.isEmpty } || csat.contains { $0.id.isEmpty }
      || issues.contains { $0.id.isEmpty } || purchases.contains { $0.id.isEmpty } || crises.contains { $0.id.isEmpty }
      || growth.contains { $0.id.isEmpty } || improvements.contains { $0.id.isEmpty }
  }
}

extension AccountPlan {
  /// The id the next item of a list with this prefix gets, taken now (the counter grows), for a
  /// walk that must know its item's id as it creates it. Two runs of the same edit on the same
  /// plan take the same id.
  public mutating func takeItemID<T: PlanItem>(_ prefix: String, in items: [T]) -> String {
    var last = lastItemIDs[prefix] ?? 0
    for item in items { if let n = ItemIDPrefix.number(item.id, prefix: prefix), n > last { last = n } }
    last += 1
    lastItemIDs[prefix] = last
    return prefix + String(last)
  }
}
