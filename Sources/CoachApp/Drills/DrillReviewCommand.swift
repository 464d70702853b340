import CoachCore
import CoachStore

/// `drill review FILE|--rep NAME|--pending [--trainer NAME] [--sessions DIR…]` and `drill show
/// FILE`: a trainer walks through saved drills and gives each step a verdict; a rep reads them.
enum DrillReviewCommand {
  static func review(_ file: String?, count: Int, command: DrillCommand, in session: Session, book: Playbook) throws(CommandError) {
    let l = session.l
    // `--trainer Mei Chen` unquoted leaves `Chen` where a file goes: say so, and how to write it.
    let fileExpected = command.rep == nil && !command.pending
    let stray = Array(command.words.dropFirst(fileExpected ? 2 : 1))
    // A saved drill's name has its time in digits; a person's name has none.
    let looksLikeName = !stray.isEmpty && !stray.contains { $0.contains { c in c == "/" || c == "." || c.isNumber } }
    if looksLikeName, let (flag, name) = [command.trainer.map { ("--trainer", $0) }, command.rep.map { ("--rep", $0) }].compactMap({ $0 }).first {
      let words = stray.joined(separator: " ")
      throw command.usage(
        l.t(
          "‘\(words)’ was taken as \(fileExpected ? "a second file" : "a file"); put a name with spaces in quotes: \(flag) \"\(name) \(words)\".",
          "‘\(words)’ 被当成了\(fileExpected ? "第二个" : "")文件；带空格的姓名请加引号：\(flag) \"\(name) \(words)\"。"), l)
    }
    guard count <= 2 else {
      let words = stray.joined(separator: " ")
      throw command.usage(
        l.t("‘\(words)’ was taken as a second file: review one file at a time, or use --rep NAME / --pending.", "‘\(words)’ 被当成了第二个文件：一次复盘一个文件，或使用 --rep 姓名 / --pending。"), l)
    }
    let trainerName = command.trainer?.trimmingWhitespace.nonEmpty ?? session.settings.repName?.trimmingWhitespace.nonEmpty
    guard let trainer = trainerName else {
      throw command.usage(
        l.t(
          "Who is reviewing? Give the trainer's name: --trainer NAME (in quotes if it has a space: --trainer \"Mei Chen\").",
          "谁在复盘？请写出培训师的姓名：--trainer 姓名（姓名带空格时加引号：--trainer \"陈 美\"）。"), l)
    }
    var items: [ReviewFlow.Item] = []
    if let file {
      guard command.rep == nil, !command.pending, command.sessions.isEmpty else {
        throw command.usage(l.t("Give a FILE or --rep / --pending, not both.", "请给出文件，或使用 --rep / --pending，不要同时使用。"), l)
      }
      let (path, t) = try DrillRescore.load(file, session)
      items = [ReviewFlow.Item(path: path, transcript: t)]
    } else {
      guard command.rep != nil || command.pending else {
        throw command.usage(l.t("Say which drills: `drill review FILE`, `--rep NAME` or `--pending`.", "请说明复盘哪些练习：`drill review 文件`、`--rep 姓名` 或 `--pending`。"), l)
      }
      let folders =
        command.sessions.isEmpty
        ? [session.settings.paths.sessions]
        : command.sessions.map { TranscriptStore.transcriptFolder(Platform.absolute($0)) }
      let listing = TranscriptStore.loadAll(directories: folders)
      if !listing.missing.isEmpty {
        throw CommandError(StyledText(l.t("No such folder: ", "没有这个文件夹：") + listing.missing.joined(separator: ", ")), exitCode: ExitStatus.noInput)
      }
      for (path, error) in listing.problems {
        session.output.errorLine(StyledText(l.t("Skipped: ", "已跳过：")) + l.describeTranscript(error, path: path))
      }
      // `--rep Ann` is Ann O'Connor when she is the only rep it fits.
      var repName = command.rep
      if let typed = repName {
        switch RepNameMatch.read(typed, among: listing.transcripts.map(\.transcript.rep)) {
        case .rep(let name): repName = name
        case .several(let names): throw CommandError(StyledText(RepNameMatch.ambiguity(typed, names, l)), exitCode: ExitStatus.usage)
        case .none: break
        }
      }
      items = listing.transcripts.filter { _, t in
        guard TeamReport.counts(t) else { return false }
        if let rep = repName, DrillReport.key(rep) != DrillReport.key(t.rep) { return false }
        if command.pending, !t.steps.contains(where: { !$0.isReviewed }) { return false }
        return true
      }.sorted { ($0.transcript.startedAt, $0.path) < ($1.transcript.startedAt, $1.path) }
        .map { ReviewFlow.Item(path: $0.path, transcript: $0.transcript) }
      if items.isEmpty {
        let who = command.rep.map { l.t(" by \($0)", "（\($0)）") } ?? ""
        session.say(StyledText(command.pending ? l.t("No drills\(who) are waiting for review.", "没有等待复盘的练习\(who)。") : l.t("No saved drills\(who).", "没有保存的练习\(who)。")))
        return
      }
    }
    var books: [Lang: Playbook] = [book.lang: book]
    for other in Lang.allCases where other != book.lang { books[other] = try? session.playbook(for: other) }
    session.begin(ReviewFlow(items: items, pendingOnly: command.pending, trainer: trainer, book: book, books: books, l: l, now: session.now))
  }

  /// What the rep reads: every step with their words, the checks, and the trainer's verdicts.
  static func show(_ file: String, in session: Session, book: Playbook) throws(CommandError) {
    let l = session.l
    let (path, t) = try DrillRescore.load(file, session)
    var books: [Lang: Playbook] = [book.lang: book]
    for other in Lang.allCases where other != book.lang { books[other] = try? session.playbook(for: other) }
    let scorer = DrillScorer(books: books)
    let v = DrillView(book: book, l: l, width: session.output.width)
    var out = v.header(t, pickedAtRandom: false)
    out.append("\n" + path + " · " + l.t("started ", "开始于 ") + t.startedAt, .dim)
    for rec in t.steps {
      let r = scorer.score(rec, in: t, shownIn: l.lang)
      out += "\n\n" + v.step(r, record: rec, advice: true, trainer: rec.reviewedBy ?? t.trainer)
      if let line = DrillReviewText.line(rec, l) { out.append("\n" + Wrap.text(line, width: session.output.width, indent: "  "), .accent) }
    }
    out += "\n\n" + v.summary(t)
    let open = t.steps.filter { !$0.isReviewed }.count
    if open == t.steps.count {
      out.append("\n" + l.t("Not reviewed by a trainer yet.", "培训师尚未复盘。"), .dim)
    } else if open > 0 {
      out.append("\n" + l.t("\(open) step(s) not reviewed yet.", "还有 \(open) 步未复盘。"), .dim)
    }
    session.say(out)
  }
}

extension String {
  /// Nil for an empty string.
  fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
