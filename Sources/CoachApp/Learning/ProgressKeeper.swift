import CoachCore
import CoachStore

/// Reads and saves `progress.json` for `learn` and `quiz`. Each save re-reads the file and lays
/// only what this session changed over it, so a quiz in one terminal and a lesson in another
/// do not undo each other's answers. A failed save is reported and retried with the next one;
/// the answers stay in memory meanwhile.
final class ProgressKeeper {
  let store: ProgressStore
  /// Set when a newer version wrote the file: this session reads it but never writes it.
  let newerVersion: Int?
  private var changedItems = Set<String>()
  private var changedLessons = Set<String>()
  private var failing = false

  private init(store: ProgressStore, newerVersion: Int?) {
    self.store = store
    self.newerVersion = newerVersion
  }

  /// Opens the workspace's progress. A damaged file fails with exit status 65 and is left as it is.
  static func open(in session: Session) throws(CommandError) -> (ProgressKeeper, LearningProgress) {
    let store = ProgressStore(paths: session.settings.paths)
    store.sweep(now: session.now)
    let progress: LearningProgress
    do { progress = try store.load() } catch { throw CommandError(describe(error, session.l), exitCode: error.exitCode) }
    let keeper = ProgressKeeper(store: store, newerVersion: progress.isFromNewerVersion ? progress.schemaVersion : nil)
    if let v = keeper.newerVersion {
      session.output.errorLine(
        StyledText(
          session.l.t(
            "\(store.path) was written by a newer version of coach (schemaVersion \(v)); this session uses it but will not save your answers. Update coach to keep your schedule.",
            "\(store.path) 由更新版本的 coach 写入（schemaVersion \(v)）；本次会话会读取它，但不会保存你的作答。请升级 coach 以保留复习安排。"), .warn))
    }
    return (keeper, progress)
  }

  /// Saves after an answer or a lesson read.
  func save(_ progress: LearningProgress, item: String? = nil, lesson: String? = nil, in session: Session) {
    if let item { changedItems.insert(item) }
    if let lesson { changedLessons.insert(lesson) }
    guard newerVersion == nil else { return }
    let merged: LearningProgress
    do {
      merged = try store.load().merging(progress, items: changedItems, lessons: changedLessons, updatedAt: progress.updatedAt)
    } catch {
      // The file was damaged (or replaced by a newer version) since the session read it:
      // leave it as it is and keep the answers in memory.
      report(error, in: session, unsaved: true)
      return
    }
    do {
      try store.save(merged)
      if failing { session.say(StyledText(session.l.t("Saved: your learning progress is on disk again.", "已保存：学习进度已重新写入磁盘。"), .good)) }
      failing = false
    } catch {
      report(error, in: session, unsaved: true)
    }
  }

  private func report(_ error: StoreError, in session: Session, unsaved: Bool) {
    let l = session.l
    var message = ProgressKeeper.describe(error, l)
    if !failing {
      message += StyledText(
        l.t(
          " — your answers are kept in this session and saved with the next one that can be saved.",
          "——你的作答保留在本次会话中，能够保存时会一并写入。"))
    }
    failing = true
    session.fail(CommandError(message, exitCode: error.exitCode))
  }

  /// A store failure in words that talk about the progress file, not a plan.
  static func describe(_ error: StoreError, _ l: L10n) -> StyledText {
    let advice = l.t(
      "Fix it, or move it away to start a fresh schedule (the previous version, if any, is in progress.json.bak).",
      "请修复该文件，或将其移走以重新开始复习安排（如有上一版本，保存在 progress.json.bak）。")
    switch error {
    case .syntax(let path, let e):
      return
        "\(path, .bold):\(e.line):\(e.column): \(l.t("the learning progress file is damaged and was not changed (\(e.text.en)).", "学习进度文件已损坏，未做任何改动（\(e.text.zh)）。")) \(advice)"
    case .format(let path, let e):
      return "\(path, .bold): \(e.description(in: l.lang)) — \(l.t("the learning progress file was not changed.", "学习进度文件未做任何改动。")) \(advice)"
    case .newerVersion(let path, let version):
      return
        "\(path, .bold): \(l.t("written by a newer version of coach (schemaVersion \(version)); update coach to use it.", "由更新版本的 coach 写入（schemaVersion \(version)），请升级 coach 后再使用。"))"
    default:
      return l.describe(error)
    }
  }
}
