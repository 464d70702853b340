import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

/// Every key a meeting and its debrief are written with is in the published schema.
@Suite struct MeetingSchemaTests {
  @Test func everyKeyOfAMeetingAndItsDebriefIsInThePublishedSchema() throws {
    let text = try String(contentsOfFile: RepositoryPaths.root() + "/schema/account-plan.schema.json", encoding: .utf8)
    let schema = try JSONParser.parse(text)
    var plan = ExportFixturePlans.typical(.en)
    plan.assignItemIDs()
    var m = Meeting(date: "2026-12-14", createdAt: "2026-11-23T09:00:00Z")
    m.time = "14:30"
    m.objective = "Agree the pilot scope"
    m.agenda = ["Recap"]
    m.attendees = [plan.stakeholders[0].id]
    m.ours = ["Me"]
    m.questions = [plan.questionPlan[0].id]
    m.objections = [plan.objections[0].id]
    m.materials = ["Deck"]
    m.answeredAt["objective"] = "2026-11-23T09:00:00Z"
    m.removedNames = ["s99": "Sean O'Brien"]
    var d = MeetingDebrief(recordedAt: "2026-12-14T18:00:00Z")
    d.outcome = .partly
    d.outcomeNote = "Late start"
    var learned = MeetingLearning(text: "Budget set in March")
    learned.stage = .needsConfirmation
    learned.prompt = "priorities"
    d.learned = [learned]
    d.asked = [AskedQuestion(question: plan.questionPlan[0].id, answer: "Yes")]
    d.newObjections = [plan.objections[0].id]
    var change = StakeholderChange(stakeholder: plan.stakeholders[0].id)
    change.attitudeBefore = .neutral
    change.attitude = .skeptic
    change.concernsBefore = "cost"
    change.concerns = "risk"
    d.changes = [change]
    d.agreed = [plan.actions[0].id]
    d.nextMeeting = "m2"
    m.debrief = d
    plan.meetings = [m]
    plan.actions[0].meeting = "m1"
    var missing: [String] = []
    FieldTableTests().keysAreInTheSchema(plan.json, schema, schema, "plan", &missing)
    #expect(missing == [], "written but not in the schema: \(missing)")
    #expect(plan.json["meetings"]?.array?.first?["debrief"]?["changes"] != nil)
    #expect(plan.json["meetings"]?.array?.first?["removedNames"]?["s99"] == .string("Sean O'Brien"))
  }
}
