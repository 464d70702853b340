import CoachTestSupport
import Testing

@testable import CoachCore

/// The meeting walks as pure state machines: lines in, effects out; a small driver plays the
/// session's part (carries out each edit on the plan, as the session does).
@Suite struct MeetingFlowTests {
  static let now = Timestamp(secondsSinceEpoch: 1_795_000_000)
  static let today = CalendarDay("2026-11-23")!

  /// A flow driven line by line, with the plan as the session keeps it.
  final class Driver {
    var plan: AccountPlan
    let flow: any Flow
    let book: Playbook
    let l: L10n
    var said: [String] = []
    var warned: [String] = []
    var edits: [String] = []
    var ended = false

    init(_ plan: AccountPlan, _ lang: Lang, _ make: (AccountPlan, Playbook, L10n) -> any Flow) {
      self.plan = plan
      l = L10n(lang)
      book = Fixtures.playbook(lang)
      flow = make(plan, book, l)
      take(flow.start(context))
    }

    var width = 100
    var context: FlowContext { FlowContext(plan: plan, book: book, l: l, width: width, today: MeetingFlowTests.today, now: MeetingFlowTests.now) }

    func take(_ effects: [FlowEffect]) {
      for e in effects {
        switch e {
        case .say(let t): said.append(t.plain)
        case .warn(let t): warned.append(t.plain)
        case .edit(let edit):
          edit.change(&plan, MeetingFlowTests.now.description)
          edits.append(edit.description)
        case .done: ended = true
        default: break
        }
      }
    }

    @discardableResult
    func type(_ lines: String...) -> Driver {
      for line in lines where !ended { take(flow.accept(line, context)) }
      return self
    }

    var output: String { said.joined(separator: "\n") }
  }

  static func plan() throws -> AccountPlan {
    try AccountPlan.parse(
      #"""
      {"schemaVersion": 2, "id": "acme", "name": "Acme", "createdAt": "2026-11-01T09:00:00Z", "updatedAt": "2026-11-23T09:00:00Z",
       "stakeholders": [{"id": "s1", "name": "Dana Smith", "role": "final", "influence": 5, "attitude": "neutral"},
                        {"id": "s2", "name": "Li Wei", "role": "technical", "influence": 3, "concerns": "uptime"}],
       "questionPlan": [{"id": "q1", "type": "open", "text": "How do you plan capacity today?"},
                        {"id": "q2", "type": "verification", "text": "So the budget is approved for Q1?"}],
       "objections": [{"id": "o1", "category": "price", "statement": "You are 20% above the others.", "status": "open",
                       "lscpa": {"listen": "Let me hear what you compared.", "process": "Show the three-year TCO."}}],
       "lastItemIDs": {"s": 2, "q": 2, "o": 1}}
      """#)
  }

  @Test func preparingANewMeetingRecordsEveryPartAndEchoesIt() throws {
    let d = Driver(try Self.plan(), .en) { plan, book, l in MeetingPrepFlow.flow(plan: plan, meetingID: nil, book: book, l: l) }
    #expect(d.output.contains("Prepare the next meeting"))
    d.type("2026-12-14")
    #expect(d.output.contains("= Mon 2026-12-14") || d.output.contains("2026-12-14"))
    d.type("2pm", "Agree the pilot scope and who signs it", "Recap", "Pilot scope", "")
    #expect(d.output.contains("= 14:00"))
    // Attendees by number and by name; the listing shows role and attitude.
    #expect(d.output.contains("1. Dana Smith"))
    d.type("dana smith, 2")
    #expect(d.output.contains("= Dana Smith, Li Wei"))
    d.type("Me", "Our CTO", "")
    // Questions grouped by type, then objections with their LSCPA lines.
    #expect(d.output.contains("Verification question\n    2. So the budget is approved for Q1?"))
    d.type("9")
    #expect(d.warned.last?.contains("not on the list") == true)
    d.type("2")
    #expect(d.output.contains("= 2. So the budget is approved for Q1?"))
    #expect(d.output.contains("Show the three-year TCO."))
    d.type("1", "TCO sheet", "")
    #expect(d.ended)
    let m = try #require(d.plan.meetings.first)
    #expect(m.id == "m1" && d.plan.lastItemIDs["m"] == 1)
    #expect(m.date == "2026-12-14" && m.time == "14:00")
    #expect(m.objective == "Agree the pilot scope and who signs it")
    #expect(m.agenda == ["Recap", "Pilot scope"] && m.ours == ["Me", "Our CTO"] && m.materials == ["TCO sheet"])
    #expect(m.attendees == ["s1", "s2"] && m.questions == ["q2"] && m.objections == ["o1"])
    // The summary names the finding for an influential attendee with no recorded concern.
    #expect(d.output.contains("Dana Smith has high influence"))
    // Written, it reads back the same.
    #expect(try AccountPlan.parse(d.plan.fileText) == d.plan)
  }

  @Test func tabCompletesPeoplesNamesAtTheAttendeesPrompt() throws {
    let d = Driver(try Self.plan(), .en) { plan, book, l in MeetingPrepFlow.flow(plan: plan, meetingID: nil, book: book, l: l) }
    #expect(d.flow.complete("da").candidates.isEmpty)  // the date prompt: no names
    d.type("2026-12-14", "", "Pilot", "")
    #expect(d.flow.complete("da") == (2, ["Dana Smith"]) || d.flow.complete("da").candidates == ["Dana Smith"])
    #expect(d.flow.complete("Dana Smith, L").candidates == ["Li Wei"])
    #expect(d.flow.complete("Dana Smith, L").replacing == 1)
  }

  @Test func aTimeThatIsNoTimeIsRefusedAndNothingIsRecordedBeforeTheDate() throws {
    let d = Driver(try Self.plan(), .en) { plan, book, l in MeetingPrepFlow.flow(plan: plan, meetingID: nil, book: book, l: l) }
    d.type("skip")
    #expect(d.warned.last?.contains("recorded by its date") == true)
    d.type("")
    #expect(d.warned.count == 2 && d.plan.meetings.isEmpty)
    d.type("tomorrow", "soonish")
    #expect(d.warned.last?.contains("not a time of day") == true)
    d.type("9:30", "done")
    #expect(d.plan.meetings.first?.date == "2026-11-24" && d.plan.meetings.first?.time == "09:30")
  }

  @Test func editingAMeetingKeepsWhatEnterKeeps() throws {
    var plan = try Self.plan()
    var m = Meeting(date: "2026-12-14", createdAt: "t")
    m.id = "m1"
    m.objective = "Old"
    m.attendees = ["s2"]
    plan.meetings = [m]
    let d = Driver(plan, .zh) { plan, book, l in MeetingPrepFlow.flow(plan: plan, meetingID: "m1", book: book, l: l) }
    d.type("", "下午2点半", "新目标", "", "", "", "", "", "")
    #expect(d.ended)
    let after = try #require(d.plan.meeting(id: "m1"))
    #expect(after.time == "14:30" && after.objective == "新目标" && after.attendees == ["s2"] && after.date == "2026-12-14")
  }

  static func debriefPlan() throws -> AccountPlan {
    var plan = try Self.plan()
    var m = Meeting(date: "2026-11-20", createdAt: "t")
    m.id = "m1"
    m.objective = "Meet the CFO"
    m.attendees = ["s1", "s2"]
    m.questions = ["q1", "q2"]
    m.objections = ["o1"]
    plan.meetings = [m]
    plan.lastItemIDs["m"] = 1
    return plan
  }

  @Test func aDebriefWritesEverythingBackIntoThePlan() throws {
    let d = Driver(try Self.debriefPlan(), .en) { plan, book, l in DebriefFlow.flow(meetingID: "m1", plan: plan, book: book, l: l) }
    #expect(d.output.contains("Debrief: meeting 1"))
    d.type("partly", "CFO came late", "Budget is set in March", "")
    // Filing the fact: the options are the discovery prompts.
    #expect(d.output.contains("Where does this belong in discovery?"))
    let target = try #require(Self.firstTextPrompt(d.book))
    let option = Self.discoveryOptions(d.book).firstIndex { $0 == target.fills }! + 1
    d.type(String(option))
    #expect(d.output.contains("now reads: Budget is set in March"))
    // Questions: one answered, one not asked.
    d.type("They plan it in spreadsheets", "")
    // A new objection: the category is suggested, Enter keeps it.
    d.type("We cannot start before April", "time", "Dana Smith", "")
    #expect(d.output.contains("Logged as objection #2"))
    // People: Dana turns skeptic; Li Wei unchanged.
    d.type("skeptic", "Risk of a failed pilot")
    #expect(d.output.contains("→ Dana Smith: Neutral → Skeptic; concerns: Risk of a failed pilot"))
    d.type("", "")
    // Agreed: one action, then Enter ends the list.
    d.type("Send the pilot plan", "Me", "2026-11-27", "")
    // The next meeting.
    d.type("2026-12-14", "Agree the pilot scope")
    #expect(d.ended)
    let plan = d.plan
    let debrief = try #require(plan.meeting(id: "m1")?.debrief)
    #expect(debrief.outcome == .partly && debrief.outcomeNote == "CFO came late")
    #expect(debrief.learned.first?.stage != nil && debrief.learned.first?.prompt != nil)
    let stage = try #require(debrief.learned.first?.stage)
    let promptID = try #require(debrief.learned.first?.prompt)
    #expect(plan.discovery[stage].answers[promptID].map { AnswerText.render($0, d.l) }?.contains("Budget is set in March") == true)
    #expect(plan.questionPlan[0].asked == true && plan.questionPlan[0].answer == "They plan it in spreadsheets")
    #expect(plan.questionPlan[1].asked == nil)
    #expect(debrief.asked.map(\.question) == ["q1"])
    #expect(plan.objections.count == 2 && plan.objections[1].id == "o2" && plan.objections[1].category == .time && plan.objections[1].raisedById == "s1")
    #expect(debrief.newObjections == ["o2"])
    #expect(plan.stakeholders[0].attitude == .skeptic && plan.stakeholders[0].concerns == "Risk of a failed pilot")
    #expect(debrief.changes.first?.attitudeBefore == .neutral && debrief.changes.first?.attitude == .skeptic)
    #expect(plan.actions.first?.meeting == "m1" && plan.actions.first?.due == "2026-11-27" && plan.actions.first?.owner == "Me")
    #expect(debrief.agreed == [plan.actions[0].id])
    let next = try #require(debrief.nextMeeting.flatMap { plan.meeting(id: $0) })
    #expect(next.id == "m2" && next.date == "2026-12-14" && next.objective == "Agree the pilot scope")
    // The summary shows the findings the debrief raised.
    #expect(d.output.contains("turned"))
    #expect(try AccountPlan.parse(plan.fileText) == plan)
    // Every change was its own edit (undoable one by one).
    #expect(d.edits.count >= 12)
  }

  @Test func aDebriefInChineseCanBeLeftWithEverythingSaved() throws {
    let d = Driver(try Self.debriefPlan(), .zh) { plan, book, l in DebriefFlow.flow(meetingID: "m1", plan: plan, book: book, l: l) }
    #expect(d.output.contains("会谈复盘"))
    d.type("1", "", "", "客户说得很清楚", "done")
    #expect(d.ended)
    let debrief = try #require(d.plan.meeting(id: "m1")?.debrief)
    #expect(debrief.outcome == .met)
    #expect(d.plan.questionPlan[0].answer == "客户说得很清楚")
  }

  @Test func drillsFromThePlanNarrowToTheMeeting() throws {
    var plan = try Self.debriefPlan()
    var o2 = Objection(statement: "Not before April", category: .time, createdAt: "t")
    o2.id = "o2"
    plan.objections.append(o2)
    plan.meetings[0].date = "2026-11-30"
    plan.meetings[0].debrief = nil
    plan.meetings[0].attendees = ["s2"]
    let book = Fixtures.playbook(.en)
    let l = L10n(.en)
    let next = try #require(DrillScenarios.meeting("next", in: plan, today: Self.today))
    #expect(DrillScenarios.meeting("1", in: plan, today: Self.today)?.id == "m1")
    #expect(DrillScenarios.meeting("2", in: plan, today: Self.today) == nil)
    let objections = DrillScenarios.forMeeting(DrillScenarios.fromPlan(.objection, plan: plan, book: book, l: l), kind: .objection, plan: plan, meeting: next)
    #expect(objections.map(\.id) == ["plan-objection-1"])
    let questions = DrillScenarios.forMeeting(DrillScenarios.fromPlan(.questions, plan: plan, book: book, l: l), kind: .questions, plan: plan, meeting: next)
    #expect(!questions.isEmpty && questions.allSatisfy { $0.speaker == "Li Wei" })
  }

  static func discoveryOptions(_ book: Playbook) -> [String] {
    DiscoveryStage.allCases.flatMap { s in
      (book.walks[s.rawValue]?.prompts ?? []).filter { ($0.kind == .text || $0.kind == .list) && PlanPatch.discoveryAnswer($0.fills) != nil }.map(\.fills)
    }
  }

  static func firstTextPrompt(_ book: Playbook) -> Prompt? {
    DiscoveryStage.allCases.lazy.compactMap { s in book.walks[s.rawValue]?.prompts.first { $0.kind == .text && PlanPatch.discoveryAnswer($0.fills) != nil } }.first
  }
}
