import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

// Shared by the walk session suites (*WalkSessionTests): a reader that echoes what the rep
// typed into the transcript, and reading the saved plan as JSON.

/// Plays back inputs and writes each one into the transcript after its prompt (`^C` for
/// Ctrl-C, `^D` for the end of input), so golden transcripts show what was typed where.
final class WalkScriptReader: LineReader {
  private var inputs: [LineInput]
  private let output: RecordingOutput
  init(_ inputs: [LineInput], output: RecordingOutput) {
    self.inputs = inputs
    self.output = output
  }
  var isInteractive: Bool { false }
  func readLine(prompt: String) -> LineInput {
    guard !inputs.isEmpty else {
      output.write(StyledText(prompt + "^D\n"))
      return .endOfInput
    }
    let input = inputs.removeFirst()
    switch input {
    case .line(let line): output.write(StyledText(prompt + line + "\n"))
    case .interrupted: output.write(StyledText(prompt + "^C\n"))
    case .endOfInput: output.write(StyledText(prompt + "^D\n"))
    }
    return input
  }
  func close() {}
}

struct WalkRun {
  var status: Int32
  var transcript: String
  var out: String
  var err: String
}

extension SessionHarness {
  /// Runs the real command loop over `lines`, echoing them into the transcript.
  func walk(_ lines: [String]) -> WalkRun { walk(inputs: lines.map { .line($0) }) }

  func walk(inputs: [LineInput]) -> WalkRun {
    let (session, output) = makeSession()
    let status = session.runLoop(reader: WalkScriptReader(inputs, output: output))
    return WalkRun(status: status, transcript: output.transcript, out: output.out, err: output.err)
  }

  /// The plan file as written, parsed as JSON.
  func planJSON(_ id: String) throws -> JSONValue {
    let text = try #require(workspace.read("plans/\(id).json"))
    return try JSONParser.parse(text)
  }
}

enum WalkJSON {
  /// A value by a slash-separated path of keys and array indexes: "stakeholders/0/role".
  static func at(_ json: JSONValue, _ path: String) -> JSONValue? {
    var value: JSONValue? = json
    for part in path.split(separator: "/") {
      if let i = Int(part), let array = value?.array {
        value = i < array.count ? array[i] : nil
      } else {
        value = value?[String(part)]
      }
    }
    return value
  }

  static func string(_ json: JSONValue, _ path: String) -> String? { at(json, path)?.string }
  static func number(_ json: JSONValue, _ path: String) -> Double? { at(json, path)?.number }
  static func strings(_ json: JSONValue, _ path: String) -> [String]? { at(json, path)?.array?.compactMap(\.string) }
}

/// The time every answer carries in these sessions (the harness's fixed clock).
let walkNow = "2026-11-23T09:00:00Z"

/// Leaving a walk (`done`, Ctrl-C, end of input) and coming back to it.
@Suite struct WalkSessionTests {
  @Test func doneMidStageKeepsTheAnswersAndTheStageResumesWhereItStoppedInEnglish() throws {
    let h = SessionHarness()
    let first = h.walk(["new Acme", "discover initial-contact", "2,000 staff, 4 plants", "Consolidating market", "done", "show discovery"])
    var plan = try h.plan("acme")
    #expect(plan.discovery[.initialContact].answers["company-basics"] == .text("2,000 staff, 4 plants"))
    #expect(plan.discovery[.initialContact].answers["industry-background"] == .text("Consolidating market"))
    #expect(plan.discovery[.initialContact].answers["key-decision-makers"] == nil)
    #expect(plan.discovery[.initialContact].completedAt == nil)
    #expect(first.out.contains("Still empty: Key decision makers; Value to open with; First meeting"))
    #expect(!first.out.contains("Completed "))

    let second = h.walk(["open acme", "discover initial-contact", "Wang Li, CFO", "", "Lead with the OEE benchmark", "2026-12-01", ""])
    #expect(second.out.contains("2 of 5 answered; picking up at the first open one."))
    #expect(second.out.contains("Discovery 1/4 · Initial contact · 3 of 5"))
    #expect(!second.out.contains("· 1 of 5"))
    plan = try h.plan("acme")
    let stage = plan.discovery[.initialContact]
    #expect(stage.answers["company-basics"] == .text("2,000 staff, 4 plants"))
    #expect(stage.answers["key-decision-makers"] == .list(["Wang Li, CFO"]))
    #expect(stage.answers["opening-value"] == .text("Lead with the OEE benchmark"))
    #expect(stage.answers["first-meeting"] == .text("2026-12-01"))
    #expect(stage.completedAt == walkNow)
    #expect(first.status == 0 && second.status == 0)
    Golden.check(first.transcript + "\n— next run —\n" + second.transcript, "walk-leave-resume-en")
  }

  @Test func doneMidWalkAndResumeInChinese() throws {
    let h = SessionHarness(lang: .zh)
    let first = h.walk(["new 华东电力", "profile", "1", "制造", "完成"])
    var plan = try h.plan("华东电力")
    #expect(plan.account.tier == .a)
    #expect(plan.account.industry == .manufacturing)
    #expect(plan.account.cooperationStage == nil)
    let second = h.walk(["open 华东电力", "profile", "成熟", "返回", "", "集中", "结束"])
    #expect(second.out.contains("已答 2/21；从第一个未答的问题继续。"))
    #expect(second.out.contains("客户档案 · 客户分类 · 第 3/21 项"))
    plan = try h.plan("华东电力")
    #expect(plan.account.cooperationStage == .mature)
    #expect(plan.account.decisionMode == .centralized)
    #expect(plan.account.answeredAt["decisionMode"] == walkNow)
    Golden.check(first.transcript + "\n— 下一次运行 —\n" + second.transcript, "walk-leave-resume-zh")
  }

  @Test func ctrlCMidWalkLeavesWithEverythingSavedAndTheSessionGoesOn() throws {
    let h = SessionHarness()
    let r = h.run(inputs: [
      .line("new Acme"), .line("profile"), .line("1"), .line("2"), .interrupted,
      .line("show account"), .line("profile"), .line("mature"), .line("done"),
    ])
    #expect(r.status == 0)
    #expect(r.err.isEmpty)
    #expect(r.out.contains("Left the walk; every answer so far is saved."))
    // The session went on after Ctrl-C: `show account` ran, and the walk resumed at prompt 3.
    #expect(r.out.contains("Finance (Typically"))
    #expect(r.out.contains("2 of 21 answered; picking up at the first open one."))
    let plan = try h.plan("acme")
    #expect(plan.account.tier == .a)
    #expect(plan.account.industry == .finance)
    #expect(plan.account.cooperationStage == .mature)
    #expect(plan.account.decisionMode == nil)
  }

  @Test func ctrlCInADiscoveryStageDoesNotCompleteIt() throws {
    let h = SessionHarness()
    let r = h.run(inputs: [.line("new Acme"), .line("discover"), .line("HQ in Suzhou"), .interrupted, .line("discover")])
    #expect(r.status == 0)
    let plan = try h.plan("acme")
    #expect(plan.discovery[.initialContact].answers["company-basics"] == .text("HQ in Suzhou"))
    #expect(plan.discovery[.initialContact].completedAt == nil)
    // `discover` without a stage goes back to the first stage that is not complete.
    #expect(r.out.components(separatedBy: "Discovery 1/4 · Initial contact · 2 of 5").count == 3)
  }

  @Test func ctrlCInTheObjectionNegotiationAndQuestionWalks() throws {
    let h = SessionHarness()
    let r = h.run(inputs: [
      .line("new Acme"),
      .line("objection"), .line("Your price is 20% higher than the other quote."), .line(""), .interrupted,
      .line("negotiate batna"), .line("Renew with the current vendor"), .interrupted,
      .line("questions"), .line("1"), .interrupted,
      .line("objection 1"), .line("How are you comparing the two offers?"), .line("done"),
    ])
    #expect(r.status == 0)
    #expect(r.out.contains("Left the objection; every answer so far is saved."))
    #expect(r.out.contains("Left; every answer so far is saved."))
    let plan = try h.plan("acme")
    #expect(plan.objections.count == 1)
    #expect(plan.objections[0].statement == "Your price is 20% higher than the other quote.")
    #expect(plan.objections[0].category == .price)
    #expect(plan.objections[0].lscpa[.listen] == "How are you comparing the two offers?")
    #expect(plan.negotiation.batna.ours.description == "Renew with the current vendor")
    #expect(plan.questionPlan.map(\.type) == [.open])
  }

  @Test func endOfInputMidWalkSavesAndTheWalkResumes() throws {
    let h = SessionHarness()
    let first = h.run(["new Acme", "stakeholders add", "Wang Li", "CFO, Finance"])
    #expect(first.status == 0)
    #expect(first.out.contains("Left the walk; every answer so far is saved."))
    var plan = try h.plan("acme")
    #expect(plan.stakeholders.count == 1)
    #expect(plan.stakeholders[0].name == "Wang Li")
    #expect(plan.stakeholders[0].title == "CFO, Finance")
    #expect(plan.stakeholders[0].role == nil)

    let second = h.run(["open acme", "stakeholders edit wang li", "financial", "4"])
    #expect(second.out.contains("2 of 7 answered; picking up at the first open one."))
    #expect(second.out.contains("Stakeholder: Wang Li · 3 of 7"))
    plan = try h.plan("acme")
    #expect(plan.stakeholders[0].role == .financial)
    #expect(plan.stakeholders[0].influence == 4)
    #expect(plan.stakeholders[0].answeredAt["influence"] == walkNow)
  }

  @Test func endOfInputInADiscoveryStageLeavesItOpen() throws {
    let h = SessionHarness()
    _ = h.run(["new Acme", "discover in-depth-interview", "Order intake, planning, shipping", "Manual today, automated wanted", "Late shipments"])
    let stage = try h.plan("acme").discovery[.inDepthInterview]
    #expect(stage.answers["pain-points"] == .list(["Late shipments"]))
    #expect(stage.completedAt == nil)
  }
}
