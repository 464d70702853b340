import ArgumentParser
import CoachCore
import CoachStore

/// `drill [objection|questions|negotiation] [--category C] [--scenario ID] [--seed N]
/// [--mode train|exam] [--rep NAME] [--pass N] [--trainer NAME] [--from-plan | --plan NAME]`,
/// `drill list [KIND]`, `drill rescore FILE`, `drill review FILE|--rep NAME|--pending`,
/// `drill show FILE`, `drill assigned`. An option the chosen word does not use is an error.
struct DrillCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "drill", abstract: "Practise objections, questions or negotiation, scored by the playbook's rubric.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "objection, questions or negotiation; or `list [KIND]`, `rescore FILE`, `review [FILE]`, `show FILE`, `assigned`.") var words: [String] = []
  @Option(help: "price|time|risk|decision; for questions a type (open…) or write|name.") var category: String?
  @Option(help: "A scenario's id (`drill list` shows them).") var scenario: String?
  @Option(help: "Seed of the random pick, to repeat it.") var seed: Int?
  @Option(help: "train (advice after each step) or exam (at the end).") var mode: String?
  @Option(help: "Who is drilled (default: $USER, or asked).") var rep: String?
  @Option(name: .customLong("pass"), help: "Pass mark in percent (default 70).") var passMark: Int?
  @Option(help: "The trainer, who may override scores and comment.") var trainer: String?
  @Flag(name: .customLong("from-plan"), help: "Scenarios from the open plan's objections and stakeholders.") var fromPlan = false
  @Option(help: "Scenarios from this plan (outside the session).") var plan: String?
  @Flag(help: "drill review: every drill with a step not reviewed yet.") var pending = false
  @Option(parsing: .upToNextOption, help: "drill review: folders of transcripts, or workspaces (default: this workspace's sessions/).") var sessions: [String] = []

  /// The options given on this line, as typed (`--pass`), for refusing those a word does not use.
  var given: [String] {
    var out: [String] = []
    if category != nil { out.append("--category") }
    if scenario != nil { out.append("--scenario") }
    if seed != nil { out.append("--seed") }
    if mode != nil { out.append("--mode") }
    if rep != nil { out.append("--rep") }
    if passMark != nil { out.append("--pass") }
    if trainer != nil { out.append("--trainer") }
    if fromPlan { out.append("--from-plan") }
    if plan != nil { out.append("--plan") }
    if pending { out.append("--pending") }
    if !sessions.isEmpty { out.append("--sessions") }
    return out
  }

  /// Refuses the options `word` does not use, naming them: an option is never silently ignored.
  func only(_ allowed: [String], for word: String, _ l: L10n, why: (String) -> String? = { _ in nil }) throws(CommandError) {
    let refused = given.filter { !allowed.contains($0) }
    guard let first = refused.first else { return }
    var message = l.t("`drill \(word)` does not use \(refused.joined(separator: ", "))", "`drill \(word)` 不使用 \(refused.joined(separator: "、"))")
    message += why(first).map { l.t(": ", "：") + $0 } ?? l.t(".", "。")
    throw usage(message, l)
  }
  @Option(help: "With --from-plan: only one meeting's (next, or its number): its expected objections, or questions for its attendees.") var meeting: String?

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    if fromPlan, plan != nil {
      throw usage(l.t("--plan NAME already says which plan, so --from-plan would be ignored; give one or the other.", "--plan 名称 已指定计划，--from-plan 将不起作用；请二选一。"), l)
    }
    let book = try session.playbook()
    switch words.first?.lowercased() {
    case "rescore", "重新评分":
      try only([], for: "rescore", l) { flag in
        flag == "--trainer"
          ? l.t(
            "re-scoring changes nothing in the file, so there is no trainer to record; `drill review FILE --trainer NAME` records a trainer's verdicts.",
            "重新评分不会改动文件，因此无法记录培训师；要记录培训师的结论，请用 `drill review 文件 --trainer 姓名`。")
          : nil
      }
      guard words.count == 2 else { throw usage(l.t("Name the transcript: `drill rescore FILE`.", "请写出要重新评分的练习记录：`drill rescore 文件`。"), l) }
      try DrillRescore.run(words[1], in: session, book: book)
    case "review", "复盘":
      try only(["--trainer", "--rep", "--pending", "--sessions"], for: "review", l)
      try DrillReviewCommand.review(words.dropFirst().first, count: words.count, command: self, in: session, book: book)
    case "show", "查看":
      try only([], for: "show", l)
      guard words.count == 2 else { throw usage(l.t("Name the transcript: `drill show FILE`.", "请写出要查看的练习记录：`drill show 文件`。"), l) }
      try DrillReviewCommand.show(words[1], in: session, book: book)
    case "assigned", "作业", "任务":
      try only(["--rep"], for: "assigned", l)
      guard words.count == 1 else { throw usage(l.t("`drill assigned` takes no other words.", "`drill assigned` 后面不接其他内容。"), l) }
      try DrillAssignments.show(rep: rep, in: session, book: book)
    case "list", "列表":
      try only(["--from-plan", "--plan"], for: "list", l)
      var kinds = DrillKind.allCases
      if words.count > 1 { kinds = [try kind(words[1], l)] }
      session.say(try list(kinds, session: session, book: book))
    default:
      try only(["--category", "--scenario", "--seed", "--mode", "--rep", "--pass", "--trainer", "--from-plan", "--plan"], for: words.first ?? "objection", l)
      if scenario != nil, let ignored = [category == nil ? nil : "--category", seed == nil ? nil : "--seed"].compactMap({ $0 }).first {
        throw usage(l.t("--scenario picks the scenario, so \(ignored) would be ignored; give one or the other.", "--scenario 已指定场景，\(ignored) 将不起作用；请二选一。"), l)
      }
      guard words.count <= 1 else { throw usage(l.t("One kind at a time: objection, questions or negotiation.", "一次只能选一种：objection、questions 或 negotiation。"), l) }
      var chosen = DrillKind.objection
      if let word = words.first { chosen = try kind(word, l) }
      try start(chosen, session: session, book: book)
    }
  }

  func usage(_ message: String, _ l: L10n) -> CommandError {
    CommandError(StyledText(message + "\n" + l.t("Usage: ", "用法：") + (HelpCatalog.entry("drill")?.synopsis(l) ?? "drill")), exitCode: ExitStatus.usage)
  }

  func kind(_ word: String, _ l: L10n) throws(CommandError) -> DrillKind {
    switch word.lowercased() {
    case "objection", "objections", "异议", "异议处理": return .objection
    case "questions", "question", "提问", "问题": return .questions
    case "negotiation", "negotiate", "谈判": return .negotiation
    default:
      var message = l.t("Unknown drill ‘\(word)’: use objection, questions or negotiation", "未知练习 ‘\(word)’：请使用 objection、questions 或 negotiation")
      if let near = Suggest.nearest(to: word, in: DrillKind.allCases.map(\.rawValue) + ["list", "rescore", "review", "show", "assigned"]) {
        message += l.t(" (did you mean ‘\(near)’?)", "（你是不是想输入 ‘\(near)’？）")
      }
      throw usage(message + l.t(".", "。"), l)
    }
  }

  /// The scenarios to pick from: the playbook's, or the plan's.
  func scenarios(_ kind: DrillKind, session: Session, book: Playbook) throws(CommandError) -> [DrillScenario] {
    let l = session.l
    guard fromPlan || plan != nil || meeting != nil else { return DrillScenarios.fromPlaybook(kind, book: book) }
    let source: AccountPlan
    if let plan { source = try session.loadForReading(plan) } else { source = try session.requirePlan() }
    var list = DrillScenarios.fromPlan(kind, plan: source, book: book, l: l)
    if let meeting { list = try DrillCommand.narrow(list, kind, to: meeting, plan: source, session: session) }
    guard list.isEmpty else { return list }
    let what: String
    switch kind {
    case .objection: what = l.t("no objections logged yet (`objection` logs one)", "还没有记录异议（用 `objection` 记录）")
    case .negotiation: what = l.t("no stakeholders or stated positions yet (`stakeholders add`, `negotiate interests`)", "还没有决策者或立场（用 `stakeholders add`、`negotiate interests`）")
    case .questions: what = l.t("no stakeholders yet (`stakeholders add`)", "还没有决策者（用 `stakeholders add`）")
    }
    throw CommandError(StyledText(l.t("The plan \(source.name) has ", "计划“\(source.name)”") + what + l.t(".", "。")), exitCode: ExitStatus.noInput)
  }

  func start(_ kind: DrillKind, session: Session, book: Playbook) throws(CommandError) {
    let l = session.l
    let modeWord = self.mode ?? "train"
    guard let mode = DrillMode(rawValue: modeWord.lowercased()) ?? (modeWord == "训练" ? .train : modeWord == "考核" ? .exam : nil) else {
      throw usage(l.t("Unknown mode ‘\(modeWord)’: use train or exam.", "未知模式 ‘\(modeWord)’：请使用 train 或 exam。"), l)
    }
    let passMark = self.passMark ?? 70
    guard (0...100).contains(passMark) else { throw usage(l.t("The pass mark is a percentage from 0 to 100.", "及格线是 0 到 100 之间的百分数。"), l) }
    if let seed, seed < 0 { throw usage(l.t("The seed is a whole number, 0 or more.", "种子是大于或等于 0 的整数。"), l) }
    var list = try scenarios(kind, session: session, book: book)
    var pickedAtRandom = false
    var usedSeed: Int? = nil
    var examPoolForRep: DrillExamPool? = nil
    let picked: DrillScenario
    if let id = scenario {
      guard let s = list.first(where: { $0.id == id }) else {
        var message = l.t("No \(kind.rawValue) scenario ‘\(id)’", "没有 ‘\(id)’ 这个\(DrillLabels(book, l).kind(kind))场景")
        if let near = Suggest.nearest(to: id, in: list.map(\.id)) { message += l.t("; did you mean ‘\(near)’?", "；你是不是想输入 ‘\(near)’？") }
        throw CommandError(StyledText(message + l.t(" `drill list` shows them all.", "。用 `drill list` 查看全部。")), exitCode: ExitStatus.usage)
      }
      picked = s
    } else {
      if let category {
        guard let filtered = DrillScenarios.filter(list, kind: kind, category: category, book: book) else {
          let words = DrillScenarios.categoryWords(kind)
          throw usage(
            words.isEmpty
              ? l.t("Negotiation drills have no categories; use --scenario ID or a random pick.", "谈判练习没有类别；请用 --scenario ID 或随机抽取。")
              : l.t("Unknown category ‘\(category)’ for \(kind.rawValue) drills: use ", "\(kind.rawValue) 练习没有 ‘\(category)’ 这个类别：请使用 ") + words.joined(separator: ", ")
                + l.t(".", "。"), l)
        }
        list = filtered
      }
      let s = seed ?? Int.random(in: 0..<1_000_000)
      if mode == .exam {
        // The exam picks among what its rep has not had recently; a rep still to be asked
        // (a trainer at the screen) is asked first, and the pick is made then.
        let pool = examPool(list, kind: kind, seed: s, session: session)
        if let who = knownRep(session) {
          let (candidates, recency) = pool.candidates(rep: who, now: session.now, l: l)
          if let recency { session.say(recency) }
          list = candidates
        } else {
          examPoolForRep = pool
        }
      }
      guard let p = DrillScenarios.pick(list, seed: s) else {
        throw CommandError(StyledText(l.t("No scenario fits; `drill list` shows them all.", "没有符合条件的场景；用 `drill list` 查看全部。")), exitCode: ExitStatus.noInput)
      }
      picked = p
      usedSeed = s
      // With one scenario to choose from nothing was left to chance: say nothing about a seed.
      pickedAtRandom = list.count > 1
    }
    let trainerName = trainer?.trimmingWhitespace.isEmpty == false ? trainer!.trimmingWhitespace : nil
    var repName = rep?.trimmingWhitespace
    if repName?.isEmpty == true { repName = nil }
    let user = session.settings.repName ?? Platform.environment(["USER"])["USER"].flatMap { $0.isEmpty ? nil : $0 }
    // A trainer at a shared screen is logged in as themselves: ask for the rep's name then.
    if repName == nil, trainerName == nil, let user { repName = user }
    var books: [Lang: Playbook] = [book.lang: book]
    for other in Lang.allCases where other != book.lang { books[other] = try? session.playbook(for: other) }
    if let notice = DrillAssignments.notice(rep: repName ?? user, session: session) { session.say(notice) }
    var setup = DrillFlow.Setup(
      scenario: picked, rep: repName, repDefault: user, trainer: trainerName, mode: mode,
      passMark: passMark, seed: usedSeed, pickedAtRandom: pickedAtRandom)
    if repName == nil { setup.examPool = examPoolForRep }
    session.begin(DrillFlow(setup: setup, book: book, books: books, l: l, takenIDs: TranscriptStore(paths: session.settings.paths).ids(), now: session.now))
  }

  /// `drill list`: the scenarios by kind, with their ids and categories.
  func list(_ kinds: [DrillKind], session: Session, book: Playbook) throws(CommandError) -> StyledText {
    let l = session.l
    let labels = Labels(book, l)
    var out = StyledText()
    for kind in kinds {
      let all = try scenarios(kind, session: session, book: book)
      if !out.spans.isEmpty { out.append("\n\n") }
      out.append(DrillLabels(book, l).kind(kind) + l.t(" drills", "练习") + " (\(all.count))", .heading)
      var t = TextTable(columns: [.init("id"), .init(l.t("Category", "类别")), .init(l.t("Scenario", "场景"), minWidth: 16)])
      for s in all {
        let category =
          s.category.map { labels.category($0) } ?? s.questionType.map { (s.task == .name ? l.t("name: ", "判断：") : l.t("write: ", "写：")) + labels.questionType($0) } ?? ""
        t.add([s.id, category + (s.followUps(in: book).isEmpty ? "" : " ↩"), s.text])
      }
      out += "\n" + t.render(width: session.output.width)
      if all.contains(where: { !$0.followUps(in: book).isEmpty }) {
        out.append("\n" + l.t("↩ the customer pushes back, depending on your answers.", "↩ 客户会根据你的回答追问。"), .dim)
      }
    }
    return out
  }
}
