import CoachTestSupport
import Testing

@testable import CoachCore

/// The stakeholder, profile and discovery walks as pure flows over the shipped playbook: lines
/// in, effects out. The test plays the session: it carries out each edit on its own plan.
@Suite struct StakeholderProfileDiscoveryFlowTests {
  static let l = L10n(.en)
  static let now = Timestamp(iso8601: "2026-11-23T09:00:00Z")!
  static let today = CalendarDay("2026-11-23")!
  static let book = Fixtures.playbook(.en)

  static func context(_ plan: AccountPlan) -> FlowContext {
    FlowContext(plan: plan, book: book, l: l, width: 100, today: today, now: now, currency: "CNY")
  }

  /// Starts `flow` and feeds it `lines`, carrying out every edit on `plan`; returns the text of
  /// every effect, one line per effect.
  static func drive(_ flow: WalkFlow, _ lines: [String], plan: inout AccountPlan) -> [String] {
    WalkFlowDriver.play(flow, lines, plan: &plan, stamp: now, context: context).map(FlowTests.describe)
  }

  static func plan() -> AccountPlan { AccountPlan(id: "acme", name: "Acme", createdAt: now) }

  static func stakeholderWalk() throws -> Walk { try #require(book.walks["stakeholder"]) }

  @Test func aNameGivenUpFrontIsSavedFirstThenTheWalkFillsThatPerson() throws {
    var plan = Self.plan()
    let (preset, flow) = StakeholderFlow.make(walk: try Self.stakeholderWalk(), book: Self.book, plan: plan, index: nil, presetName: "Li Wei", l: Self.l)
    let edit = try #require(preset)
    #expect(edit.description == "Stakeholder: " + (try Self.stakeholderWalk()).prompts[0].shortLabel)
    edit.change(&plan, Self.now.description)
    #expect(plan.stakeholders.map(\.name) == ["Li Wei"])
    let said = Self.drive(flow, ["CFO", "4", "5", "done"], plan: &plan)
    let person = plan.stakeholders[0]
    #expect(plan.stakeholders.count == 1)
    #expect(person.title == "CFO" && person.role == .financial && person.influence == 5)
    // The role's card follows the role answer; the end names the person with what is known.
    let financial = try #require(Self.book.role(.financial))
    #expect(said.contains { $0.hasPrefix("say " + financial.name) })
    #expect(said.contains { $0.contains("Li Wei — \(financial.name), influence 5/5") })
    #expect(said.last == "done")
  }

  @Test func aNewPersonNeedsANameAndNotOneAlreadyOnTheList() throws {
    var plan = Self.plan()
    plan.stakeholders = [Stakeholder(name: "Li Wei")]
    let (preset, flow) = StakeholderFlow.make(walk: try Self.stakeholderWalk(), book: Self.book, plan: plan, index: nil, presetName: nil, l: Self.l)
    #expect(preset == nil)
    let said = Self.drive(flow, ["", "li wei", "Zhang Min", "done"], plan: &plan)
    #expect(said.contains("warn A stakeholder needs a name first (or `done` to leave)."))
    #expect(said.contains("warn Li Wei is already on the list; give another name."))
    #expect(plan.stakeholders.map(\.name) == ["Li Wei", "Zhang Min"])
  }

  @Test func leavingBeforeANameAddsNoOne() throws {
    var plan = Self.plan()
    let (_, flow) = StakeholderFlow.make(walk: try Self.stakeholderWalk(), book: Self.book, plan: plan, index: nil, presetName: nil, l: Self.l)
    let said = Self.drive(flow, ["done"], plan: &plan)
    #expect(plan.stakeholders.isEmpty)
    #expect(said.suffix(2) == ["say No one was added.", "done"])
  }

  @Test func unsureAtTheRoleQuestionOpensTheGuideWhosePickAnswersIt() throws {
    var plan = Self.plan()
    plan.stakeholders = [Stakeholder(name: "Li Wei")]
    let (_, flow) = StakeholderFlow.make(walk: try Self.stakeholderWalk(), book: Self.book, plan: plan, index: 0, presetName: nil, l: Self.l)
    let guide = Self.book.roleGuide
    try #require(!guide.options.isEmpty)
    let said = Self.drive(flow, ["", "unsure", "99", "unsure", "1"], plan: &plan)
    #expect(said.contains("warn Pick one of the numbers above; the role question comes back."))
    let picked = guide.options[0].role
    #expect(said.contains("say That makes them: " + Labels(Self.book, Self.l).role(picked)))
    #expect(plan.stakeholders[0].role == picked)
  }

  @Test func editingSomeoneStartsAtTheirFirstOpenPrompt() throws {
    var plan = Self.plan()
    plan.stakeholders = [Stakeholder(name: "Li Wei"), Stakeholder(name: "Zhang Min")]
    let (_, flow) = StakeholderFlow.make(walk: try Self.stakeholderWalk(), book: Self.book, plan: plan, index: 1, presetName: nil, l: Self.l)
    let said = Self.drive(flow, ["Head of IT", "done"], plan: &plan)
    #expect(!said.contains { $0.hasPrefix("warn") })
    #expect(plan.stakeholders.map(\.name) == ["Li Wei", "Zhang Min"])
    #expect(plan.stakeholders[1].title == "Head of IT")
    #expect(said.contains { $0.hasPrefix("say \nZhang Min") })
  }

  @Test func profileLeftEarlySaysWhereItPicksUp() throws {
    var plan = Self.plan()
    let flow = ProfileFlow.make(walk: try #require(Self.book.walks["profile"]), plan: plan, l: Self.l)
    let said = Self.drive(flow, ["done"], plan: &plan)
    #expect(said.contains("say `profile` picks up at the first open prompt."))
    #expect(said.last == "done")
  }

  @Test func discoveryStagesAreNamedByIdNumberPrefixOrChineseName() {
    #expect(DiscoveryFlow.stage("in-depth-interview") == .inDepthInterview)
    #expect(DiscoveryFlow.stage("2") == .inDepthInterview)
    #expect(DiscoveryFlow.stage("深度访谈") == .inDepthInterview)
    #expect(DiscoveryFlow.stage("NEEDS") == .needsConfirmation)
    #expect(DiscoveryFlow.stage("5") == nil)
    #expect(DiscoveryFlow.stage("in") == nil)  // initial-contact or in-depth-interview
    var plan = Self.plan()
    #expect(DiscoveryFlow.firstOpen(in: plan) == .initialContact)
    plan.discovery[.initialContact].completedAt = "2026-11-20T09:00:00Z"
    #expect(DiscoveryFlow.firstOpen(in: plan) == .inDepthInterview)
  }

  @Test func aStageLeftEarlyIsNotCompleted() throws {
    var plan = Self.plan()
    let walk = try #require(Self.book.walks[DiscoveryStage.initialContact.rawValue])
    let said = Self.drive(DiscoveryFlow.make(.initialContact, walk: walk, plan: plan, l: Self.l), ["done"], plan: &plan)
    #expect(plan.discovery[.initialContact].completedAt == nil)
    #expect(!said.contains { $0.hasPrefix("edit") })
    #expect(said.contains { $0.contains("Pick up where you left off with `discover initial-contact`.") })
  }

  @Test func aStageWithAnswersWalkedToItsEndIsCompletedAndPointsToTheNext() throws {
    let walk = try #require(Self.book.walks[DiscoveryStage.initialContact.rawValue])
    let engine = WalkEngine(walk: walk, answers: [walk.prompts[0].id: .text("They buy yearly")], l: Self.l)
    var plan = Self.plan()
    let effects = DiscoveryFlow.finish(.initialContact, engine: engine, Self.context(plan))
    for case .edit(let edit) in effects { edit.change(&plan, Self.now.description) }
    #expect(plan.discovery[.initialContact].completedAt == Self.now.description)
    let said = effects.map(FlowTests.describe)
    #expect(said.first == "edit " + walk.title + ": completed")
    #expect(said.contains { $0.contains("Recorded: " + walk.prompts[0].shortLabel) })
    #expect(said.contains { $0.contains("Continue with `discover in-depth-interview`.") })
    // A completed stage offers to add a next action.
    #expect(FlowTests.kinds(effects) == ["edit", "say", "push"])
  }
}
