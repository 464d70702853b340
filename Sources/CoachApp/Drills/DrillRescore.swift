import CoachCore
import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `drill rescore FILE`: scores a saved drill again with the current playbook and prints the
/// same report, saying whether the score differs from the one recorded (after a trainer tuned
/// the rubric, say). The file is not changed.
enum DrillRescore {
  static func run(_ file: String, in session: Session, book: Playbook) throws(CommandError) {
    let l = session.l
    let (path, saved) = try load(file, session)
    var books: [Lang: Playbook] = [book.lang: book]
    for other in Lang.allCases where other != book.lang { books[other] = try? session.playbook(for: other) }
    if books[saved.lang] == nil { books[saved.lang] = try session.playbook(for: saved.lang) }
    let scorer = DrillScorer(books: books)
    let again = scorer.rescore(saved)
    // Shown in the session's language; the scores do not depend on it.
    var shown = again
    shown.lang = l.lang
    let v = DrillView(book: book, l: l, width: session.output.width)
    var out = v.header(shown, pickedAtRandom: false)
    out.append("\n" + l.t("Scored again with the current playbook: ", "已用当前剧本重新评分：") + path, .dim)
    // Each step scored in the drill's language (as `again` was), its checks described in the session's.
    for rec in again.steps {
      let r = scorer.score(rec, in: again, shownIn: l.lang)
      out += "\n\n" + v.step(r, record: rec, advice: true, trainer: again.trainer)
    }
    out += "\n\n" + v.summary(again)
    let now = again.totals.percent
    let changed = zip(saved.steps, again.steps).filter { $0.score != $1.score }
    if let recorded = saved.recordedPercent {
      if recorded == now, changed.isEmpty {
        out.append("\n" + l.t("Same score as recorded: \(now)%.", "与记录的得分相同：\(now)%。"), .good)
      } else {
        let labels = DrillLabels(book, l)
        let steps = changed.map { labels.step($0.0.step) + " \($0.0.score)/2 → \($0.1.score)/2" }
        out.append(
          "\n"
            + Wrap.text(
              l.t(
                "The score differs from the one recorded: \(recorded)% then, \(now)% now — the rubric has changed since the drill was saved",
                "得分与记录的不同：当时 \(recorded)%，现在 \(now)%——保存这次练习之后评分标准有过改动")
                + (steps.isEmpty ? "" : l.t(" (", "（") + steps.joined(separator: l.t("; ", "；")) + l.t(")", "）")) + l.t(".", "。"),
              width: session.output.width), .warn)
      }
    } else {
      out.append("\n" + l.t("The file holds no recorded total to compare with.", "文件中没有可供比较的记录总分。"), .dim)
    }
    session.say(out)
  }

  /// The transcript: a path (absolute, or relative to the workspace or the current folder), or
  /// a name in the workspace's sessions/ (with or without `.json`).
  static func load(_ file: String, _ session: Session) throws(CommandError) -> (String, DrillTranscript) {
    let l = session.l
    let sessions = session.settings.paths.sessions
    var candidates: [String] = []
    if file.hasPrefix("/") {
      candidates = [file]
    } else {
      if !file.contains("/") { candidates += [sessions + "/" + file, sessions + "/" + file + ".json"] }
      candidates += [session.settings.paths.root + "/" + file, Platform.currentDirectory() + "/" + file]
    }
    for path in candidates {
      do {
        return (path, try TranscriptStore.load(path: path))
      } catch {
        if case .io(_, _, let code) = error, code == ENOENT || code == ENOTDIR { continue }
        throw CommandError(l.describeTranscript(error, path: path), exitCode: error.exitCode)
      }
    }
    throw CommandError(
      StyledText(l.t("No drill transcript ‘\(file)’ (looked in \(sessions), the workspace and the current folder).", "找不到练习记录 ‘\(file)’（已在 \(sessions)、工作区和当前文件夹中查找）。")),
      exitCode: ExitStatus.noInput)
  }
}
