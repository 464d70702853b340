import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

/// The plan's JSON writer and reader still name each field by hand beside the field table; this
/// holds them to it: a plan with every field of the table filled is written, read back through
/// the plan reader, and every field reads as it was written, under the key the table names; and
/// every key the writer emits for that plan is in the published schema.
@Suite struct PlanFieldJSONTests {
  let table = FieldTableTests()

  /// A plan with one item of each list, every field of the table filled with a sample value.
  func filledPlan() -> (AccountPlan, [(PlanFields.Field, AnswerValue)]) {
    var plan = AccountPlan(id: "x", name: "X", createdAt: Timestamp(secondsSinceEpoch: 0))
    plan.stakeholders = ["Ann", "Bo", "Cy"].map { Stakeholder(name: $0) }
    plan.objections = [Objection(statement: "Too dear", category: nil, createdAt: "t")]
    plan.negotiation.objectives = [Objective(term: .price)]
    plan.negotiation.interests = [Interest(stakeholder: "Ann")]
    plan.negotiation.concessions = [Concession(order: 1)]
    plan.negotiation.team = [TeamMember(name: "Li")]
    plan.actions = [Action(text: "Call", createdAt: "t")]
    plan.deal.competitors = [Competitor(name: "Rival")]
    plan.assignItemIDs()
    var written: [(PlanFields.Field, AnswerValue)] = []
    for field in PlanFields.all {
      var value = table.sample(field.expect, Prompt(id: "p", kind: .text, fills: field.path, text: ""))
      // The relationship links hold the ids of other people on the list.
      if field.path == "stakeholder.reportsTo" { value = .text(plan.stakeholders[1].id) }
      if field.path == "stakeholder.influences" { value = .list([plan.stakeholders[1].id, plan.stakeholders[2].id]) }
      apply(value, field, &plan)
      written.append((field, value))
    }
    plan.assignItemIDs()
    return (plan, written)
  }

  /// The field's own name inside its place (`title` for `stakeholder.title`).
  func key(_ field: PlanFields.Field) -> String {
    field.place == .plan ? field.path : String(field.path.drop { $0 != "." }.dropFirst())
  }

  func apply(_ value: AnswerValue, _ field: PlanFields.Field, _ plan: inout AccountPlan) {
    let k = key(field)
    let t = "2026-11-23T09:00:00Z"
    switch field.place {
    case .plan: PlanPatch.apply(value, to: field.path, in: &plan, at: t)
    case .stakeholder: plan.stakeholders[0].apply(k, value, at: t)
    case .objection: plan.objections[0].apply(k, value, at: t)
    case .objective: plan.negotiation.objectives[0].apply(k, value, at: t)
    case .batna: plan.negotiation.batna.apply(k, value, at: t)
    case .interest: plan.negotiation.interests[0].apply(k, value, at: t)
    case .concession: plan.negotiation.concessions[0].apply(k, value, at: t)
    case .team: plan.negotiation.team[0].apply(k, value, at: t)
    case .action: plan.actions[0].apply(k, value, at: t)
    case .competitor: plan.deal.competitors[0].apply(k, value, at: t)
    }
  }

  func read(_ field: PlanFields.Field, _ plan: AccountPlan) -> AnswerValue? {
    let k = key(field)
    switch field.place {
    case .plan: return PlanPatch.read(field.path, from: plan)
    case .stakeholder: return plan.stakeholders.first?.read(k)
    case .objection: return plan.objections.first?.read(k)
    case .objective: return plan.negotiation.objectives.first?.read(k)
    case .batna: return plan.negotiation.batna.read(k)
    case .interest: return plan.negotiation.interests.first?.read(k)
    case .concession: return plan.negotiation.concessions.first?.read(k)
    case .team: return plan.negotiation.team.first?.read(k)
    case .action: return plan.actions.first?.read(k)
    case .competitor: return plan.deal.competitors.first?.read(k)
    }
  }

  /// The JSON object a field's place is written as.
  func placeJSON(_ field: PlanFields.Field, _ json: JSONValue) -> JSONValue? {
    switch field.place {
    case .plan: return json
    case .stakeholder: return json["stakeholders"]?.array?.first
    case .objection: return json["objections"]?.array?.first
    case .objective: return json["negotiation"]?["objectives"]?.array?.first
    case .batna: return json["negotiation"]?["batna"]
    case .interest: return json["negotiation"]?["interests"]?.array?.first
    case .concession: return json["negotiation"]?["concessions"]?.array?.first
    case .team: return json["negotiation"]?["team"]?.array?.first
    case .action: return json["actions"]?.array?.first
    case .competitor: return json["deal"]?["competitors"]?.array?.first
    }
  }

  @Test func everyFieldOfTheTableSurvivesTheJSONWriterAndReader() throws {
    let (plan, written) = filledPlan()
    #expect(written.count == PlanFields.all.count)
    let json = plan.json
    let reread = try AccountPlan(json: try JSONParser.parse(JSONWriter.pretty(json)))
    for (field, value) in written {
      // The plan as written is the reference: a field may keep less than the sample (the further
      // roles leave out the main one), but it keeps something.
      let expected = read(field, plan)
      #expect(expected != nil, "\(field.path): wrote \(value), the plan holds nothing")
      #expect(read(field, reread) == expected, "\(field.path): read back from JSON as \(String(describing: read(field, reread)))")
      // Written under the key the table names (the value assessment is keyed by value, then criterion).
      if !field.path.hasPrefix("valueAssessment.") {
        var node = placeJSON(field, json)
        for part in key(field).split(separator: ".") { node = node?[String(part)] }
        #expect(node != nil, "\(field.path) is written as \(key(field))")
      }
    }
    #expect(reread == plan)
  }

  @Test func everyKeyWrittenForAFullyFilledPlanIsInThePublishedSchema() throws {
    let text = try String(contentsOfFile: RepositoryPaths.root() + "/schema/account-plan.schema.json", encoding: .utf8)
    let schema = try JSONParser.parse(text)
    let (plan, _) = filledPlan()
    var missing: [String] = []
    table.keysAreInTheSchema(plan.json, schema, schema, "plan", &missing)
    #expect(missing == [], "written but not in the schema: \(missing)")
  }
}
