import CoachCore
import Testing

/// Keys this version does not know are kept, at every level, and only those: `JSONFields`
/// tells them from the keys it read by their place in the object (see `JSONFields.found`).
@Suite struct UnknownKeysKeptTests {
  let text = #"""
    {"schemaVersion": 2, "id": "acme", "name": "Acme", "createdAt": "2026-11-23T09:00:00Z", "updatedAt": null,
     "future": {"x": [1, 2.50, "y"]}, "zz": null,
     "account": {"tier": "A", "later": "kept", "notes": null},
     "valueAssessment": {"current": {"annualPurchases": 4, "newCriterion": 5}},
     "stakeholders": [{"id": "s1", "name": "Dana", "title": "CFO", "mood": "good"}, {"id": "s2", "name": "Li"}]}
    """#

  @Test func unknownKeysSurviveAndKnownOnesAreNotDoubled() throws {
    let plan = try AccountPlan.parse(text)
    #expect(plan.extra == ["future": ["x": [1, .numberText("2.50"), "y"]], "zz": nil])
    #expect(plan.account.extra == ["later": "kept"])
    #expect(plan.valueAssessment.scores[.current]?.extra == ["newCriterion": 5])
    #expect(plan.valueAssessment.score(.current, "annualPurchases") == 4)
    #expect(plan.stakeholders.map(\.extra) == [["mood": "good"], [:]])
    // Written back, read again: the same plan, the unknown keys still there once.
    let again = try AccountPlan.parse(plan.fileText)
    #expect(again == plan)
    let json = try JSONParser.parse(plan.fileText)
    #expect(json["future"] == ["x": [1, .numberText("2.50"), "y"]])
    #expect(json["account"]?["later"] == "kept")
    #expect(json["stakeholders"]?.array?.first?["mood"] == "good")
  }
}
