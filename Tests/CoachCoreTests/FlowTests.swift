import CoachTestSupport
import Testing

@testable import CoachCore

/// The flows as pure state machines: lines in, effects out, no workspace, no session. A tiny
/// interpreter here plays the session's part (applies edits to a plan) where a test needs it.
@Suite struct FlowTests {
  static let l = L10n(.en)
  static let now = Timestamp(secondsSinceEpoch: 1_795_000_000)

  static func context(_ plan: AccountPlan?, book: Playbook? = nil) -> FlowContext {
    FlowContext(plan: plan, book: book, l: l, width: 80, today: CalendarDay(daysSinceEpoch: 20_775), now: now, currency: "CNY")
  }

  static func plan() -> AccountPlan { AccountPlan(id: "acme", name: "Acme", createdAt: now) }

  /// One effect as a line of text, for reading a run of effects at a glance.
  static func describe(_ effect: FlowEffect) -> String {
    switch effect {
    case .say(let t): return "say " + t.plain
    case .warn(let t): return "warn " + t.plain
    case .edit(let e): return "edit " + e.description
    case .confirm(let saved, let notSaved): return "confirm " + (saved?.plain ?? "") + " | " + (notSaved?.plain ?? "")
    case .undo: return "undo"
    case .saveTranscript(let t): return "saveTranscript " + t.id
    case .confirmTranscript(let saved, let notSaved): return "confirmTranscript " + (saved?.plain ?? "") + " | " + (notSaved?.plain ?? "")
    case .saveProgress(_, let item, let lesson): return "saveProgress " + (item ?? lesson ?? "")
    case .left(let saved, _): return "left " + saved
    case .push: return "push"
    case .done: return "done"
    case .saveTranscriptFile(let path, _): return "saveTranscriptFile " + path
    }
  }

  static func kinds(_ effects: [FlowEffect]) -> [String] {
    effects.map { String(describe($0).prefix { $0 != " " }) }
  }

  /// Carries out the edits of `effects` on `plan`, as the session does.
  static func carryOut(_ effects: [FlowEffect], on plan: inout AccountPlan) {
    for case .edit(let edit) in effects { edit.change(&plan, now.description) }
  }

  static func nameAndNotesWalk() -> Walk {
    let name = Prompt(id: "name", kind: .text, fills: "stakeholder.name", text: "Name?")
    var notes = Prompt(id: "notes", kind: .list, fills: "stakeholder.concerns", text: "Concerns? One per line.")
    notes.optional = true
    return Walk(id: "person", title: "Person", prompts: [name, notes])
  }

  /// A walk over one stakeholder, refusing a name already on the list.
  static func personFlow(_ plan: AccountPlan) -> WalkFlow {
    let binding = WalkBinding(
      apply: { p, v, plan, _ in
        if p.id == "name", let name = PlanPatch.text(v) {
          plan.stakeholders.append(Stakeholder(name: name))
        } else if case .list(let items) = v, !plan.stakeholders.isEmpty {
          plan.stakeholders[plan.stakeholders.count - 1].concerns = items.joined(separator: "; ")
        }
      },
      validate: { p, v, plan in
        guard p.id == "name", let name = PlanPatch.text(v), plan.stakeholderIndex(named: name) != nil else { return nil }
        return "\(name) is already on the list."
      },
      describe: { "Person: " + $0.shortLabel })
    let engine = WalkEngine(walk: nameAndNotesWalk(), answers: [:], l: l)
    return WalkFlow(engine: engine, binding: binding) { engine, context in
      [.say(StyledText("people: \(context.plan?.stakeholders.count ?? 0)"))]
    }
  }

  @Test func anAnswerBecomesAnEditAndTheEndOfTheWalkIsDone() {
    var plan = Self.plan()
    let flow = Self.personFlow(plan)
    let opening = flow.start(Self.context(plan))
    #expect(Self.kinds(opening) == ["say"])
    let named = flow.accept("Wang Fang", Self.context(plan))
    #expect(Self.kinds(named) == ["edit", "say"])
    Self.carryOut(named, on: &plan)
    #expect(plan.stakeholders.map(\.name) == ["Wang Fang"])
    let item = flow.accept("price", Self.context(plan))
    #expect(Self.kinds(item) == ["edit", "confirm"])
    #expect(Self.describe(item[1]).contains("  + price"))
    #expect(Self.describe(item[1]).contains("kept in this session, not saved yet"))
    Self.carryOut(item, on: &plan)
    #expect(plan.stakeholders[0].concerns == "price")
    // Enter ends the list, and with it the walk: the summary reads the plan as edited.
    let end = flow.accept("", Self.context(plan))
    #expect(Self.kinds(end) == ["say", "done"])
    #expect(Self.describe(end[0]) == "say people: 1")
  }

  @Test func aRefusedAnswerIsRefusedBeforeTheWalkTakesIt() {
    var plan = Self.plan()
    plan.stakeholders = [Stakeholder(name: "Li Wei")]
    let flow = Self.personFlow(plan)
    _ = flow.start(Self.context(plan))
    let refused = flow.accept("Li Wei", Self.context(plan))
    #expect(Self.kinds(refused) == ["warn", "say"])
    #expect(Self.describe(refused[0]) == "warn Li Wei is already on the list.")
    #expect(flow.engine.current?.id == "name")
    #expect(flow.engine.answers["name"] == nil)
    #expect(flow.engine.recordedIDs.isEmpty)
    // The same prompt then takes another name.
    #expect(Self.kinds(flow.accept("Zhao Min", Self.context(plan))) == ["edit", "say"])
  }

  @Test func undoInsideTheWalkTakesBackItsLastAnswerAndNeverBecomesOne() {
    var plan = Self.plan()
    let flow = Self.personFlow(plan)
    _ = flow.start(Self.context(plan))
    let nothing = flow.accept("undo", Self.context(plan))
    #expect(Self.kinds(nothing) == ["warn", "say"])
    let named = flow.accept("Wang Fang", Self.context(plan))
    Self.carryOut(named, on: &plan)
    let undone = flow.accept("撤销", Self.context(plan))
    #expect(Self.kinds(undone) == ["undo", "say"])
    #expect(flow.engine.current?.id == "name")
    #expect(flow.engine.answers["name"] == nil)
  }

  @Test func anAnswerThatChangesNothingIsNotUndoneInTheWalk() {
    var plan = Self.plan()
    let flow = Self.personFlow(plan)
    _ = flow.start(Self.context(plan))
    // The concerns answer with no stakeholder to hold it changes nothing.
    _ = flow.accept("skip", Self.context(plan))
    let item = flow.accept("price", Self.context(plan))
    Self.carryOut(item, on: &plan)
    #expect(plan.stakeholders.isEmpty)
    #expect(Self.kinds(flow.accept("undo", Self.context(plan))) == ["warn", "say"])
  }

  @Test func leavingSaysWhatIsSavedAndEnds() {
    let flow = Self.personFlow(Self.plan())
    _ = flow.start(Self.context(Self.plan()))
    let left = flow.leave(Self.context(Self.plan()))
    #expect(Self.kinds(left) == ["left", "say", "done"])
    #expect(flow.engine.leftEarly)
    #expect(!flow.engine.leftWithDone)
  }

  // MARK: series

  static func series(_ count: Int, finished: @escaping () -> Void = {}) -> SequenceFlow {
    var handed = 0
    return SequenceFlow(
      intro: StyledText("Series"),
      next: { context in
        guard handed < count else { return ([], nil) }
        handed += 1
        let prompt = Prompt(id: "p\(handed)", kind: .text, fills: "account.notes", text: "Question \(handed)?")
        let walk = Walk(id: "w\(handed)", title: "W\(handed)", prompts: [prompt])
        var item = SequenceFlow.Item(engine: WalkEngine(walk: walk, answers: [:], l: l), binding: .plan("W\(handed)"))
        item.emptyFirstAnswerEnds = handed == 2
        return ([.say(StyledText("item \(handed)"))], item)
      },
      onFinish: { _ in
        finished()
        return [.say(StyledText("finished"))]
      })
  }

  @Test func aSeriesHandsOnWhenAWalkRunsItsCourse() {
    let flow = Self.series(3)
    let plan = Self.plan()
    let opening = flow.start(Self.context(plan)).map(Self.describe)
    #expect(opening == ["say Series", "say item 1", "say " + opening[2].dropFirst(4)])
    #expect(opening[2].contains("Question 1?"))
    let answered = flow.accept("first", Self.context(plan)).map(Self.describe)
    #expect(answered.first == "edit W1: Question 1?")
    #expect(answered.contains("say item 2"))
    // Item 2 ends on an empty first answer; the series goes on to item 3.
    let skipped = flow.accept("", Self.context(plan)).map(Self.describe)
    #expect(skipped.first == "say item 3")
    #expect(!skipped.contains("done"))
  }

  @Test func doneInAWalkLeavesTheWholeSeries() {
    let flow = Self.series(3)
    let plan = Self.plan()
    _ = flow.start(Self.context(plan))
    let left = flow.accept("done", Self.context(plan)).map(Self.describe)
    #expect(left == ["say finished", "done"])
    #expect(Self.kinds(flow.accept("anything", Self.context(plan))) == ["done"])
  }

  @Test func anEmptySeriesFinishesAtOnce() {
    let flow = Self.series(0)
    #expect(flow.start(Self.context(Self.plan())).map(Self.describe) == ["say Series", "say finished", "done"])
  }

  // MARK: the action follow-up

  @Test func anOfferedActionLeavesQuietlyOnEnter() {
    guard case .push(let pushed) = ActionFollowUp.offer(l: Self.l), let flow = pushed as? WalkFlow else {
      Issue.record("the offer is a push of a walk")
      return
    }
    let opening = flow.start(Self.context(Self.plan())).map(Self.describe)
    #expect(opening.count == 1 && opening[0].contains("Add a next action?"))
    #expect(!opening[0].contains("Next action\n"))  // the question alone, not the walk's title
    #expect(Self.kinds(flow.accept("", Self.context(Self.plan()))) == ["done"])
  }

  @Test func anActionIsAddedThenGivenAnOwnerAndADueDay() {
    var plan = Self.plan()
    let flow = ActionFollowUp.flow(l: Self.l, asking: "What is the next action?", optional: false)
    _ = flow.start(Self.context(plan))
    for line in ["Send the proposal", "Li Wei"] {
      let effects = flow.accept(line, Self.context(plan))
      Self.carryOut(effects, on: &plan)
    }
    let end = flow.accept("2027-01-15", Self.context(plan))
    Self.carryOut(end, on: &plan)
    #expect(Self.describe(end.last!) == "done")
    #expect(end.map(Self.describe).contains("say Added action #1. `actions` lists them."))
    #expect(plan.actions.count == 1)
    #expect(plan.actions[0].text == "Send the proposal")
    #expect(plan.actions[0].owner == "Li Wei")
    #expect(plan.actions[0].due == "2027-01-15")
  }

  // MARK: negotiation

  @Test func theNegotiationPlannerWalksThePartsAndLeavesOnDone() {
    let book = Fixtures.playbook(.en)
    var plan = Self.plan()
    let flow = NegotiationPlanner(book: book, l: Self.l, parts: ["batna"]).flow()
    let opening = flow.start(Self.context(plan, book: book)).map(Self.describe)
    #expect(opening.first?.contains("Negotiation preparation") == true)
    #expect(opening.count == 3)  // intro, the part's header, the first prompt
    let answer = flow.accept("Renew with the current vendor", Self.context(plan, book: book))
    #expect(Self.kinds(answer).first == "edit")
    Self.carryOut(answer, on: &plan)
    #expect(plan != Self.plan())
    let left = flow.accept("done", Self.context(plan, book: book)).map(Self.describe)
    #expect(left.last == "done")
    #expect(left.contains { $0.contains("`show negotiation`") })
  }

  // MARK: drills

  static func drill(_ mode: DrillMode, rep: String?, taken: Set<String> = []) -> DrillFlow? {
    let book = Fixtures.playbook(.en)
    guard let scenario = DrillScenarios.fromPlaybook(.objection, book: book).first else { return nil }
    let setup = DrillFlow.Setup(scenario: scenario, rep: rep, repDefault: "sam", trainer: nil, mode: mode, passMark: 60, seed: 1, pickedAtRandom: false)
    return DrillFlow(setup: setup, book: book, books: [.en: book], l: l, takenIDs: taken, now: now)
  }

  @Test func aDrillAsksForTheRepThenSavesEveryAnswerAsATranscript() throws {
    let flow = try #require(Self.drill(.train, rep: nil))
    let ask = flow.start(Self.context(nil)).map(Self.describe)
    #expect(ask.count == 1 && ask[0].contains("Who is being drilled?") && ask[0].contains("Enter for sam"))
    // Enter takes the default rep; the drill opens.
    #expect(Self.kinds(flow.accept("", Self.context(nil))) == ["say"])
    var saved: [DrillTranscript] = []
    var line = 0
    while line < 12 {
      let effects = flow.accept(line == 0 ? "I hear you, that is a fair concern about the price." : "skip", Self.context(nil))
      for case .saveTranscript(let t) in effects { saved.append(t) }
      line += 1
      if Self.kinds(effects).last == "done" {
        #expect(effects.map(Self.describe).contains { $0.hasPrefix("confirmTranscript Saved: sessions/") })
        break
      }
    }
    #expect(!saved.isEmpty)
    #expect(saved.last?.completed == true)
    #expect(saved.last?.rep == "sam")
    #expect(Set(saved.map(\.id)).count == 1)
  }

  @Test func aDrillTakesAFreeIDAndLeavingSaysWhereItIsKept() throws {
    let stem = DrillTranscript.fileStem(startedAt: Self.now, rep: "sam", scenarioID: try #require(Self.drill(.exam, rep: "sam")).transcript.scenario.id)
    let flow = try #require(Self.drill(.exam, rep: "sam", taken: [stem, stem + "-2"]))
    _ = flow.start(Self.context(nil))
    #expect(flow.transcript.id == stem + "-3")
    // A practice drill with nothing answered: nothing saved.
    let early = try #require(Self.drill(.train, rep: "sam"))
    _ = early.start(Self.context(nil))
    #expect(early.leave(Self.context(nil)).map(Self.describe) == ["say Left the drill; nothing was answered, so nothing was saved.", "done"])
    // An exam is an attempt from its start: saved unfinished even with nothing answered.
    let earlyExam = try #require(Self.drill(.exam, rep: "sam"))
    #expect(earlyExam.start(Self.context(nil)).map(Self.describe).first == "saveTranscript " + stem)
    let leftEmpty = earlyExam.leave(Self.context(nil)).map(Self.describe)
    #expect(leftEmpty.first == "saveTranscript " + stem)
    #expect(leftEmpty.contains { $0.hasPrefix("confirmTranscript Left the exam after 0 answer(s);") && $0.contains("counts as an attempt") })
    // One answer, then Ctrl-C: the transcript is saved unfinished, the held-back feedback is
    // shown, and the line says it was saved only if it was.
    _ = flow.accept("skip", Self.context(nil))
    let left = flow.leave(Self.context(nil)).map(Self.describe)
    #expect(left.first == "saveTranscript " + stem + "-3")
    #expect(left[1].hasPrefix("say ") && left[1].contains("Not finished"))
    #expect(left[2].contains("marked unfinished") && left[2].hasSuffix("| Left the exam."))
    #expect(left.last == "done")
  }

  // MARK: objection

  @Test func anObjectionIsLoggedCategorisedAndWalkedThroughLSCPA() {
    let book = Fixtures.playbook(.en)
    var plan = Self.plan()
    let flow = ObjectionFlow(book: book, signals: [.en: book], l: Self.l, index: nil, category: nil, plan: plan)
    #expect(Self.kinds(flow.start(Self.context(plan, book: book))) == ["say"])
    // The customer's words come first: an empty line is refused.
    #expect(Self.kinds(flow.accept("", Self.context(plan, book: book))) == ["warn"])
    let logged = flow.accept("Your price is 20% higher than the competitor's.", Self.context(plan, book: book))
    #expect(Self.kinds(logged) == ["edit", "say"])
    #expect(Self.describe(logged[1]).contains("Which kind of objection is it?"))
    Self.carryOut(logged, on: &plan)
    #expect(plan.objections.count == 1)
    // Enter accepts the suggested category; Enter skips who raised it.
    for line in ["", ""] { Self.carryOut(flow.accept(line, Self.context(plan, book: book)), on: &plan) }
    #expect(plan.objections[0].category == .price)
    let listen = flow.accept("I understand the price matters a great deal to you.", Self.context(plan, book: book))
    #expect(Self.kinds(listen).first == "edit")
    Self.carryOut(listen, on: &plan)
    #expect(plan.objections[0].lscpa[.listen] == "I understand the price matters a great deal to you.")
    // `undo` takes the answer back and asks the Listen step again.
    let undone = flow.accept("undo", Self.context(plan, book: book))
    #expect(Self.kinds(undone) == ["undo", "say"])
    // `done` ends it with the objection's card, and no action offer (Assure was not reached).
    let done = flow.accept("done", Self.context(plan, book: book))
    #expect(Self.kinds(done) == ["say", "say", "done"])
  }

  @Test func leavingAnObjectionNeverLogsOne() {
    let book = Fixtures.playbook(.en)
    let flow = ObjectionFlow(book: book, signals: [.en: book], l: Self.l, index: nil, category: .price, plan: Self.plan())
    _ = flow.start(Self.context(Self.plan(), book: book))
    #expect(Self.kinds(flow.leave(Self.context(Self.plan(), book: book))) == ["left", "done"])
    let done = flow.accept("done", Self.context(Self.plan(), book: book)).map(Self.describe)
    #expect(done == ["say No new objection was logged.", "done"])
  }

  // MARK: questions

  @Test func theQuestionPassAddsPickedExamplesAndCountsThemForUndo() {
    let book = Fixtures.playbook(.en)
    var plan = Self.plan()
    let flow = QuestionFlow(book: book, signals: [.en: book], l: Self.l)
    #expect(Self.kinds(flow.start(Self.context(plan, book: book))) == ["say"])
    let picked = flow.accept("1 2", Self.context(plan, book: book))
    #expect(Self.kinds(picked) == ["edit", "edit", "say"])
    #expect(Self.describe(picked.last!) == "say Added 2 question(s).")
    Self.carryOut(picked, on: &plan)
    #expect(plan.questionPlan.count == 2 && plan.questionPlan.allSatisfy { $0.type == .open })
    // Picking the same example again adds nothing and says nothing about it.
    let again = flow.accept("1", Self.context(plan, book: book))
    #expect(Self.kinds(again) == ["say"])
    #expect(Self.kinds(flow.accept("9", Self.context(plan, book: book))) == ["warn"])
    #expect(Self.kinds(flow.accept("undo", Self.context(plan, book: book))) == ["undo"])
    #expect(Self.kinds(flow.accept("undo", Self.context(plan, book: book))) == ["undo"])
    #expect(Self.kinds(flow.accept("undo", Self.context(plan, book: book))) == ["warn"])
  }

  @Test func aQuestionThatReadsAsAnotherTypeWaitsForTheRepsChoice() {
    let book = Fixtures.playbook(.en)
    var plan = Self.plan()
    let flow = QuestionFlow(book: book, signals: [.en: book], l: Self.l)
    _ = flow.start(Self.context(plan, book: book))
    // A closed question in the open slot is not stored in silence.
    let asked = flow.accept("Is the budget approved?", Self.context(plan, book: book))
    #expect(Self.kinds(asked) == ["say"])
    #expect(Self.describe(asked[0]).contains("does not read as an open question"))
    // 1 (or Enter) keeps it as open.
    let kept = flow.accept("1", Self.context(plan, book: book))
    #expect(Self.kinds(kept) == ["edit", "say"])
    Self.carryOut(kept, on: &plan)
    #expect(plan.questionPlan.map(\.type) == [.open])
    // Enter four times walks past the four types and ends with the summary.
    var last: [FlowEffect] = []
    for _ in 0..<4 { last = flow.accept("", Self.context(plan, book: book)) }
    #expect(Self.kinds(last) == ["say", "done"])
    #expect(Self.describe(last[0]).contains("Question plan: "))
  }
}
