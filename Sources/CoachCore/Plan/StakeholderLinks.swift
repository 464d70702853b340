/// The deeper relationship map: a person's further roles, whom they report to and whom they
/// influence (by stakeholder id), who on our side owns the relationship and when we last spoke.
extension Stakeholder {
  mutating func readRelationship(_ f: inout JSONFields) throws(PlanFormatError) {
    var extraRoles: [StakeholderRole] = []
    for (i, id) in try f.strings("roles").enumerated() {
      guard let r = StakeholderRole(rawValue: id) else {
        let allowed = StakeholderRole.allCases.map(\.rawValue)
        throw PlanFormatError(
          path: "\(f.at("roles"))[\(i)]", "\"\(id)\" is not one of: \(allowed.joined(separator: ", "))",
          "\"\(id)\" 不是可选值之一：\(allowed.joined(separator: "、"))")
      }
      if r != role, !extraRoles.contains(r) { extraRoles.append(r) }
    }
    roles = extraRoles
    reportsTo = try f.string("reportsTo")
    influences = try f.strings("influences")
    owner = try f.string("owner")
    lastContact = try f.string("lastContact")
    if let lastContact, CalendarDay(lastContact) == nil {
      throw PlanFormatError(path: f.at("lastContact"), "expected a date as YYYY-MM-DD, found \"\(lastContact)\"", "应为 YYYY-MM-DD 格式的日期，实际是 \"\(lastContact)\"")
    }
  }

  func writeRelationship(_ o: inout JSONObjectBuilder) {
    o.set("roles", strings: roles.map(\.rawValue))
    o["reportsTo"] = reportsTo
    o.set("influences", strings: influences)
    o["owner"] = owner
    o["lastContact"] = lastContact
  }

  /// Every role the person holds, the primary one first.
  public var allRoles: [StakeholderRole] { (role.map { [$0] } ?? []) + roles.filter { $0 != role } }

  /// The fields of the relationship walk (`stakeholders links NAME`). `reportsTo` and
  /// `influences` hold stakeholder ids: the walk turns the names typed into ids first.
  static let rolesField = FieldSpec<Stakeholder>(
    "roles", .list, get: { $0.roles.isEmpty ? nil : .list($0.roles.map(\.rawValue)) },
    set: { s, value, time in
      var picked: [StakeholderRole] = []
      if case .list(let ids) = value {
        for id in ids { if let r = StakeholderRole(rawValue: id), r != s.role, !picked.contains(r) { picked.append(r) } }
      }
      s.roles = picked
      s.answeredAt["roles"] = time
    }
  ).notCounted()
  static let reportsToField = FieldSpec<Stakeholder>.text("reportsTo", \.reportsTo, stamp: \.answeredAt).notCounted()
  static let influencesField = FieldSpec<Stakeholder>(
    "influences", .list, get: { $0.influences.isEmpty ? nil : .list($0.influences) },
    set: { s, value, time in
      if case .list(let ids) = value { s.influences = ids } else { s.influences = PlanPatch.text(value).map { [$0] } ?? [] }
      s.answeredAt["influences"] = time
    }
  ).notCounted()
  static let ownerField = FieldSpec<Stakeholder>.text("owner", \.owner, stamp: \.answeredAt).notCounted()
  static let lastContactField = FieldSpec<Stakeholder>.date("lastContact", \.lastContact, stamp: \.answeredAt).notCounted()
}

extension AccountPlan {
  /// Removes a stakeholder and every link that pointed at them: reporting lines and influence.
  /// Meetings they were in keep the name they had (`Meeting.removedNames`).
  public mutating func removeStakeholder(at index: Int) {
    let person = stakeholders.remove(at: index)
    let gone = person.id
    guard !gone.isEmpty else { return }
    dropLinks(to: gone)
    for m in meetings.indices where meetings[m].attendees.contains(gone) || meetings[m].debrief?.changes.contains(where: { $0.stakeholder == gone }) == true {
      meetings[m].removedNames[gone] = person.name
    }
  }

  /// Clears reports-to and influence links to ids no stakeholder has (any more).
  mutating func dropDanglingStakeholderLinks() {
    let ids = Set(stakeholders.map(\.id).filter { !$0.isEmpty })
    for i in stakeholders.indices {
      if let boss = stakeholders[i].reportsTo, !ids.contains(boss) || boss == stakeholders[i].id { stakeholders[i].reportsTo = nil }
      let kept = stakeholders[i].influences.filter { ids.contains($0) && $0 != stakeholders[i].id }
      if kept != stakeholders[i].influences { stakeholders[i].influences = kept }
    }
  }

  mutating func dropLinks(to id: String) {
    for i in stakeholders.indices {
      if stakeholders[i].reportsTo == id { stakeholders[i].reportsTo = nil }
      stakeholders[i].influences.removeAll { $0 == id }
    }
  }

  /// The stakeholder named (case-insensitive), or whose id this is.
  public func stakeholderIndex(nameOrID word: String) -> Int? {
    let w = word.trimmingWhitespace
    if let i = stakeholderIndex(named: w) { return i }
    return stakeholders.firstIndex { !$0.id.isEmpty && $0.id == w }
  }
}

extension StakeholderRole {
  /// A role typed as its id, its name in the playbook, or the start of that name
  /// ("financial", "Financial decision maker", "财务"…).
  public static func parse(_ typed: String, labels: Labels) -> StakeholderRole? {
    let w = typed.trimmingWhitespace.lowercased()
    guard !w.isEmpty else { return nil }
    if let r = StakeholderRole(rawValue: w) { return r }
    for r in allCases {
      let name = labels.role(r).lowercased()
      if name == w || (DisplayWidth.of(w) >= 2 && name.hasPrefix(w)) { return r }
    }
    return nil
  }
}
