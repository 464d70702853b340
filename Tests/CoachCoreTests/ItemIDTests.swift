import CoachCore
import Testing

/// Plan format 2: stable item ids, links to stakeholders, and the migration of version-1 plans.
@Suite struct ItemIDTests {
  let v1 = #"""
    {"schemaVersion": 1, "id": "acme", "name": "Acme", "createdAt": "2026-11-23T09:00:00Z", "updatedAt": "2026-11-23T09:00:00Z",
     "stakeholders": [{"name": "Dana", "role": "financial"}, {"name": "Li Wei"}],
     "objections": [{"statement": "Too dear", "raisedBy": "dana", "status": "open"}, {"statement": "Not now", "raisedBy": "the board", "status": "open"}],
     "questionPlan": [{"type": "open", "text": "What matters?"}],
     "negotiation": {"interests": [{"stakeholder": "Li Wei", "interest": "uptime"}], "concessions": [{"order": 1, "give": "terms"}],
                     "team": [{"name": "Me", "role": "lead"}]},
     "actions": [{"text": "Call", "done": false}, {"text": "Write", "done": true}],
     "future": {"big": 12345678901234567890, "tiny": 1e-7}}
    """#

  @Test func aVersion1PlanIsReadAsVersion2WithIdsAndLinks() throws {
    let plan = try AccountPlan.parse(v1)
    #expect(plan.schemaVersion == 2)
    #expect(plan.stakeholders.map(\.id) == ["s1", "s2"])
    #expect(plan.objections.map(\.id) == ["o1", "o2"])
    #expect(plan.questionPlan.map(\.id) == ["q1"])
    #expect(plan.actions.map(\.id) == ["a1", "a2"])
    #expect(plan.negotiation.interests.map(\.id) == ["i1"])
    #expect(plan.negotiation.concessions.map(\.id) == ["c1"])
    #expect(plan.negotiation.team.map(\.id) == ["t1"])
    #expect(plan.lastItemIDs == ["s": 2, "o": 2, "q": 1, "a": 2, "i": 1, "c": 1, "t": 1])
    // A name that is a stakeholder links to it, in the rep's own spelling; one that is not stays text.
    #expect(plan.objections[0].raisedBy == "dana" && plan.objections[0].raisedById == "s1")
    #expect(plan.objections[1].raisedBy == "the board" && plan.objections[1].raisedById == nil)
    #expect(plan.negotiation.interests[0].stakeholderId == "s2")
    // Unknown keys are kept, their numbers written back exactly.
    #expect(plan.fileText.contains("12345678901234567890") && plan.fileText.contains("1e-7"))
    // Written and read again, nothing changes.
    #expect(try AccountPlan.parse(plan.fileText) == plan)
  }

  @Test func negotiationObjectivesHaveIdsOfTheirOwn() throws {
    let text = #"""
      {"schemaVersion": 2, "id": "acme", "name": "Acme", "createdAt": "2026-11-23T09:00:00Z", "updatedAt": "2026-11-23T09:00:00Z",
       "negotiation": {"objectives": [{"term": "price", "best": 100}, {"term": "delivery-time"}]}}
      """#
    var plan = try AccountPlan.parse(text)
    #expect(plan.negotiation.objectives.map(\.id) == ["g1", "g2"])
    plan.negotiation.objectives.remove(at: 0)
    plan.negotiation.objectives.append(Objective(term: .paymentTerms))
    plan.assignItemIDs()
    #expect(plan.negotiation.objectives.map(\.id) == ["g2", "g3"])
    #expect(try AccountPlan.parse(plan.fileText) == plan)
  }

  @Test func everyListHasItsOwnIdPrefix() {
    // Two lists sharing a prefix would hand out the same id twice, and the plan would be refused.
    #expect(Set(ItemIDPrefix.all).count == ItemIDPrefix.all.count)
    for a in ItemIDPrefix.all {
      for b in ItemIDPrefix.all where a != b { #expect(!(b.hasPrefix(a) && b.dropFirst(a.count).allSatisfy(\.isNumber)), "\(a) and \(b)") }
    }
  }

  @Test func aRemovedItemsIdIsNeverHandedOutAgain() throws {
    var plan = try AccountPlan.parse(v1)
    plan.actions.removeLast()
    plan.actions.append(Action(text: "Visit", createdAt: "t"))
    plan.assignItemIDs()
    #expect(plan.actions.map(\.id) == ["a1", "a3"])
    // Even when the counter was lost: ids in use are never given twice.
    plan.lastItemIDs = [:]
    plan.actions.append(Action(text: "Again", createdAt: "t"))
    plan.assignItemIDs()
    #expect(plan.actions.map(\.id) == ["a1", "a3", "a4"])
  }

  @Test func itemsAddedInMemoryAreWrittenWithTheIdsTheyWillKeep() throws {
    var plan = AccountPlan(id: "x", name: "X", createdAt: Timestamp(secondsSinceEpoch: 0))
    plan.stakeholders.append(Stakeholder(name: "Ann"))
    let written = try AccountPlan.parse(plan.fileText)
    plan.assignItemIDs()
    #expect(written == plan)
    #expect(plan.stakeholders[0].id == "s1")
  }

  @Test func linksFollowARenameAndATypedNameChange() throws {
    var plan = try AccountPlan.parse(v1)
    plan.stakeholders[0].name = "Dana Ross"
    plan.assignItemIDs()
    #expect(plan.objections[0].raisedBy == "Dana Ross" && plan.objections[0].raisedById == "s1")
    // The rep types another name: the link goes with the name.
    plan.objections[0].raisedBy = "Li Wei"
    #expect(plan.objections[0].raisedById == nil)
    plan.assignItemIDs()
    #expect(plan.objections[0].raisedById == "s2")
    // The stakeholder is removed: the name stays, the link goes.
    plan.stakeholders.remove(at: 1)
    plan.assignItemIDs()
    #expect(plan.objections[0].raisedBy == "Li Wei" && plan.objections[0].raisedById == nil)
    #expect(plan.negotiation.interests[0].stakeholder == "Li Wei" && plan.negotiation.interests[0].stakeholderId == nil)
  }

  @Test func duplicateOrMalformedIdsAreRefusedWithTheirPlace() {
    let twice = #"{"schemaVersion": 2, "id": "x", "stakeholders": [{"id": "s1", "name": "A"}], "actions": [{"id": "s1", "text": "B", "done": false}]}"#
    #expect(
      throws: PlanReadError.format(
        PlanFormatError(
          path: "actions[0].id", "the id \"s1\" is already the id of stakeholders[0]; every item's id is unique in the plan",
          "id \"s1\" 已用于 stakeholders[0]；计划中每一项的 id 都必须唯一"))
    ) {
      try AccountPlan.parse(twice)
    }
    let spaced = #"{"schemaVersion": 2, "id": "x", "stakeholders": [{"id": "s 1", "name": "A"}]}"#
    do {
      _ = try AccountPlan.parse(spaced)
      Issue.record("accepted")
    } catch {
      guard case .format(let e) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(e.path == "stakeholders[0].id")
    }
  }

  @Test func aVersion2ItemWithoutAnIdGetsOne() throws {
    let plan = try AccountPlan.parse(#"{"schemaVersion": 2, "id": "x", "stakeholders": [{"id": "s4", "name": "A"}, {"name": "B"}], "lastItemIDs": {"s": 4}}"#)
    #expect(plan.stakeholders.map(\.id) == ["s4", "s5"])
  }
}

@Suite struct PickTests {
  let options = ["a", "b", "c"].map { ChoiceOption(id: $0, label: $0.uppercased()) }

  @Test(arguments: ["1 3", "1,3", "1，3", "1、3", "１、３", " 1  3 ", "1 3 1"])
  func everySeparatorPicksTheSame(_ text: String) {
    #expect(AnswerParsing.choices(text, options: options)?.map(\.id) == ["a", "c"])
  }

  @Test func aPartThatIsNoOptionRefusesTheLine() {
    #expect(AnswerParsing.choices("1 9", options: options) == nil)
    #expect(AnswerParsing.choices("", options: options) == nil)
    #expect(AnswerParsing.numbers("2、4") == [2, 4])
    #expect(AnswerParsing.numbers("2 and 4") == nil)
  }
}
