import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

/// The one table of plan fields: every `fills:` path of the shipped playbooks (en and zh) is
/// written and read back through PlanPatch and the item tables, lands under the JSON key the
/// table names, and the published schema has every field of the table at its place.
@Suite struct FieldTableTests {
  func sample(_ expect: PlanFields.Expect?, _ prompt: Prompt) -> AnswerValue {
    // A stakeholder's further roles hold role ids only (the walk turns names typed into ids).
    if prompt.fills == "stakeholder.roles" { return .list(["financial", "final"]) }
    switch expect {
    case .text?, nil: return .text("sample")
    case .list?: return .list(["one", "two"])
    case .scale?: return .scale(4)
    case .amount?, .amountOrText?: return .amount(1200, currency: nil)
    case .date?: return .date("2026-12-01")
    case .choice(let ids)?: return .choice(prompt.options.first?.id ?? ids[0])
    }
  }

  /// Writes `value` where `fills` names, in a plan with one item of each list, and reads it back.
  func roundTrip(_ fills: String, _ value: AnswerValue) -> (read: AnswerValue?, json: JSONValue) {
    var plan = AccountPlan(id: "x", name: "X", createdAt: Timestamp(secondsSinceEpoch: 0))
    plan.stakeholders = [Stakeholder(name: "Ann")]
    plan.objections = [Objection(statement: "Too dear", category: nil, createdAt: "t")]
    plan.negotiation.objectives = [Objective(term: .price)]
    plan.negotiation.interests = [Interest(stakeholder: "Ann")]
    plan.negotiation.concessions = [Concession(order: 1)]
    plan.negotiation.team = [TeamMember(name: "Li")]
    plan.actions = [Action(text: "Call", createdAt: "t")]
    plan.deal.competitors = [Competitor(name: "Rival")]
    let field = String(fills.drop { $0 != "." }.dropFirst())
    let t = "2026-11-23T09:00:00Z"
    switch PlanFields.place(of: fills) {
    case .plan?:
      PlanPatch.apply(value, to: fills, in: &plan, at: t)
      return (PlanPatch.read(fills, from: plan), plan.json)
    case .stakeholder?:
      plan.stakeholders[0].apply(field, value, at: t)
      return (plan.stakeholders[0].read(field), plan.stakeholders[0].json)
    case .objection?:
      plan.objections[0].apply(field, value, at: t)
      return (plan.objections[0].read(field), plan.objections[0].json)
    case .objective?:
      plan.negotiation.objectives[0].apply(field, value, at: t)
      return (plan.negotiation.objectives[0].read(field), plan.negotiation.objectives[0].json)
    case .batna?:
      plan.negotiation.batna.apply(field, value, at: t)
      return (plan.negotiation.batna.read(field), plan.negotiation.batna.json)
    case .interest?:
      plan.negotiation.interests[0].apply(field, value, at: t)
      return (plan.negotiation.interests[0].read(field), plan.negotiation.interests[0].json)
    case .concession?:
      plan.negotiation.concessions[0].apply(field, value, at: t)
      return (plan.negotiation.concessions[0].read(field), plan.negotiation.concessions[0].json)
    case .team?:
      plan.negotiation.team[0].apply(field, value, at: t)
      return (plan.negotiation.team[0].read(field), plan.negotiation.team[0].json)
    case .action?:
      plan.actions[0].apply(field, value, at: t)
      return (plan.actions[0].read(field), plan.actions[0].json)
    case .competitor?:
      plan.deal.competitors[0].apply(field, value, at: t)
      return (plan.deal.competitors[0].read(field), plan.deal.competitors[0].json)
    case nil:
      return (nil, .null)
    }
  }

  /// The JSON value at a dotted path (`ours.description`, `account.portrait.budget`).
  func at(_ json: JSONValue, _ path: String) -> JSONValue? {
    var node: JSONValue? = json
    for key in path.split(separator: ".") { node = node?[String(key)] }
    return node
  }

  @Test(arguments: Lang.allCases)
  func everyFillsPathOfTheShippedPlaybooksRoundTrips(_ lang: Lang) throws {
    let book = try #require(PlaybookLoader.load(directories: [RepositoryPaths.playbooks], lang: lang).playbook)
    var prompts: [(walk: String, prompt: Prompt)] = []
    // The management walks are stored by ManagementFlows, prompt by prompt, not through the
    // field table (ManagementPlaybookTests checks them against ManagementWalks).
    for (id, walk) in book.walks where ManagementWalks.slots(id) == nil { prompts += walk.prompts.map { (id, $0) } }
    for part in book.negotiationParts { prompts += part.prompts.map { ("negotiation." + part.id, $0) } }
    #expect(prompts.count > 60, "every walk and negotiation part was found (\(prompts.count) prompts)")
    for (walk, p) in prompts {
      #expect(PlanFields.accepts(walk, p.fills), "\(walk): \(p.fills) would be dropped")
      let expect = try #require(PlanFields.expectation(for: p.fills), "\(p.fills) is in the table")
      let value = sample(expect, p)
      let (read, json) = roundTrip(p.fills, value)
      #expect(read == value, "\(walk): \(p.fills) wrote \(value), read \(String(describing: read))")
      // The answer is in the JSON under the key the table names.
      let key = PlanFields.place(of: p.fills) == .plan ? p.fills : String(p.fills.drop { $0 != "." }.dropFirst())
      if !p.fills.hasPrefix("valueAssessment."), !p.fills.hasPrefix("discovery.") {
        #expect(at(json, key) != nil, "\(p.fills) is written as \(key)")
      }
    }
  }

  @Test func everyFieldOfTheTableRoundTripsAndIsWrittenUnderItsName() {
    for field in PlanFields.all {
      let value = sample(field.expect, Prompt(id: "p", kind: .text, fills: field.path, text: ""))
      let (read, json) = roundTrip(field.path, value)
      #expect(read == value, "\(field.path)")
      let key = field.place == .plan ? field.path : String(field.path.drop { $0 != "." }.dropFirst())
      if !field.path.hasPrefix("valueAssessment.") { #expect(at(json, key) != nil, "\(field.path) is written as \(key)") }
    }
  }

  @Test func completenessCountsTheFieldsTheTableCounts() {
    #expect(
      AccountPlan.fields.filter { $0.counted && $0.name.hasPrefix("account.") }.map(\.name)
        == ["account.tier", "account.industry", "account.cooperationStage", "account.decisionMode"] + PortraitArea.allCases.map { "account.portrait.\($0.rawValue)" })
    #expect(Stakeholder.fields.filter(\.counted).map(\.name) == ["title", "role", "influence", "attitude", "concerns"])
    var plan = AccountPlan(id: "x", name: "X", createdAt: Timestamp(secondsSinceEpoch: 0))
    var s = Stakeholder(name: "Ann")
    s.role = .final
    s.notes = "not counted"
    plan.stakeholders = [s]
    plan.account.tier = .a
    plan.account.notes = "not counted"
    let sections = PlanHealth.completeness(plan, book: nil)
    #expect(sections[.stakeholders] == 1.0 / 5 && sections[.account] == 1.0 / 9)
  }

  /// Checks every key of `json` has a place in the schema node (following `$ref`s).
  func keysAreInTheSchema(_ json: JSONValue, _ node: JSONValue?, _ schema: JSONValue, _ path: String, _ missing: inout [String]) {
    guard var node else { return }
    if case .string(let ref)? = node["$ref"], ref.hasPrefix("#/$defs/"), let target = schema["$defs"]?[String(ref.dropFirst(8))] { node = target }
    switch json {
    case .object(let object):
      for (key, value) in object {
        if let property = node["properties"]?[key] {
          keysAreInTheSchema(value, property, schema, path + "." + key, &missing)
        } else if case .object? = node["additionalProperties"] {
          keysAreInTheSchema(value, node["additionalProperties"], schema, path + "." + key, &missing)
        } else if node["oneOf"] == nil {
          missing.append(path + "." + key)
        }
      }
    case .array(let items):
      for item in items { keysAreInTheSchema(item, node["items"], schema, path + "[]", &missing) }
    default:
      break
    }
  }

  @Test(arguments: Lang.allCases)
  func everyKeyTheModelWritesIsInThePublishedSchema(_ lang: Lang) throws {
    let text = try String(contentsOfFile: RepositoryPaths.root() + "/schema/account-plan.schema.json", encoding: .utf8)
    let schema = try JSONParser.parse(text)
    var plan = ExportFixturePlans.typical(lang)
    plan.negotiation.interests.append(Interest(stakeholder: plan.stakeholders[0].name))
    plan.objections[0].raisedBy = plan.stakeholders[0].name
    plan.assignItemIDs()
    #expect(plan.objections[0].raisedById != nil && plan.negotiation.interests.last?.stakeholderId != nil)
    var missing: [String] = []
    keysAreInTheSchema(plan.json, schema, schema, "plan", &missing)
    #expect(missing == [], "written but not in the schema: \(missing)")
    // The check finds a key the schema lacks, even inside an item.
    var probe: [String] = []
    keysAreInTheSchema(.object(["madeUp": .number(1), "stakeholders": .array([.object(["nickname": .string("x")])])]), schema, schema, "plan", &probe)
    #expect(probe.sorted() == ["plan.madeUp", "plan.stakeholders[].nickname"])
  }

  /// The schema node of a field: where its place lives in the plan, then its own path.
  func schemaNode(_ schema: JSONValue, _ field: PlanFields.Field) -> JSONValue? {
    let base: [String]
    switch field.place {
    case .plan: base = []
    case .stakeholder: base = ["stakeholders", "[]"]
    case .objection: base = ["objections", "[]"]
    case .objective: base = ["negotiation", "objectives", "[]"]
    case .batna: base = ["negotiation", "batna"]
    case .interest: base = ["negotiation", "interests", "[]"]
    case .concession: base = ["negotiation", "concessions", "[]"]
    case .team: base = ["negotiation", "team", "[]"]
    case .action: base = ["actions", "[]"]
    case .competitor: base = ["deal", "competitors", "[]"]
    }
    let own = field.place == .plan ? field.path : String(field.path.drop { $0 != "." }.dropFirst())
    var node: JSONValue? = schema
    for step in base + own.split(separator: ".").map(String.init) {
      node = step == "[]" ? node?["items"] : node?["properties"]?[step]
    }
    return node
  }

  @Test func thePublishedSchemaHasEveryFieldOfTheTable() throws {
    let text = try String(contentsOfFile: RepositoryPaths.root() + "/schema/account-plan.schema.json", encoding: .utf8)
    let schema = try JSONParser.parse(text)
    #expect(schema["properties"]?["schemaVersion"]?["const"]?.int == AccountPlan.currentSchemaVersion)
    for field in PlanFields.all {
      let node = try #require(schemaNode(schema, field), "the schema has \(field.path)")
      if case .choice(let ids) = field.expect, !PlanFields.extensibleChoices.contains(field.path) {
        #expect(node["enum"] == .array(ids.map { .string($0) }), "\(field.path): the schema's values are the table's")
      }
    }
    // Every list item requires its id.
    for list in [
      ["stakeholders"], ["objections"], ["actions"], ["questionPlan"], ["negotiation", "concessions"],
      ["negotiation", "interests"], ["negotiation", "team"],
    ] {
      var node: JSONValue? = schema
      for key in list { node = node?["properties"]?[key] }
      guard case .array(let required)? = node?["items"]?["required"] else {
        Issue.record("\(list) has no required keys")
        continue
      }
      #expect(required.contains(.string("id")), "\(list) items require an id")
    }
  }
}
