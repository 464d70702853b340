/// A guided walk through a playbook's prompts, as a pure state machine: it renders the current
/// prompt with its context and maps one typed line to the next state and what to save.
///
/// Control words at any prompt: `?` (hint and example questions), `back`, `skip`, `done`; an
/// empty line keeps the current answer (and ends a list). Chinese users may also type `？`,
/// `返回`/`上一步`, `跳过`, `完成`/`结束`.
public struct WalkEngine: Sendable {
  public let walk: Walk
  public let l: L10n
  /// Shown above each prompt: the module or item the walk belongs to (e.g. "Stakeholder: 王总").
  public var context: String
  /// Which prompts to ask, in order (by default all of them).
  public let prompts: [Prompt]
  public private(set) var index: Int
  /// The answers as they stand, by prompt id (from the plan, then as recorded).
  public private(set) var answers: [String: AnswerValue]
  public private(set) var finished = false
  /// Set when the rep left with `done` before the last prompt (or left with Ctrl-C).
  public private(set) var leftEarly = false
  /// Set when the rep typed `done` before the last prompt (not when the walk was left from
  /// outside): a series of walks ends with it.
  public private(set) var leftWithDone = false
  /// Columns to wrap text to (the terminal's width).
  public var width = 80
  /// Accept text where an amount does not parse (negotiation terms that are not numeric).
  public var amountsMayBeText = false
  /// The plan's industry id: `?` then shows that industry's hint and example questions where
  /// the playbook has them.
  public var industry: String?
  /// Prompts answered in this visit, in order.
  public private(set) var recordedIDs: [String] = []
  /// The day relative dates are counted from (`tomorrow`, `下周二`): the session clock's today.
  public var today: CalendarDay?
  /// The currency an amount without one is stored in (the rep's setting).
  public var defaultCurrency: String?
  /// An answer two readings fit, waiting for the rep to pick one (`1` or `2`).
  public private(set) var pendingReadings: [(value: AnswerValue, echo: String, estimate: Bool)] = []
  private var lastGroupShown: String?
  /// Where this walk stands in a longer series (a debrief's parts), when it is one of several:
  /// its label replaces the context, and the bar shows the whole series.
  public var series: SeriesProgress?

  public init(walk: Walk, prompts: [Prompt]? = nil, answers: [String: AnswerValue], context: String? = nil, l: L10n) {
    self.walk = walk
    self.prompts = prompts ?? walk.prompts
    self.answers = answers
    self.context = context ?? walk.title
    self.l = l
    let firstOpen = self.prompts.firstIndex { p in !p.optional && (answers[p.id]?.isEmpty ?? true) }
    index = firstOpen ?? 0
  }

  /// The result of one typed line.
  public struct Step: Sendable {
    /// What to print: feedback, then the next prompt (or nothing when the walk ended).
    public var output = StyledText()
    /// The answer as it was stored ("= 1,050,000 CNY", "= Tue 2026-12-15"), for amounts, units and dates.
    public var echo: String?
    /// The recorded amount was given as an estimate ("about 1.2M", "约120万").
    public var approximate = false
    /// Feedback that belongs on stderr (an answer that was not accepted).
    public var problem: StyledText?
    /// An answer to save now.
    public var record: (prompt: Prompt, value: AnswerValue)?
    /// The item this line added to a list (its output is then just the "  + item" line).
    public var addedItem: String?
  }

  public var current: Prompt? { index < prompts.count ? prompts[index] : nil }
  public var allAnswered: Bool { prompts.allSatisfy { $0.optional || !(answers[$0.id]?.isEmpty ?? true) } }
  public var unansweredPrompts: [Prompt] { prompts.filter { !$0.optional && (answers[$0.id]?.isEmpty ?? true) } }

  // MARK: rendering

  /// The walk's opening: title, goal, tasks, how to move around, then the first prompt.
  public mutating func start() -> StyledText {
    var out = StyledText(walk.title, .heading)
    if let goal = walk.goal { out.append("\n" + Wrap.text(l.t("Goal: ", "目标：") + goal, width: width)) }
    if !walk.tasks.isEmpty {
      for task in walk.tasks { out.append("\n" + Wrap.text("• " + task, width: width, indent: "  ")) }
    }
    let answered = prompts.filter { !(answers[$0.id]?.isEmpty ?? true) }.count
    if answered > 0 {
      out.append("\n")
      out.append(
        allAnswered
          ? l.t("Every prompt has an answer; Enter keeps each one, or type a new one.", "每个问题都已有答案；按 Enter 保留，或输入新答案。")
          : l.t("\(answered) of \(prompts.count) answered; picking up at the first open one.", "已答 \(answered)/\(prompts.count)；从第一个未答的问题继续。"), .dim)
    }
    out.append("\n")
    out.append(
      Wrap.text(
        l.t(
          "(? help · back · skip · done · Enter keeps the answer · Ctrl-C on an empty line leaves, everything is saved)",
          "（? 提示 · back 上一步 · skip 跳过 · done 结束 · Enter 保留原答案 · 空行时 Ctrl-C 离开，所有内容均已保存）"), width: width), .dim)
    return out + "\n" + renderCurrent()
  }

  /// The current prompt with its context, kind and the answer already there.
  public mutating func renderCurrent() -> StyledText {
    guard let p = current else { return StyledText() }
    var out = StyledText()
    if let groupID = p.group, groupID != lastGroupShown, let group = walk.group(groupID) {
      lastGroupShown = groupID
      out.append("\n" + group.title, .bold)
      if let intro = group.intro { out.append("\n" + Wrap.text(intro, width: width), .dim) }
      out.append("\n")
    }
    var progress = series?.label ?? context
    if let group = walk.group(p.group), walk.title == context, series == nil { progress += " · " + group.title }
    // In a series a walk of one prompt needs no "1 of 1": the series' label says where it is.
    if series == nil || prompts.count > 1 { progress += " · " + l.t("\(index + 1) of \(prompts.count)", "第 \(index + 1)/\(prompts.count) 项") }
    // A series' line is long: it wraps under itself, past the bar.
    let bar = progressBar()
    var line = bar + " " + progress
    if series != nil {
      let hang = String(repeating: " ", count: DisplayWidth.of(bar) + 1)
      line = bar + " " + Wrap.lines(progress, width: width - hang.count).joined(separator: "\n" + hang)
    }
    out.append("\n" + line, .dim)
    out.append("\n" + Wrap.text(p.text, width: width), .bold)
    switch p.kind {
    case .choice:
      let width = String(p.options.count).count  // the number column
      let indent = String(repeating: " ", count: width + 4)
      for (i, option) in p.options.enumerated() {
        out.append("\n  " + DisplayWidth.padLeft("\(i + 1)", to: width) + "  ")
        let line = option.label + (option.note.map { " — " + $0 } ?? "")
        let wrapped = Wrap.lines(line, width: self.width - indent.count)
        out.append(wrapped.first ?? "")
        for more in wrapped.dropFirst() { out.append("\n" + indent + more, .dim) }
      }
    case .scale:
      let low = p.scaleLow.map { "1 = " + $0 } ?? "1 = " + l.t("low", "低")
      let high = p.scaleHigh.map { "5 = " + $0 } ?? "5 = " + l.t("high", "高")
      out.append("\n  " + low + " … " + high, .dim)
    case .list:
      out.append("\n  " + l.t("One item per line; an empty line ends the list (`clear` empties it).", "每行一项；空行结束（输入 `clear` 清空列表）。"), .dim)
    case .amount where amountsMayBeText:
      out.append("\n  " + l.t("A number (e.g. 120000, ¥12万, 36, 5 years) — or words where the term is not a number", "数字（例如 120000、¥12万、36、两年），条款不是数字时也可以写文字"), .dim)
    case .amount:
      out.append("\n  " + l.t("An amount, e.g. 120000, 120,000 CNY, ¥12万, $1.2m", "金额，例如 120000、120,000 CNY、¥12万、$1.2m"), .dim)
    case .date:
      if p.asksWhenItHappened {
        out.append("\n  " + l.t("A date, e.g. 2026-11-20, 20 Nov, yesterday, last Friday, 3 days ago", "日期，例如 2026-11-20、11月20日、昨天、上周五、三天前"), .dim)
      } else {
        out.append("\n  " + l.t("A date, e.g. 2026-12-15, 15 Dec, next Tuesday, in 2 weeks, end of month", "日期，例如 2026-12-15、12月15日、下周二、两周后、月底"), .dim)
      }
    case .text:
      break
    }
    if let answer = answers[p.id], !answer.isEmpty {
      out.append("\n  " + l.t("now: ", "当前：") + describe(answer, for: p), .accent)
    }
    return out
  }

  func progressBar() -> String {
    if let series { return Blocks.bar(series.done + series.share * Double(index) / Double(max(1, prompts.count)), of: series.total, width: 10) }
    // Where the rep is, like the "3 of 8" beside it: counting answers instead made the bar
    // jump after `skip` or `back` and show full at the first prompt of a walk done before.
    return Blocks.bar(Double(index), of: Double(max(1, prompts.count)), width: 10)
  }

  /// An answer as the rep would read it back.
  public func describe(_ answer: AnswerValue, for prompt: Prompt) -> String {
    switch answer {
    case .choice(let id):
      return prompt.options.first { $0.id == id }?.label ?? id
    case .list(let items):
      return items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "  ")
    default:
      return AnswerText.render(answer, l)
    }
  }

  /// The hint and example questions for the current prompt (`?`).
  public func help() -> StyledText {
    guard let p = current else { return StyledText() }
    var out = StyledText()
    let variant = p.variant(for: industry)
    if let hint = p.hint { out.append(Wrap.text(hint, width: width)) }
    if let hint = variant?.hint { out.append((out.spans.isEmpty ? "" : "\n") + Wrap.text(hint, width: width)) }
    let order: [QuestionType] = [.open, .leading, .verification, .value]
    for type in order {
      // The industry's own examples replace the general ones for that question type.
      guard let examples = variant?.examples[type] ?? p.examples[type], !examples.isEmpty else { continue }
      out.append("\n" + WalkEngine.typeName(type, l) + l.t(":", "："), .bold)
      for e in examples { out.append("\n" + Wrap.text("• " + e, width: width, indent: "  ")) }
    }
    if out.spans.isEmpty { out.append(l.t("No hint for this one: answer in your own words.", "这一项没有提示：用自己的话回答即可。"), .dim) }
    return out
  }

  static func typeName(_ t: QuestionType, _ l: L10n) -> String {
    switch t {
    case .open: return l.t("Open questions", "开放性问题")
    case .leading: return l.t("Leading questions", "引导性问题")
    case .verification: return l.t("Verification questions", "验证性问题")
    case .value: return l.t("Value questions", "价值性问题")
    }
  }

  // MARK: input

  public enum Control: Equatable { case help, back, skip, done, clear }

  public static func control(_ line: String) -> Control? {
    switch line.trimmingWhitespace.lowercased() {
    case "?", "？", "help", "帮助", "提示": return .help
    case "back", "返回", "上一步": return .back
    case "skip", "跳过": return .skip
    case "done", "完成", "结束": return .done
    case "clear", "清空": return .clear
    default: return nil
    }
  }

  /// Takes one typed line.
  public mutating func accept(_ line: String) -> Step {
    var step = Step()
    guard let p = current else {
      finished = true
      return step
    }
    let trimmed = AnswerParsing.tidy(line)
    let readings = pendingReadings
    pendingReadings = []
    if !readings.isEmpty, let n = Int(AnswerParsing.normalise(trimmed)), (1...readings.count).contains(n) {
      let (value, echo, estimate) = readings[n - 1]
      answers[p.id] = value
      note(p.id)
      step.record = (p, value)
      step.approximate = estimate
      return echoed(echo, advance(step))
    }
    switch WalkEngine.control(trimmed) {
    case .help?:
      step.output = help() + "\n" + renderCurrent()
      return step
    case .back?:
      if index > 0 { index -= 1 } else { step.output = StyledText(l.t("This is the first prompt.", "这已经是第一项。") + "\n", .dim) }
      step.output += renderCurrent()
      return step
    case .skip?:
      return advance(step)
    case .done?:
      leftEarly = index < prompts.count - 1 || !(answers[p.id].map { !$0.isEmpty } ?? false)
      leftWithDone = leftEarly
      finished = true
      return step
    case .clear? where p.kind == .list:
      answers[p.id] = .list([])
      step.record = (p, .list([]))
      step.output = StyledText(l.t("The list is empty now.", "列表已清空。"), .dim) + "\n" + renderCurrent()
      return step
    default:
      break
    }

    if p.kind == .list {
      guard !trimmed.isEmpty else { return advance(step) }
      var items: [String] = []
      if case .list(let existing)? = answers[p.id] { items = existing }
      items.append(trimmed)
      answers[p.id] = .list(items)
      note(p.id)
      step.record = (p, .list(items))
      step.output = StyledText("  + " + trimmed, .good)
      step.addedItem = trimmed
      return step
    }

    guard !trimmed.isEmpty else { return advance(step) }
    switch read(trimmed, for: p) {
    case .value(let value, let echo, let estimate):
      answers[p.id] = value
      note(p.id)
      step.record = (p, value)
      step.approximate = estimate
      guard let echo else { return advance(step) }
      return echoed(echo, advance(step))
    case .choose(let options):
      pendingReadings = options
      var out = StyledText(l.t("‘\(trimmed)’ can be read two ways:", "‘\(trimmed)’ 有两种理解："), .warn)
      for (i, option) in options.enumerated() { out.append("\n  \(i + 1)  " + option.echo) }
      out.append("\n" + l.t("Type 1 or 2, or write it again unambiguously.", "请输入 1 或 2，或换一种不会误解的写法重新输入。"), .dim)
      step.output = out
      return step
    case .problem(let problem):
      step.problem = problem.message
      step.output = renderCurrent()
      return step
    }
  }

  /// A step with the stored value echoed above what follows (`  = 1,050,000 CNY`).
  private func echoed(_ echo: String, _ step: Step) -> Step {
    var step = step
    step.echo = echo
    step.output = StyledText("  = " + echo, .good) + (step.output.spans.isEmpty ? StyledText() : "\n" + step.output)
    return step
  }

  enum Reading {
    case value(AnswerValue, echo: String?, estimate: Bool = false)
    case choose([(value: AnswerValue, echo: String, estimate: Bool)])
    case problem(ParseProblem)
  }

  /// Reads an answer: amounts, units and dates come back with the echo of what is stored, or
  /// with both readings when two fit.
  mutating func read(_ text: String, for p: Prompt) -> Reading {
    switch p.kind {
    case .amount: return readAmount(text, for: p)
    case .date:
      guard let today else { break }
      let past = p.asksWhenItHappened
      switch DateParser.read(text, today: today, past: past) {
      case .day(let d)? where past && d > today:
        return .problem(
          ParseProblem(
            l.t(
              "‘\(text)’ is \(DateParser.describe(d, l)), after today: this asks when it happened.",
              "‘\(text)’ 是 \(DateParser.describe(d, l))，晚于今天：这里问的是已经发生的日期。")))
      case .day(let d)?:
        // A quarter says which one it was read as (`= Wed 2027-03-31 (Q1 2027, read as its last day)`).
        let note = DateParser.note(text, today: today, l).map { l.t(" (", "（") + $0 + l.t(")", "）") } ?? ""
        return .value(.date(d.description), echo: DateParser.describe(d, l) + note)
      case .ambiguous(let a, let b)?:
        return .choose([(.date(a.description), DateParser.describe(a, l), false), (.date(b.description), DateParser.describe(b, l), false)])
      case .impossible?:
        return .problem(ParseProblem(l.t("‘\(text)’ is not a day in the calendar; check the month and day.", "‘\(text)’ 不是日历上存在的日期，请检查月份和日期。")))
      case nil:
        return .problem(
          ParseProblem(
            l.t(
              "‘\(text)’ is not a date: type e.g. 2026-12-15, 15 Dec, tomorrow, next Tuesday or in 2 weeks.",
              "‘\(text)’ 不是有效日期：请输入例如 2026-12-15、12月15日、明天、下周二 或 两周后。")))
      }
    default: break
    }
    switch parse(text, for: p) {
    case .success(let value): return .value(value, echo: nil)
    case .failure(let problem): return .problem(problem)
    }
  }

  private mutating func note(_ id: String) {
    if !recordedIDs.contains(id) { recordedIDs.append(id) }
  }

  private mutating func advance(_ step: Step) -> Step {
    var step = step
    index += 1
    if index >= prompts.count {
      finished = true
    } else {
      step.output += renderCurrent()
    }
    return step
  }

  /// An amount, or a span of time where the term is measured in days, weeks, months or years.
  /// Negotiation goals keep one unit per term: a figure in another unit is converted when that is
  /// exact (5 years = 60 months), sets the unit when it is the term's first figure, and is asked
  /// about otherwise.
  mutating func readAmount(_ text: String, for p: Prompt) -> Reading {
    let unitPrompt = prompts.first { $0.itemField == "unit" && $0.kind == .text }
    let unitText = unitPrompt.flatMap { answers[$0.id] }.flatMap(PlanPatch.text)
    let termUnit = unitText.flatMap(DurationUnit.init(word:))
    let unitCurrency = unitText.flatMap(AmountParser.currencyCode)
    let others = prompts.contains { q in
      guard q.id != p.id, q.kind == .amount, case .amount? = answers[q.id] else { return false }
      return true
    }
    func sameUnit(_ unit: String) -> ParseProblem {
      ParseProblem(
        l.t(
          "The other figures for this term are in \(unitText ?? ""); write this one in \(unitText ?? "") too (or change them first).",
          "这一条款的其他数字以“\(unitText ?? "")”为单位；这个也请用“\(unitText ?? "")”（或先修改其他数字）。"))
    }
    if let unitPrompt, let d = DurationParser.read(text, mMeansMonths: termUnit != nil) {
      if let termUnit, let factor = d.unit.exactly(in: termUnit) {
        let v = d.value * factor
        // `月` alone reads as a month of the year: a span is shown as 个月.
        let shown = l.lang == .zh && unitText == "月" ? "个月" : (unitText ?? "")
        var echo = Blocks.number(v) + " " + shown
        if d.unit != termUnit { echo += l.t(" (", "（") + Blocks.number(d.value) + " " + d.unit.word(l.lang) + l.t(")", "）") }
        return .value(.amount(v, currency: unitText), echo: echo)
      }
      guard !others || unitText == nil else { return .problem(sameUnit(unitText ?? "")) }
      let word = d.unit.word(l.lang)
      answers[unitPrompt.id] = .text(word)
      return .value(.amount(d.value, currency: word), echo: Blocks.number(d.value) + " " + word)
    }
    let moneySlot = unitPrompt == nil || unitCurrency != nil
    func stored(_ a: AmountParser.Amount) -> (AnswerValue, String) {
      var currency = a.currency ?? (moneySlot ? unitCurrency ?? defaultCurrency : nil)
      // The term's own word for its currency stays (`元` is CNY).
      if currency != nil, currency == unitCurrency { currency = unitText }
      var echo = (a.approximate ? l.t("about ", "约 ") : "") + Blocks.number(a.value)
      if let currency { echo += " " + currency } else if termUnit != nil, let unitText { echo += " " + unitText }
      return (.amount(a.value, currency: currency), echo)
    }
    switch AmountParser.read(text) {
    case .amount(let a)?:
      if let unitPrompt, let c = a.currency, c != unitCurrency {
        guard !others || unitText == nil else { return .problem(sameUnit(unitText ?? "")) }
        answers[unitPrompt.id] = .text(c)
      }
      let (value, echo) = stored(a)
      return .value(value, echo: echo, estimate: a.approximate)
    case .ambiguous(let a, let b)?:
      let first = stored(a)
      let second = stored(b)
      return .choose([(first.0, first.1, a.approximate), (second.0, second.1, b.approximate)])
    case .outOfRange?:
      return .problem(ParseProblem(NumberRange.problem(text).text(l.lang)))
    case nil:
      if amountsMayBeText { return .value(.text(text), echo: nil) }
      return .problem(
        ParseProblem(
          l.t(
            "‘\(text)’ is not an amount: type a number, optionally with a currency, e.g. 120000 CNY or $1.2m.",
            "‘\(text)’ 不是有效金额：请输入数字，可带货币，例如 120000 CNY 或 ¥12万。")))
    }
  }

  func parse(_ text: String, for p: Prompt) -> Result<AnswerValue, ParseProblem> {
    switch p.kind {
    case .text:
      return .success(.text(text))
    case .list:
      return .success(.list([text]))
    case .choice:
      if let option = AnswerParsing.choice(text, options: p.options) { return .success(.choice(option.id)) }
      let lower = AnswerParsing.normalise(text).lowercased()
      let candidates = p.options.filter { $0.id.lowercased().hasPrefix(lower) || $0.label.lowercased().hasPrefix(lower) }
      if candidates.count > 1 {
        let names = candidates.map(\.id).joined(separator: l.t(" or ", " 或 "))
        return .failure(ParseProblem(l.t("‘\(text)’ could be \(names): type more letters, or the number.", "‘\(text)’ 可能是 \(names)：请多输入几个字母，或输入编号。")))
      }
      if p.options.enumerated().allSatisfy({ $0.element.id == String($0.offset + 1) }) {
        // The ids are the numbers themselves: name what each number stands for instead.
        let each = p.options.map { "\($0.id) \($0.label)" }.joined(separator: l.t(", ", "，"))
        return .failure(
          ParseProblem(
            l.t("‘\(text)’ is not one of the choices: type a number from 1 to \(p.options.count) (\(each)).", "‘\(text)’ 不是可选项：请输入 1 到 \(p.options.count) 的数字（\(each)）。")))
      }
      let ids = p.options.map(\.id).joined(separator: ", ")
      return .failure(
        ParseProblem(
          l.t(
            "‘\(text)’ is not one of the choices: type a number from 1 to \(p.options.count), or one of \(ids).",
            "‘\(text)’ 不是可选项：请输入 1 到 \(p.options.count) 的数字，或 \(ids) 之一。")))
    case .scale:
      if let n = AnswerParsing.scale(text) { return .success(.scale(n)) }
      return .failure(ParseProblem(l.t("‘\(text)’ is not a score: type a whole number from 1 to 5.", "‘\(text)’ 不是有效评分：请输入 1 到 5 的整数。")))
    case .amount:
      if let a = AnswerParsing.amount(text) {
        guard NumberRange.contains(a.value) else { return .failure(ParseProblem(NumberRange.problem(text).text(l.lang))) }
        return .success(.amount(a.value, currency: a.currency))
      }
      if NumberRange.isOverlongNumeral(AnswerParsing.normalise(text)) { return .failure(ParseProblem(NumberRange.problem(text).text(l.lang))) }
      if amountsMayBeText { return .success(.text(text)) }
      return .failure(
        ParseProblem(
          l.t(
            "‘\(text)’ is not an amount: type a number, optionally with a currency, e.g. 120000 CNY or $1.2m.",
            "‘\(text)’ 不是有效金额：请输入数字，可带货币，例如 120000 CNY 或 ¥12万。")))
    case .date:
      if let d = AnswerParsing.date(text) { return .success(.date(d.description)) }
      if AnswerParsing.looksLikeDate(text) {
        return .failure(ParseProblem(l.t("‘\(text)’ is not a day in the calendar; check the month and day.", "‘\(text)’ 不是日历上存在的日期，请检查月份和日期。")))
      }
      return .failure(ParseProblem(l.t("‘\(text)’ is not a date: type it as YYYY-MM-DD, e.g. 2026-12-15.", "‘\(text)’ 不是有效日期：请按 YYYY-MM-DD 输入，例如 2026-12-15。")))
    }
  }

  /// Takes back the last recorded answer (when the app refused it, e.g. a duplicate name):
  /// the walk returns to that prompt with the previous answer restored.
  public mutating func reject(_ prompt: Prompt, restoring previous: AnswerValue?) {
    guard let i = prompts.firstIndex(where: { $0.id == prompt.id }) else { return }
    answers[prompt.id] = previous
    recordedIDs.removeAll { $0 == prompt.id }
    index = i
    finished = false
  }

  /// Records an answer given outside the engine (e.g. through a guide) and moves on.
  public mutating func record(_ value: AnswerValue, output: StyledText = StyledText()) -> Step {
    var step = Step()
    step.output = output
    guard let p = current else { return step }
    answers[p.id] = value
    note(p.id)
    step.record = (p, value)
    return advance(step)
  }

  /// Leaves the walk (Ctrl-C or end of input).
  /// Opens a finished walk again at its last prompt (`back` from the walk after it in a series).
  public mutating func reopenAtEnd() {
    index = max(0, prompts.count - 1)
    finished = false
    leftEarly = false
  }

  public mutating func leave() {
    leftEarly = !finished
    finished = true
  }

  /// What Tab offers at the current prompt: the options of a choice, each by its id or, when
  /// only the label matches (`集` → 集中决策型), by its label; in Chinese sessions by the label
  /// whenever it matches.
  public func completions(for prefix: String) -> [String] {
    guard let p = current, p.kind == .choice else { return [] }
    let lower = prefix.lowercased()
    // Chinese sessions complete to the Chinese labels; the ids still complete from Latin letters.
    let labelsFirst = l.lang == .zh
    return p.options.compactMap { option in
      let byLabel = option.label.lowercased().hasPrefix(lower)
      if labelsFirst, byLabel { return option.label }
      if option.id.lowercased().hasPrefix(lower) { return option.id }
      if !lower.isEmpty, byLabel { return option.label }
      return nil
    }
  }
}

/// A walk's place in a series of walks: the label shown above each prompt ("Debrief · part 3 of
/// 7, the questions you planned · question 2 of 4"), how much of the series lies before this
/// walk and how much this walk is of it (for the bar).
public struct SeriesProgress: Sendable, Equatable {
  public var label: String
  public var done: Double
  public var share: Double
  public var total: Double

  public init(label: String, done: Double, share: Double, total: Double) {
    self.label = label
    self.done = done
    self.share = share
    self.total = total
  }
}

/// Why a typed answer was not accepted, in the rep's language.
public struct ParseProblem: Error, Sendable {
  public var message: StyledText
  init(_ text: String) { message = StyledText(text, .warn) }
}
