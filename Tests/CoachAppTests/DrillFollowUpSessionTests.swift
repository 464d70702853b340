import CoachCore
import CoachStore
import CoachTerminal
import CoachTestSupport
import Testing

@testable import CoachApp

/// "The customer pushes back": scripted multi-turn drills through the real command loop, in
/// English and Chinese, one per trigger path of the shipped follow-ups — a harm check failing
/// (a discount at Process, over-claiming, giving in), a check failing (no figure, no next
/// step), a check passing (a good Confirm reveals the real concern; a conditional offer is
/// questioned) — and no follow-up on a skipped step. Each reply is scored by the rubric,
/// recorded with the customer's words, and rescored to the same result.
@Suite struct DrillFollowUpSessionTests {
  static let stem = "20261123T090000Z"

  struct Path: Sendable, CustomStringConvertible {
    var label: String
    var lang: Lang
    var command: String
    var answers: [String]
    /// The transcript's turns: (rubric step, follow-up id or "").
    var turns: [String]
    /// Words of the customer's follow-up the rep sees.
    var customer: String?
    var description: String { label }
  }

  static let paths: [Path] = [
    Path(
      label: "en: a good Confirm reveals the real concern; a discount at Process → “Then 25%”",
      lang: .en, command: "drill objection --scenario price-discount-demand --rep Ann",
      answers: [
        "I see. What is behind that?", "That makes sense: in a final round, price is what head office looks at.",
        "So the discount is the main thing, or is there anything else?",
        "So rolling out to your 200 stores before the holidays is the real worry, is that right?", "1",
        "We can give you a 10% discount if you sign today.", "If you commit to a three-year contract, we can hold this year's price.",
        "We will send the rollout plan for your 200 stores by Friday.",
      ],
      turns: ["listen", "sympathize", "confirm", "confirm real-concern", "process", "give-and-get go-lower", "assure"],
      customer: "So you can go lower? Then 25%."),
    Path(
      label: "en: no figure at Process → “That sounds like marketing”",
      lang: .en, command: "drill objection --scenario price-discount-demand --rep Ann",
      answers: [
        "I see. What is behind that?", "That makes sense.", "So the discount matters to you?", "1", "We can look at the value together.",
        "Over 5 years your total cost is 12% lower than the other vendor, with figures for your stores.", "We will send the figures by Friday.",
      ],
      turns: ["listen", "sympathize", "confirm", "process", "process show-numbers", "assure"],
      customer: "That sounds like marketing. What numbers do you have?"),
    Path(
      label: "en: over-claiming at Process → “The last vendor promised exactly that”",
      lang: .en, command: "drill objection --scenario risk-past-failure --rep Ann",
      answers: [
        "I see. What happened three years ago?", "That makes sense.", "So the failure worries you?", "1",
        "With us there is zero risk, 100% guaranteed.", "A pilot on one line for 4 weeks, with your team, and a reference plant in Ningbo you can visit.",
        "We will send the pilot plan by Friday.",
      ],
      turns: ["listen", "sympathize", "confirm", "process", "process heard-it-before", "assure"],
      customer: "The last vendor promised exactly that."),
    Path(
      label: "en: no commitment at Assure → “What happens next, concretely?”",
      lang: .en, command: "drill objection --scenario decision-boss --rep Ann",
      answers: [
        "I see. What would your boss want to know?", "That makes sense.", "So your boss decides?", "1",
        "We can prepare a one-page summary with the figures for your boss.", "Thanks.",
        "We will send the summary by Friday and join the meeting with your boss next week.",
      ],
      turns: ["listen", "sympathize", "confirm", "process", "assure", "assure what-next"],
      customer: "what happens next, concretely?"),
    Path(
      label: "en: a skipped step triggers nothing",
      lang: .en, command: "drill objection --scenario price-discount-demand --rep Ann",
      answers: ["I see. What is behind that?", "That makes sense.", "So the discount matters to you?", "1", "skip", "We will send the figures by Friday."],
      turns: ["listen", "sympathize", "confirm", "process", "assure"], customer: nil),
    Path(
      label: "en negotiation: giving in → “add free training”",
      lang: .en, command: "drill negotiation --scenario discount-to-sign --rep Ann",
      answers: ["No problem, we can do that.", "If you sign a three-year contract, we can include training for 20 users."],
      turns: ["give-and-get", "give-and-get more-please"], customer: "add free training for fifty users"),
    Path(
      label: "en negotiation: a conditional offer → “Why should we give you anything?”",
      lang: .en, command: "drill negotiation --scenario discount-to-sign --rep Ann",
      answers: ["If you commit to a three-year term, we can take 3% off.", "The value for you is the three-year price lock; in return we ask for a reference."],
      turns: ["give-and-get", "give-and-get why-should-we"], customer: "Why should we give you anything?"),
    Path(
      label: "zh：确认得好，客户说出真正的顾虑；处理时给折扣 →“那就降25%”",
      lang: .zh, command: "drill objection --scenario price-discount-demand --rep 张伟",
      answers: [
        "明白。能具体说说您这边的考虑吗？", "理解，到了最后一轮，总部最看重的就是价格。", "所以折扣是最主要的，除此之外还有其他顾虑吗？",
        "所以节前在200家门店上线才是您最担心的，对吗？", "1", "我们可以再给您九折。", "如果您能签三年合同，我们可以保持今年的价格。",
        "我们会在周五前把200家门店的上线计划发给您。",
      ],
      turns: ["listen", "sympathize", "confirm", "confirm real-concern", "process", "give-and-get go-lower", "assure"],
      customer: "这么说还能再降？那就降25%。"),
    Path(
      label: "zh：处理时没有数据 →“听起来像是宣传口号”",
      lang: .zh, command: "drill objection --scenario price-discount-demand --rep 张伟",
      answers: ["明白。能具体说说您这边的考虑吗？", "理解。", "所以您在意折扣。", "1", "我们一起看看价值。", "五年下来总成本比另一家低12%，这是贵公司门店的测算数据。", "我们会在周五前把测算发给您。"],
      turns: ["listen", "sympathize", "confirm", "process", "process show-numbers", "assure"],
      customer: "听起来像是宣传口号。你们有什么数据？"),
    Path(
      label: "zh：保证时没有承诺 →“接下来具体怎么做？”",
      lang: .zh, command: "drill objection --scenario decision-boss --rep 张伟",
      answers: ["明白。领导最关心哪些方面？", "理解。", "所以需要领导拍板。", "1", "我们可以为领导准备一页纸的汇总。", "谢谢。", "我们会在周五前把汇总发给您，下周一起向领导汇报。"],
      turns: ["listen", "sympathize", "confirm", "process", "assure", "assure what-next"], customer: "那接下来具体怎么做？"),
    Path(
      label: "zh 谈判：直接让步 →“再免费送培训”",
      lang: .zh, command: "drill negotiation --scenario discount-to-sign --rep 张伟",
      answers: ["没问题，就按您说的。", "如果您签三年合同，我们可以送20个用户的培训。"],
      turns: ["give-and-get", "give-and-get more-please"], customer: "再免费送五十个用户的培训吧"),
    Path(
      label: "zh 谈判：有条件的让步 →“凭什么要给你们东西”",
      lang: .zh, command: "drill negotiation --scenario discount-to-sign --rep 张伟",
      answers: ["如果您能签三年合同，我们可以让3%。", "作为交换，希望贵公司做我们的标杆案例，这是三年价格锁定的价值。"],
      turns: ["give-and-get", "give-and-get why-should-we"], customer: "我们凭什么要给你们东西？"),
  ]

  func only(_ h: SessionHarness) throws -> DrillTranscript {
    let names = h.workspace.list("sessions").filter { $0.hasSuffix(".json") }
    try #require(names.count == 1, "\(names)")
    return try TranscriptStore.load(path: h.workspace.root + "/sessions/" + names[0])
  }

  @Test(arguments: paths)
  func eachTriggerPathInTrainMode(_ p: Path) throws {
    let h = SessionHarness(lang: p.lang)
    let r = h.run([p.command] + p.answers)
    #expect(r.status == 0 && r.err.isEmpty, "\(r.err)")
    let t = try only(h)
    #expect(t.completed)
    #expect(t.steps.map { $0.step + ($0.followUp.map { " " + $0 } ?? "") } == p.turns)
    if let customer = p.customer {
      #expect(r.out.contains(customer))
      let reply = try #require(t.steps.last { $0.isFollowUp })
      #expect(reply.customer?.contains(customer) == true, "the customer's words are recorded with the reply")
      #expect(r.out.contains(p.lang == .en ? "Your reply (scored as " : "你的回应（按“"))
      #expect(r.out.contains(p.lang == .en ? "↳ follow-up" : "↳ 追问"), "the result lists the follow-up")
    } else {
      #expect(!t.steps.contains { $0.isFollowUp })
    }
    // Every turn counts: the follow-ups add to the steps of the whole.
    #expect(t.totals.steps == t.scenario.stepIDs.count + t.steps.filter(\.isFollowUp).count)
    // Rescoring the saved transcript reproduces it, turn by turn.
    let books = [Lang.en: try h.makeSession().0.playbook(for: .en), .zh: try h.makeSession().0.playbook(for: .zh)]
    let again = DrillScorer(books: books).rescore(t)
    #expect(again.steps.map(\.score) == t.steps.map(\.score))
    #expect(again.steps.map(\.checks) == t.steps.map(\.checks))
    let rescore = h.run(["drill rescore " + t.id])
    #expect(rescore.out.contains(p.lang == .en ? "Same score as recorded" : "与记录的得分相同"), "\(rescore.out)")
  }

  @Test func theSameConversationGivesTheSameTranscript() throws {
    let p = Self.paths[0]
    let a = SessionHarness(lang: p.lang)
    let b = SessionHarness(lang: p.lang)
    let ra = a.run([p.command + " --mode exam"] + p.answers)
    let rb = b.run([p.command + " --mode exam"] + p.answers)
    #expect(ra.transcript == rb.transcript)
    let name = "sessions/" + Self.stem + "-ann-price-discount-demand.json"
    #expect(a.workspace.read(name) != nil && a.workspace.read(name) == b.workspace.read(name))
  }

  /// In an exam the customer still pushes back, but no check, score or advice is shown until
  /// the end; then the full feedback, follow-ups included.
  @Test(arguments: [Lang.en, .zh])
  func anExamShowsNoFeedbackUntilTheEnd(_ lang: Lang) throws {
    let p = Self.paths.first { $0.lang == lang }!
    let h = SessionHarness(lang: lang)
    let r = h.run([p.command + " --mode exam"] + p.answers)
    #expect(r.status == 0)
    let result = lang == .en ? "Result — " : "结果 — "
    let marker = lang == .en ? "Noted (5 of 5)." : "已记录（第 5/5 步）。"
    let end = try #require(r.out.indices.first { r.out[$0...].hasPrefix(marker) })
    let during = String(r.out[..<end])
    #expect(during.contains(p.customer!), "the customer pushes back during the exam")
    for shown in ["✓", "✗", "/2", lang == .en ? "Better:" : "更好的说法：", result] { #expect(!during.contains(shown), "\(shown) shown mid-exam") }
    #expect(!during.contains(lang == .en ? "check will fail" : "检查将不通过"))
    let after = String(r.out[end...])
    #expect(after.contains("✓") && after.contains("✗") && after.contains(result))
    #expect(after.contains(lang == .en ? "The customer came back: “So you can go lower? Then 25%.”" : "客户接着说：“这么说还能再降？那就降25%。”"))
  }
}
