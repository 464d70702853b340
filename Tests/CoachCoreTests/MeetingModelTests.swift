import CoachCore
import Testing

/// The plan's `meetings` timeline: read, written back unchanged, ids, order, located errors.
@Suite struct MeetingModelTests {
  let text = #"""
    {"schemaVersion": 2, "id": "acme", "name": "Acme", "createdAt": "2026-11-23T09:00:00Z", "updatedAt": "2026-11-23T09:00:00Z",
     "stakeholders": [{"id": "s1", "name": "Dana"}], "questionPlan": [{"id": "q1", "type": "verification", "text": "So budget is set?"}],
     "objections": [{"id": "o1", "category": "price", "statement": "Too dear", "status": "open"}],
     "actions": [{"id": "a1", "text": "Send the pilot plan", "done": false, "meeting": "m1"}],
     "meetings": [
       {"id": "m2", "date": "2026-12-14", "time": "14:30", "objective": "Agree the pilot scope"},
       {"id": "m1", "date": "2026-11-20", "objective": "Meet the CFO", "agenda": ["intro", "pains"], "attendees": ["s1"],
        "ours": ["Me"], "questions": ["q1"], "objections": ["o1"], "materials": ["deck"], "future": true,
        "debrief": {"outcome": "partly", "outcomeNote": "CFO came late", "learned": [{"text": "Budget set in March", "stage": "in-depth-interview", "prompt": "budget"}],
                    "asked": [{"question": "q1", "answer": "Yes, 2M"}], "newObjections": ["o1"],
                    "changes": [{"stakeholder": "s1", "attitudeBefore": "neutral", "attitude": "skeptic"}],
                    "agreed": ["a1"], "nextMeeting": "m2", "recordedAt": "2026-11-20T18:00:00Z"}}]}
    """#

  @Test func aTimelineIsReadAndWrittenBackUnchanged() throws {
    let plan = try AccountPlan.parse(text)
    #expect(plan.meetings.map(\.id) == ["m2", "m1"])
    #expect(plan.timeline.map(\.id) == ["m1", "m2"])
    let m1 = try #require(plan.meeting(id: "m1"))
    #expect(m1.attendees == ["s1"] && m1.questions == ["q1"] && m1.objections == ["o1"])
    #expect(m1.debrief?.outcome == .partly)
    #expect(m1.debrief?.learned.first?.stage == .inDepthInterview)
    #expect(m1.debrief?.changes.first?.attitude == .skeptic)
    #expect(m1.extra["future"] == .bool(true))
    #expect(plan.actions[0].meeting == "m1")
    #expect(try AccountPlan.parse(plan.fileText) == plan)
    let today = CalendarDay("2026-11-23")!
    #expect(plan.nextMeeting(today: today)?.id == "m2")
    #expect(plan.meetingToDebrief(today: today) == nil)
    #expect(plan.meetingToDebrief(today: CalendarDay("2026-12-14")!)?.id == "m2")
  }

  @Test func anOldPlanHasNoMeetingsAndWritesNone() throws {
    let plan = AccountPlan(id: "x", name: "X", createdAt: Timestamp(secondsSinceEpoch: 0))
    #expect(plan.meetings.isEmpty)
    #expect(!plan.fileText.contains("meetings"))
  }

  @Test func aMeetingAddedInMemoryGetsTheNextMeetingId() throws {
    var plan = try AccountPlan.parse(text)
    plan.meetings.append(Meeting(date: "2027-01-10", createdAt: "2026-11-23T09:00:00Z"))
    let written = try AccountPlan.parse(plan.fileText)
    #expect(written.meetings.last?.id == "m3")
    #expect(plan.takeItemID(ItemIDPrefix.meeting, existing: plan.meetings.map(\.id)) == "m3")
    #expect(plan.lastItemIDs["m"] == 3)
  }

  @Test func aBadDateOrTimeIsReportedAtItsPlace() throws {
    let badDate = text.replacingAll(#""date": "2026-12-14""#, with: #""date": "14/12""#)
    #expect(throws: PlanReadError.self) { try AccountPlan.parse(badDate) }
    do {
      _ = try AccountPlan.parse(text.replacingAll(#""time": "14:30""#, with: #""time": "2pm""#))
      Issue.record("a time that is not HH:MM was read")
    } catch {
      guard case .format(let e) = error else { Issue.record("not a format error: \(error)"); return }
      #expect(e.path == "meetings[0].time")
    }
    let twice = text.replacingAll(#""id": "m2""#, with: #""id": "m1""#)
    #expect(throws: PlanReadError.self) { try AccountPlan.parse(twice) }
  }

  @Test(arguments: [
    ("14:30", "14:30"), ("9:05", "09:05"), ("2pm", "14:00"), ("2:30 pm", "14:30"), ("12am", "00:00"), ("14点", "14:00"),
    ("下午2点半", "14:30"), ("上午9点", "09:00"), ("１０：１５", "10:15"),
  ])
  func timesAreReadAsHHMM(typed: String, stored: String) {
    #expect(MeetingTime.read(typed) == stored)
  }

  @Test(arguments: ["25:00", "14:5", "soon", "13pm", "", "pm"])
  func whatIsNoTimeIsRefused(typed: String) {
    #expect(MeetingTime.read(typed) == nil)
  }
}
