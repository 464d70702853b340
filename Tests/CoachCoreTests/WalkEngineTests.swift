import CoachTestSupport
import Testing

@testable import CoachCore

/// The pure walk engine, answer parsing and plan patching: every prompt kind with valid and
/// invalid input, the control words in both languages, Enter keeps, resume, reject and record.
@Suite struct WalkEngineTests {
  // MARK: a small walk with one prompt of each kind

  static let industries = [
    ChoiceOption(id: "manufacturing", label: "Manufacturing", note: "Cost efficiency."),
    ChoiceOption(id: "finance", label: "Finance"),
    ChoiceOption(id: "internet", label: "Internet"),
    ChoiceOption(id: "government", label: "Government"),
    ChoiceOption(id: "other", label: "Other"),
  ]

  static func demoWalk() -> Walk {
    var name = Prompt(id: "name", kind: .text, fills: "stakeholder.name", text: "What is the person's name?")
    name.hint = "Six to eight people take part."
    name.examples = [.open: ["Who else is involved?"], .verification: ["So it is Wang Li, right?"]]
    name.group = "who"
    var items = Prompt(id: "items", kind: .list, fills: "discovery.initial-contact.key-decision-makers", text: "Who decides? One per line.")
    items.group = "who"
    var industry = Prompt(id: "industry", kind: .choice, fills: "account.industry", text: "Which industry?")
    industry.options = industries
    industry.label = "Industry"
    var influence = Prompt(id: "influence", kind: .scale, fills: "stakeholder.influence", text: "How much weight?")
    influence.scaleLow = "Little"
    influence.scaleHigh = "Decisive"
    let budget = Prompt(id: "budget", kind: .amount, fills: "discovery.needs-confirmation.budget", text: "What budget?")
    let golive = Prompt(id: "go-live", kind: .date, fills: "discovery.needs-confirmation.go-live", text: "By when?")
    var notes = Prompt(id: "notes", kind: .text, fills: "stakeholder.notes", text: "Anything else?")
    notes.optional = true
    var walk = Walk(id: "demo", title: "Demo", goal: "Try every kind.", prompts: [name, items, industry, influence, budget, golive, notes])
    walk.tasks = ["First task"]
    walk.groups = [WalkGroup(id: "who", title: "People", intro: "Who is who.")]
    return walk
  }

  func engine(_ answers: [String: AnswerValue] = [:], _ lang: Lang = .en) -> WalkEngine {
    WalkEngine(walk: Self.demoWalk(), answers: answers, l: L10n(lang))
  }

  /// An engine moved to the prompt with `id` (earlier prompts skipped).
  func engine(at id: String, _ answers: [String: AnswerValue] = [:], _ lang: Lang = .en) -> WalkEngine {
    var e = engine(answers, lang)
    while e.current?.id != id, e.current != nil { _ = e.accept("skip") }
    return e
  }

  // MARK: text

  @Test func textIsRecordedAndMovesOn() {
    var e = engine()
    let step = e.accept("  Wang Li  ")
    #expect(step.problem == nil)
    #expect(step.record?.prompt.id == "name")
    #expect(step.record?.value == .text("Wang Li"))
    #expect(e.current?.id == "items")
    #expect(e.answers["name"] == .text("Wang Li"))
    #expect(e.recordedIDs == ["name"])
    #expect(step.output.plain.contains("Who decides? One per line."))
  }

  @Test func emptyLineOnAnEmptyTextPromptMovesOnWithoutRecording() {
    var e = engine()
    let step = e.accept("")
    #expect(step.record == nil)
    #expect(e.current?.id == "items")
    #expect(e.answers["name"] == nil)
  }

  // MARK: list

  @Test func listTakesOneItemPerLineClearEmptiesAndAnEmptyLineEndsIt() {
    var e = engine(at: "items")
    var step = e.accept("Wang Li, CFO")
    #expect(step.record?.value == .list(["Wang Li, CFO"]))
    #expect(step.output.plain == "  + Wang Li, CFO")
    #expect(e.current?.id == "items")
    step = e.accept("Zhao Min, plant manager")
    #expect(step.record?.value == .list(["Wang Li, CFO", "Zhao Min, plant manager"]))
    step = e.accept("clear")
    #expect(step.record?.value == .list([]))
    #expect(step.output.plain.contains("The list is empty now."))
    #expect(e.current?.id == "items")
    _ = e.accept("Li Lei")
    step = e.accept("")
    #expect(step.record == nil)
    #expect(e.current?.id == "industry")
    #expect(e.answers["items"] == .list(["Li Lei"]))
  }

  @Test func listItemsAreAddedToTheItemsAlreadyThereAndChineseClearWorks() {
    var e = engine(["name": .text("x"), "items": .list(["A"])], .zh)
    #expect(e.current?.id == "industry")
    _ = e.accept("返回")
    #expect(e.renderCurrent().plain.contains("当前：1. A"))
    #expect(e.accept("B").record?.value == .list(["A", "B"]))
    let step = e.accept("清空")
    #expect(step.record?.value == .list([]))
    #expect(step.output.plain.contains("列表已清空。"))
  }

  @Test func clearIsAnOrdinaryAnswerOutsideAListPrompt() {
    var e = engine()
    #expect(e.accept("clear").record?.value == .text("clear"))
  }

  // MARK: choice

  @Test(arguments: [
    ("2", "finance"), ("finance", "finance"), ("FIN", "finance"), ("Manu", "manufacturing"),
    ("gov", "government"), ("Internet", "internet"), ("５", "other"), (" 1 ", "manufacturing"),
  ])
  func choiceByNumberIdOrLabelPrefix(_ typed: String, _ id: String) {
    var e = engine(at: "industry")
    let step = e.accept(typed)
    #expect(step.problem == nil)
    #expect(step.record?.value == .choice(id))
    #expect(e.current?.id == "influence")
  }

  @Test(arguments: ["foo", "0", "6", "banking"])
  func aWrongChoiceIsReaskedWithTheChoicesNamed(_ typed: String) {
    var e = engine(at: "industry")
    let step = e.accept(typed)
    #expect(step.record == nil)
    #expect(step.problem?.plain == "‘\(typed)’ is not one of the choices: type a number from 1 to 5, or one of manufacturing, finance, internet, government, other.")
    #expect(e.current?.id == "industry")
    #expect(step.output.plain.contains("Which industry?"))
    #expect(step.output.plain.contains("  1  Manufacturing — Cost efficiency."))
    #expect(e.answers["industry"] == nil)
  }

  @Test func anAmbiguousPrefixIsNotGuessed() {
    let options = [ChoiceOption(id: "supporter", label: "Supporter"), ChoiceOption(id: "skeptic", label: "Skeptic")]
    #expect(AnswerParsing.choice("s", options: options) == nil)
    #expect(AnswerParsing.choice("sk", options: options)?.id == "skeptic")
    #expect(AnswerParsing.choice("", options: options) == nil)
  }

  @Test func chineseLabelsAreAcceptedByTheirStart() {
    let options = [ChoiceOption(id: "manufacturing", label: "制造业"), ChoiceOption(id: "finance", label: "金融业")]
    #expect(AnswerParsing.choice("制造", options: options)?.id == "manufacturing")
    #expect(AnswerParsing.choice("金融业", options: options)?.id == "finance")
    #expect(AnswerParsing.choice("互联网", options: options) == nil)
  }

  @Test func theChoiceMessageInChinese() {
    var e = engine(at: "industry", [:], .zh)
    let step = e.accept("银行")
    #expect(step.problem?.plain == "‘银行’ 不是可选项：请输入 1 到 5 的数字，或 manufacturing, finance, internet, government, other 之一。")
    #expect(e.current?.id == "industry")
  }

  // MARK: scale

  @Test(arguments: [("1", 1), ("5", 5), (" 3 ", 3), ("５", 5), ("２", 2), ("五", 5), ("三", 3)])
  func scaleAcceptsOneToFiveIncludingFullWidthDigits(_ typed: String, _ n: Int) {
    var e = engine(at: "influence")
    let step = e.accept(typed)
    #expect(step.record?.value == .scale(n))
    #expect(e.current?.id == "budget")
  }

  @Test(arguments: ["0", "6", "five", "3.5", "-1", "六"])
  func scaleRejectsAnythingElse(_ typed: String) {
    var e = engine(at: "influence")
    let step = e.accept(typed)
    #expect(step.record == nil)
    #expect(step.problem?.plain == "‘\(typed)’ is not a score: type a whole number from 1 to 5.")
    #expect(e.current?.id == "influence")
    #expect(step.output.plain.contains("How much weight?"))
    #expect(step.output.plain.contains("1 = Little … 5 = Decisive"))
  }

  @Test func scaleMessageInChinese() {
    var e = engine(at: "influence", [:], .zh)
    #expect(e.accept("六").problem?.plain == "‘六’ 不是有效评分：请输入 1 到 5 的整数。")
  }

  // MARK: amount

  @Test(
    arguments: [
      ("120000", 120_000.0, nil), ("120,000 CNY", 120_000, "CNY"), ("¥12万", 120_000, "CNY"), ("$1.2m", 1_200_000, "USD"),
      ("1.5亿", 150_000_000, nil), ("120k", 120_000, nil), ("3.5 million", 3_500_000, nil), ("EUR 80 000", 80_000, "EUR"),
      ("人民币200万", 2_000_000, "CNY"), ("１２万", 120_000, nil), ("￥1,000", 1_000, "CNY"), ("500元", 500, "CNY"),
    ] as [(String, Double, String?)])
  func amountsWithCurrenciesAndMultipliers(_ typed: String, _ value: Double, _ currency: String?) {
    let parsed = AnswerParsing.amount(typed)
    #expect(parsed?.value == value)
    #expect(parsed?.currency == currency)
    var e = engine(at: "budget")
    #expect(e.accept(typed).record?.value == .amount(value, currency: currency))
    #expect(e.current?.id == "go-live")
  }

  @Test(arguments: ["rubbish", "about a million", "12 apples", "CNY", "1.2.3", "¥"])
  func rubbishIsNotAnAmount(_ typed: String) {
    #expect(AnswerParsing.amount(typed) == nil)
    var e = engine(at: "budget")
    let step = e.accept(typed)
    #expect(step.record == nil)
    #expect(step.problem?.plain == "‘\(typed)’ is not an amount: type a number, optionally with a currency, e.g. 120000 CNY or $1.2m.")
    #expect(e.current?.id == "budget")
    #expect(step.output.plain.contains("An amount, e.g. 120000, 120,000 CNY, ¥12万, $1.2m"))
  }

  @Test func amountMessageInChinese() {
    var e = engine(at: "budget", [:], .zh)
    #expect(e.accept("很多").problem?.plain == "‘很多’ 不是有效金额：请输入数字，可带货币，例如 120000 CNY 或 ¥12万。")
  }

  @Test func amountsMayBeTextForNegotiationTerms() {
    var e = engine(at: "budget")
    e.amountsMayBeText = true
    #expect(e.renderCurrent().plain.contains("or words where the term is not a number"))
    let step = e.accept("net 30 after acceptance")
    #expect(step.problem == nil)
    #expect(step.record?.value == .text("net 30 after acceptance"))
    var numeric = engine(at: "budget")
    numeric.amountsMayBeText = true
    #expect(numeric.accept("36").record?.value == .amount(36, currency: nil))
  }

  // MARK: date

  @Test(arguments: [
    ("2026-12-15", "2026-12-15"), ("2026/12/1", "2026-12-01"), ("2026年12月1日", "2026-12-01"),
    ("2026.12.01", "2026-12-01"), ("２０２６／１２／０１", "2026-12-01"), ("2028-02-29", "2028-02-29"),
    ("2026年3月5号", "2026-03-05"),
  ])
  func datesInTheFormsRepsType(_ typed: String, _ day: String) {
    #expect(AnswerParsing.date(typed)?.description == day)
    var e = engine(at: "go-live")
    #expect(e.accept(typed).record?.value == .date(day))
    #expect(e.current?.id == "notes")
  }

  @Test(arguments: ["2026-02-30", "2026-2-29", "2026-13-01", "12/01/2026", "26-12-01", "next Tuesday", "2026-12"])
  func impossibleOrUnreadableDatesAreReasked(_ typed: String) {
    #expect(AnswerParsing.date(typed) == nil)
    var e = engine(at: "go-live")
    let step = e.accept(typed)
    #expect(step.record == nil)
    // A date-shaped answer that is not a real day gets its own message; anything else the format.
    let impossible = ["2026-02-30", "2026-2-29", "2026-13-01"].contains(typed)
    #expect(
      step.problem?.plain
        == (impossible
          ? "‘\(typed)’ is not a day in the calendar; check the month and day."
          : "‘\(typed)’ is not a date: type it as YYYY-MM-DD, e.g. 2026-12-15."))
    #expect(e.current?.id == "go-live")
    #expect(step.output.plain.contains("By when?"))
  }

  @Test func dateMessageInChinese() {
    var e = engine(at: "go-live", [:], .zh)
    #expect(e.accept("2026-02-30").problem?.plain == "‘2026-02-30’ 不是日历上存在的日期，请检查月份和日期。")
    #expect(e.accept("下周二").problem?.plain == "‘下周二’ 不是有效日期：请按 YYYY-MM-DD 输入，例如 2026-12-15。")
  }

  // MARK: control words

  static func controlName(_ c: WalkEngine.Control?) -> String {
    switch c {
    case .help?: return "help"
    case .back?: return "back"
    case .skip?: return "skip"
    case .done?: return "done"
    case .clear?: return "clear"
    case nil: return "none"
    }
  }

  @Test(arguments: [
    ("?", "help"), ("？", "help"), ("help", "help"), ("帮助", "help"), ("提示", "help"),
    ("back", "back"), ("BACK", "back"), (" back ", "back"), ("返回", "back"), ("上一步", "back"),
    ("skip", "skip"), ("跳过", "skip"), ("done", "done"), ("Done", "done"), ("完成", "done"), ("结束", "done"),
    ("clear", "clear"), ("清空", "clear"),
  ])
  func controlWords(_ word: String, _ control: String) {
    #expect(Self.controlName(WalkEngine.control(word)) == control)
  }

  @Test(arguments: ["backlog", "skipped", "done deal", "", "返回吧", "what?"])
  func wordsThatAreNotControls(_ word: String) {
    #expect(WalkEngine.control(word) == nil)
  }

  @Test func questionMarkShowsTheHintAndExamplesAndKeepsThePrompt() {
    var e = engine()
    let step = e.accept("?")
    #expect(step.record == nil)
    #expect(e.current?.id == "name")
    let text = step.output.plain
    #expect(text.contains("Six to eight people take part."))
    #expect(text.contains("Open questions:\n  • Who else is involved?"))
    #expect(text.contains("Verification questions:\n  • So it is Wang Li, right?"))
    #expect(text.hasSuffix("What is the person's name?"))
    var zh = engine([:], .zh)
    // (The Chinese heading ends in an ASCII colon, "开放性问题:" — a rough edge.)
    #expect(zh.accept("？").output.plain.contains("开放性问题"))
  }

  @Test func questionMarkWithoutAHintSaysSo() {
    var e = engine(at: "industry")
    #expect(e.accept("?").output.plain.hasPrefix("No hint for this one: answer in your own words."))
    var zh = engine(at: "industry", [:], .zh)
    #expect(zh.accept("?").output.plain.hasPrefix("这一项没有提示：用自己的话回答即可。"))
  }

  @Test func backAtTheFirstPromptSaysSoAndStays() {
    var e = engine()
    let step = e.accept("back")
    #expect(e.index == 0)
    #expect(step.output.plain.hasPrefix("This is the first prompt.\n"))
    #expect(step.output.plain.contains("What is the person's name?"))
    var zh = engine([:], .zh)
    #expect(zh.accept("返回").output.plain.hasPrefix("这已经是第一项。\n"))
    #expect(zh.index == 0)
  }

  @Test func backReturnsToThePreviousPromptShowingItsAnswer() {
    var e = engine()
    _ = e.accept("Wang Li")
    let step = e.accept("back")
    #expect(e.current?.id == "name")
    #expect(step.output.plain.contains("now: Wang Li"))
    #expect(e.accept("").record == nil)
    #expect(e.answers["name"] == .text("Wang Li"))
    #expect(e.current?.id == "items")
    var zh = engine([:], .zh)
    _ = zh.accept("王总")
    _ = zh.accept("上一步")
    #expect(zh.current?.id == "name")
  }

  @Test func skipMovesOnAndKeepsWhatWasThere() {
    var e = engine(at: "industry", ["industry": .choice("finance")])
    let step = e.accept("skip")
    #expect(step.record == nil)
    #expect(e.current?.id == "influence")
    #expect(e.answers["industry"] == .choice("finance"))
    var zh = engine([:], .zh)
    _ = zh.accept("跳过")
    #expect(zh.current?.id == "items")
  }

  @Test func doneLeavesEarlyWithWhatWasAnswered() {
    var e = engine()
    _ = e.accept("Wang Li")
    let step = e.accept("done")
    #expect(step.record == nil)
    #expect(step.output.spans.isEmpty)
    #expect(e.finished)
    #expect(e.leftEarly)
    #expect(e.answers["name"] == .text("Wang Li"))
    #expect(e.recordedIDs == ["name"])
    var zh = engine([:], .zh)
    _ = zh.accept("完成")
    #expect(zh.finished && zh.leftEarly)
  }

  @Test func doneAtTheAnsweredLastPromptIsNotLeavingEarly() {
    var e = engine(at: "notes", ["notes": .text("x")])
    _ = e.accept("done")
    #expect(e.finished)
    #expect(!e.leftEarly)
    var empty = engine(at: "notes")
    _ = empty.accept("done")
    #expect(empty.leftEarly)
  }

  // MARK: Enter keeps

  @Test func enterKeepsTheCurrentAnswerOfEveryKind() {
    let answers: [String: AnswerValue] = [
      "name": .text("Wang Li"), "items": .list(["A", "B"]), "industry": .choice("finance"), "influence": .scale(4),
      "budget": .amount(120_000, currency: "CNY"), "go-live": .date("2026-12-01"), "notes": .text("n"),
    ]
    var e = engine(answers)
    #expect(e.index == 0)
    for _ in 0..<7 {
      let before = e.current
      #expect(e.renderCurrent().plain.contains("now: "))
      #expect(e.accept("").record == nil, "prompt \(before?.id ?? "")")
    }
    #expect(e.finished)
    #expect(!e.leftEarly)
    #expect(e.answers == answers)
    #expect(e.recordedIDs.isEmpty)
  }

  @Test func theCurrentAnswerIsShownAsTheRepWouldReadIt() {
    let e = engine()
    let p = Self.demoWalk().prompts
    #expect(e.describe(.choice("finance"), for: p[2]) == "Finance")
    #expect(e.describe(.list(["A", "B"]), for: p[1]) == "1. A  2. B")
    #expect(e.describe(.scale(4), for: p[3]) == "4/5")
    #expect(e.describe(.amount(1_200_000, currency: "USD"), for: p[4]) == "1,200,000 USD")
    #expect(e.describe(.date("2026-12-01"), for: p[5]) == "2026-12-01")
  }

  // MARK: rendering

  @Test func theOpeningShowsGoalTasksControlsGroupAndProgress() {
    var e = engine()
    // The controls line wraps at the engine's width; compare it with the line breaks folded.
    let text = e.start().plain
    let folded = text.replacingAll("\n", with: " ")
    #expect(text.hasPrefix("Demo\nGoal: Try every kind.\n  • First task\n"))
    #expect(folded.contains("(? help · back · skip · done · Enter keeps the answer · Ctrl-C on an empty line leaves, everything is saved)"))
    #expect(text.contains("\nPeople\nWho is who.\n"))
    #expect(text.contains("░░░░░░░░░░ Demo · People · 1 of 7\nWhat is the person's name?"))
    var second = e
    _ = second.accept("x")
    // The group heading is shown once, not again for the next prompt of the same group.
    #expect(!second.renderCurrent().plain.contains("Who is who."))
    var zh = engine([:], .zh)
    let zhText = zh.start().plain.replacingAll("\n", with: "")
    #expect(zhText.contains("目标：Try every kind."))
    // (a line may break at the space before "Ctrl-C": compare without spaces)
    #expect(zhText.replacingAll(" ", with: "").contains("（?提示·back上一步·skip跳过·done结束·Enter保留原答案·空行时Ctrl-C离开，所有内容均已保存）"))
    #expect(zhText.contains("Demo · People · 第 1/7 项"))  // (line breaks folded above)
  }

  @Test func kindHintsUnderThePrompt() {
    var e = engine(at: "items")
    #expect(e.renderCurrent().plain.contains("One item per line; an empty line ends the list (`clear` empties it)."))
    e = engine(at: "go-live")
    #expect(e.renderCurrent().plain.contains("A date, e.g. 2026-12-15, 15 Dec, next Tuesday, in 2 weeks, end of month"))
    var zh = engine(at: "go-live", [:], .zh)
    #expect(zh.renderCurrent().plain.contains("日期，例如 2026-12-15、12月15日、下周二、两周后、月底"))
  }

  @Test func tabOffersTheOptionIdsOfAChoice() {
    let e = engine(at: "industry")
    #expect(e.completions(for: "f") == ["finance"])
    #expect(e.completions(for: "") == Self.industries.map(\.id))
    #expect(engine().completions(for: "W").isEmpty)
  }

  // MARK: resume

  @Test func resumesAtTheFirstUnansweredNonOptionalPrompt() {
    var e = engine(["name": .text("Wang Li"), "items": .list(["A"]), "influence": .scale(3)])
    #expect(e.current?.id == "industry")
    #expect(e.unansweredPrompts.map(\.id) == ["industry", "budget", "go-live"])
    #expect(!e.allAnswered)
    #expect(e.start().plain.contains("3 of 7 answered; picking up at the first open one."))
    var zh = engine(["name": .text("王总")], .zh)
    #expect(zh.start().plain.contains("已答 1/7；从第一个未答的问题继续。"))
  }

  @Test func anEmptyAnswerCountsAsUnanswered() {
    let e = engine(["name": .text(""), "items": .list([])])
    #expect(e.current?.id == "name")
  }

  @Test func optionalPromptsDoNotHoldTheResumeAndAFullWalkStartsAtTheTop() {
    let all: [String: AnswerValue] = [
      "name": .text("a"), "items": .list(["b"]), "industry": .choice("other"), "influence": .scale(1),
      "budget": .amount(1, currency: nil), "go-live": .date("2026-12-01"),
    ]
    var e = engine(all)
    #expect(e.allAnswered)
    #expect(e.index == 0)
    #expect(e.start().plain.contains("Every prompt has an answer; Enter keeps each one, or type a new one."))
  }

  @Test func theProfileWalkResumesAfterTheClassificationsAlreadyInThePlan() throws {
    let book = Fixtures.playbook(.en)
    let walk = try #require(book.walks["profile"])
    var plan = AccountPlan(id: "acme", name: "Acme", createdAt: Timestamp(iso8601: "2026-11-23T09:00:00Z")!)
    plan.account.tier = .a
    plan.account.industry = .manufacturing
    let e = WalkEngine(walk: walk, answers: PlanPatch.answers(for: walk.prompts, from: plan), l: L10n(.en))
    #expect(e.current?.id == "cooperation-stage")
    #expect(e.answers["tier"] == .choice("A"))
  }

  // MARK: reject, record, leave

  @Test func rejectTakesTheAnswerBackAndReturnsToItsPrompt() throws {
    var e = engine()
    let step = e.accept("Wang Li")
    let prompt = try #require(step.record?.prompt)
    e.reject(prompt, restoring: nil)
    #expect(e.current?.id == "name")
    #expect(e.answers["name"] == nil)
    #expect(e.recordedIDs.isEmpty)
    #expect(!e.finished)
    var edit = engine(["name": .text("Old Name")])
    _ = edit.accept("back")
    #expect(edit.current?.id == "name")
    _ = edit.accept("Taken Name")
    edit.reject(prompt, restoring: .text("Old Name"))
    #expect(edit.answers["name"] == .text("Old Name"))
    #expect(edit.index == 0)
  }

  @Test func rejectAfterTheLastPromptReopensTheWalk() throws {
    var e = engine(at: "notes")
    let step = e.accept("last words")
    #expect(e.finished)
    e.reject(try #require(step.record?.prompt), restoring: nil)
    #expect(!e.finished)
    #expect(e.current?.id == "notes")
  }

  @Test func recordSavesAnAnswerGivenOutsideTheEngineAndMovesOn() {
    var e = engine(at: "industry")
    let step = e.record(.choice("finance"), output: StyledText("That makes them: Finance"))
    #expect(step.record?.prompt.id == "industry")
    #expect(step.record?.value == .choice("finance"))
    #expect(step.output.plain.hasPrefix("That makes them: Finance"))
    #expect(step.output.plain.contains("How much weight?"))
    #expect(e.current?.id == "influence")
    #expect(e.recordedIDs == ["industry"])
  }

  @Test func leaveEndsTheWalkAndSaysWhetherItWasEarly() {
    var e = engine()
    e.leave()
    #expect(e.finished && e.leftEarly)
    var whole = engine(at: "notes")
    _ = whole.accept("x")
    whole.leave()
    #expect(whole.finished && !whole.leftEarly)
    let after = whole.accept("more")
    #expect(after.record == nil)
  }

  @Test func finishingTheLastPromptEndsTheWalkWithoutAnotherPrompt() {
    var e = engine(at: "notes")
    let step = e.accept("x")
    #expect(e.finished)
    #expect(!e.leftEarly)
    #expect(step.output.spans.isEmpty)
    #expect(e.current == nil)
  }
}

/// Reading and writing the plan fields that prompts name in `fills`.
@Suite struct PlanPatchWalkEngineTests {
  static let time = "2026-11-23T09:00:00Z"
  func plan() -> AccountPlan { AccountPlan(id: "acme", name: "Acme", createdAt: Timestamp(iso8601: Self.time)!) }

  @Test func accountFieldsRoundTripWithTheirTime() {
    var p = plan()
    PlanPatch.apply(.choice("A"), to: "account.tier", in: &p, at: Self.time)
    PlanPatch.apply(.choice("finance"), to: "account.industry", in: &p, at: Self.time)
    PlanPatch.apply(.choice("mature"), to: "account.cooperationStage", in: &p, at: Self.time)
    PlanPatch.apply(.choice("hybrid"), to: "account.decisionMode", in: &p, at: Self.time)
    PlanPatch.apply(.text("Budget set in March"), to: "account.portrait.budget", in: &p, at: Self.time)
    #expect(p.account.tier == .a && p.account.industry == .finance && p.account.cooperationStage == .mature && p.account.decisionMode == .hybrid)
    #expect(p.account.answeredAt["tier"] == Self.time && p.account.answeredAt["decisionMode"] == Self.time)
    #expect(p.account.portrait.answers[.budget] == "Budget set in March")
    #expect(p.account.portrait.answeredAt["budget"] == Self.time)
    #expect(PlanPatch.read("account.tier", from: p) == .choice("A"))
    #expect(PlanPatch.read("account.portrait.budget", from: p) == .text("Budget set in March"))
    #expect(PlanPatch.read("account.portrait.competition", from: p) == nil)
  }

  @Test func anUnknownChoiceLeavesTheFieldEmpty() {
    var p = plan()
    PlanPatch.apply(.choice("Banking & Co"), to: "account.industry", in: &p, at: Self.time)
    #expect(p.account.industry == nil)
    PlanPatch.apply(.choice("Z"), to: "account.tier", in: &p, at: Self.time)
    #expect(p.account.tier == nil)
    // An industry a trainer's playbook adds is an id like any other.
    PlanPatch.apply(.choice("banking"), to: "account.industry", in: &p, at: Self.time)
    #expect(p.account.industry?.rawValue == "banking")
  }

  @Test func valueScoresTakeOnlyScales() {
    var p = plan()
    PlanPatch.apply(.scale(4), to: "valueAssessment.current.annualPurchases", in: &p, at: Self.time)
    PlanPatch.apply(.text("4"), to: "valueAssessment.current.paymentTerms", in: &p, at: Self.time)
    #expect(p.valueAssessment.score(.current, "annualPurchases") == 4)
    #expect(p.valueAssessment.score(.current, "paymentTerms") == nil)
    #expect(PlanPatch.read("valueAssessment.current.annualPurchases", from: p) == .scale(4))
  }

  @Test func discoveryAnswersKeepTheirKindAndTime() {
    var p = plan()
    PlanPatch.apply(.list(["A", "B"]), to: "discovery.initial-contact.key-decision-makers", in: &p, at: Self.time)
    PlanPatch.apply(.amount(120_000, currency: "CNY"), to: "discovery.needs-confirmation.budget", in: &p, at: Self.time)
    #expect(p.discovery[.initialContact].answers["key-decision-makers"] == .list(["A", "B"]))
    #expect(p.discovery[.initialContact].answeredAt["key-decision-makers"] == Self.time)
    #expect(p.discovery[.needsConfirmation].answers["budget"] == .amount(120_000, currency: "CNY"))
    #expect(p.discovery[.initialContact].completedAt == nil)
    #expect(PlanPatch.read("discovery.needs-confirmation.budget", from: p) == .amount(120_000, currency: "CNY"))
  }

  @Test func commonInterestsAndUnknownFields() {
    var p = plan()
    PlanPatch.apply(.list(["Go live before peak"]), to: "negotiation.commonInterests", in: &p, at: Self.time)
    #expect(p.negotiation.commonInterests == ["Go live before peak"])
    #expect(p.negotiation.answeredAt["commonInterests"] == Self.time)
    let before = p.json
    PlanPatch.apply(.text("x"), to: "nowhere.field", in: &p, at: Self.time)
    PlanPatch.apply(.text("x"), to: "account", in: &p, at: Self.time)
    PlanPatch.apply(.text("x"), to: "discovery.no-such-stage.x", in: &p, at: Self.time)
    #expect(p.json == before)
    #expect(PlanPatch.read("nowhere.field", from: p) == nil)
  }

  @Test func answersAsTextAndNumbers() {
    #expect(PlanPatch.text(.list(["a", "b"])) == "a; b")
    #expect(PlanPatch.text(.amount(120_000, currency: "CNY")) == "120,000 CNY")
    #expect(PlanPatch.text(.scale(4)) == "4")
    #expect(PlanPatch.text(.text("")) == nil)
    #expect(PlanPatch.number(.text("¥12万")) == 120_000)
    #expect(PlanPatch.number(.text("soon")) == nil)
  }

  @Test func itemFields() {
    var s = Stakeholder(name: "Wang Li")
    s.apply("role", .choice("financial"), at: Self.time)
    s.apply("influence", .scale(4), at: Self.time)
    s.apply("attitude", .choice("skeptic"), at: Self.time)
    s.apply("title", .text("CFO"), at: Self.time)
    #expect(s.role == .financial && s.influence == 4 && s.attitude == .skeptic && s.title == "CFO")
    #expect(s.answeredAt["role"] == Self.time)
    #expect(s.read("influence") == .scale(4) && s.read("role") == .choice("financial"))

    var o = Objective(term: .price)
    o.apply("best", .amount(1_200_000, currency: "CNY"), at: Self.time)
    o.apply("walkAway", .text("list price minus 10%"), at: Self.time)
    o.apply("better", .choice("higher"), at: Self.time)
    #expect(o.best == .number(1_200_000) && o.unit == "CNY")
    #expect(o.walkAway == .text("list price minus 10%"))
    #expect(o.better == .higher)
    #expect(o.read("best") == .amount(1_200_000, currency: nil))

    var b = BATNASide()
    b.apply("value", .amount(950_000, currency: nil), at: Self.time)
    b.apply("description", .text("Renew with the current vendor"), at: Self.time)
    #expect(b.value == 950_000 && b.description == "Renew with the current vendor")

    var c = Concession(order: 1)
    c.apply("costToUs", .text("2万"), at: Self.time)
    c.apply("get", .text("A 3-year contract"), at: Self.time)
    #expect(c.costToUs == 20_000 && c.get == "A 3-year contract")

    var t = TeamMember(name: "Li Lei")
    t.apply("role", .choice("lead"), at: Self.time)
    #expect(t.role == .lead && t.read("name") == .text("Li Lei"))

    var objection = Objection(statement: "Too expensive", category: .price, createdAt: Self.time)
    objection.apply("raisedBy", .text("Wang Li"), at: Self.time)
    #expect(objection.raisedBy == "Wang Li" && objection.answeredAt["raisedBy"] == Self.time)

    #expect(Prompt(id: "r", kind: .choice, fills: "stakeholder.role", text: "").itemField == "role")
    #expect(Prompt(id: "v", kind: .amount, fills: "batna.ours.value", text: "").itemField == "ours.value")
  }
}
