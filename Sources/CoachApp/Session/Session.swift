import CoachCore
import CoachStore
import CoachTerminal

/// One run of coach: the open plan, the activity taking input, and the edges (output, store,
/// clock). Commands and activities act through it; it is the only place plans are saved.
public final class Session {
  public let settings: Settings
  public let output: OutputSink
  public let repository: PlanRepository
  public let l: L10n

  public private(set) var current: OpenPlan? {
    didSet { if (oldValue?.unsaved != nil) != (current?.unsaved != nil) { CoachApp.markUnsaved(current?.unsaved != nil) } }
  }
  var undoStack: [UndoEntry] = []
  var activities: [Activity] = []
  /// The exit status of the most recent failed command, if any failed.
  public private(set) var lastFailure: Int32?
  public var quitRequested = false
  /// Set by `quit` when a save failed: a second `quit` leaves anyway.
  var quitWarned = false
  /// The command (`close`, `open NAME`, `new NAME`) that was refused because of an unsaved
  /// change: repeating the same command is the user's decision to drop the change.
  var discardWarned: String? = nil
  private var playbookCache: [Lang: Playbook] = [:]
  var loopRunning = false
  /// Whether the sessions folder has been made ready in this run, and whether the last drill
  /// transcript save worked.
  var transcriptsPrepared = false
  var lastTranscriptSaved = false
  /// The learning progress file of the running lesson or quiz, set by `learn` and `quiz`.
  var progressKeeper: ProgressKeeper?

  public init(settings: Settings, output: OutputSink) {
    self.settings = settings
    self.output = output
    self.repository = PlanRepository(paths: settings.paths)
    self.l = L10n(settings.lang)
  }

  public var clock: any CoachClock { settings.clock }

  /// Gives a walk what it reads answers against: the width, today (for `tomorrow`, `下周二`) and
  /// the currency for amounts typed without one.
  public func prepare(_ engine: inout WalkEngine) {
    engine.width = output.width
    engine.today = clock.today
    engine.defaultCurrency = settings.currency
  }
  public var now: Timestamp { settings.clock.now }

  // MARK: messages

  /// Prose for the rep: on a terminal, wrapped to the terminal's width of the moment.
  public func say(_ text: StyledText) { output.line(fitted(text)) }

  /// `text` wrapped to the output's current width when the output wraps prose (a terminal).
  func fitted(_ text: StyledText) -> StyledText {
    output.wrapsProse ? text.wrapped(width: output.width) : text
  }

  /// Confirms a change — only when it is on disk. When the save failed, its error (already on
  /// stderr) says the change is kept; a success line would acknowledge what is not saved.
  func acknowledge(_ text: StyledText) {
    if current?.unsaved == nil { say(text) }
  }

  /// The line that ends a walk: "every answer so far is saved" only when it is true.
  func sayLeft(saved: String, left: String) {
    guard current?.unsaved != nil else { return say(StyledText(saved, .dim)) }
    say(
      StyledText(
        l.t(
          "\(left); NOT saved yet: \(unsavedList()). It is kept in this session and saved as soon as saving works again.",
          "\(left)；尚未保存：\(unsavedList())。这些修改保留在本次会话中，一旦可以保存就会写入磁盘。"), .warn))
  }

  /// Reports a failure on stderr and remembers its exit status.
  public func fail(_ error: CommandError) {
    output.errorLine(fitted(error.message))
    // A usage slip that follows a real failure (a command that needs the plan a damaged file
    // kept from opening) does not hide it: the script exits with the failure that mattered.
    if lastFailure == nil || error.exitCode != ExitStatus.usage { lastFailure = error.exitCode }
  }

  public func fail(_ error: StoreError) { fail(CommandError(l.describe(error), exitCode: error.exitCode)) }

  // MARK: the open plan

  /// The open plan, or a failure that says how to open one.
  public func requirePlan() throws(CommandError) -> AccountPlan {
    guard let current else {
      throw CommandError(
        StyledText(
          l.t(
            "No plan is open. Open one with `open NAME`, or start one with `new NAME`.",
            "还没有打开计划。用 `open 名称` 打开一个，或用 `new 名称` 新建一个。")), exitCode: ExitStatus.usage)
    }
    return current.plan
  }

  /// No plan by that name: the error, with the plans it may have meant (`acme` → several
  /// starting so) when there are a few.
  func notFound(_ nameOrID: String) -> CommandError {
    var text = l.describe(.notFound(id: nameOrID))
    let near = repository.near(nameOrID)
    if (1...3).contains(near.count) {
      text += StyledText(l.t(" Did you mean ", "你是不是想输入 ") + near.map { "`open \($0)`" }.joined(separator: l.t(" or ", " 或 ")) + l.t("?", "？"))
    }
    return CommandError(text, exitCode: ExitStatus.noInput)
  }

  /// Opens a plan by name or id, taking its lock; read-only when another session has it or it
  /// was written by a newer version.
  ///
  /// The lock is taken before the plan is read, so what this session changes is always the
  /// version on disk (read-modify-write under the lock); the file's stamp is kept so that each
  /// save can check that nobody else has written the file since.
  public func open(_ nameOrID: String) throws(CommandError) {
    guard let id = repository.resolveShortened(nameOrID) else { throw notFound(nameOrID) }
    // Reopening the plan that is open: let go of it first (its lock is this session's).
    if let open = current, open.plan.id.utf8.elementsEqual(id.utf8) { try closeForSwitch("open " + nameOrID) }
    var readOnly: OpenPlan.ReadOnlyReason? = nil
    var lock: PlanLock? = nil
    var lockProblem: StoreError? = nil
    do {
      lock = try repository.lock(id: id)
      if lock == nil { readOnly = .inUse }
    } catch {
      // The workspace cannot be written (read-only, no permission): the plan can still be read.
      readOnly = .cannotWrite
      lockProblem = error
    }
    // Read under the lock. A plan that cannot be read leaves the open one as it was.
    let loaded: PlanRepository.Loaded
    do { loaded = try repository.loadWithStamp(id: id) } catch {
      lock?.release()
      throw CommandError(l.describe(error), exitCode: error.exitCode)
    }
    do { try closeForSwitch("open " + nameOrID) } catch {
      lock?.release()
      throw error
    }
    let plan = loaded.plan
    if plan.isFromNewerVersion {
      lock?.release()
      lock = nil
      readOnly = .newerVersion(plan.schemaVersion)
    } else if let lockProblem {
      say(l.describe(lockProblem) + StyledText(l.t(" — the plan is open read-only.", "——计划以只读方式打开。"), .warn))
    }
    current = OpenPlan(plan: plan, lock: lock, readOnly: readOnly, stamp: loaded.stamp)
    undoStack = []
    if let stated = loaded.mismatchedID {
      let shown = Sanitizer.clean(stated, multiline: false)
      say(
        StyledText(
          l.t(
            "plans/\(id).json says its id is ‘\(shown)’; a plan's id is its file name, so it is \(id) here\(readOnly == nil ? " and is written so with the next change" : "").",
            "plans/\(id).json 中写的 id 是‘\(shown)’；计划的 id 就是它的文件名，因此这里是 \(id)\(readOnly == nil ? "，下次修改时会一并改正" : "")。"), .warn))
    }
    if let version = loaded.migratedFrom, let original = loaded.originalBytes, readOnly == nil { migrate(from: version, original: original) }
    switch readOnly {
    case .inUse?:
      say("\(plan.name, .bold) \(l.t("is open in another session, so it is open here read-only: you can look, not change.", "正在另一个会话中编辑，这里以只读方式打开：可以查看，不能修改。"))")
    case .newerVersion(let v)?:
      say(
        "\(plan.name, .bold) \(l.t("was written by a newer version of coach (schemaVersion \(v)); it is open read-only so nothing it holds can be lost.", "由更新版本的 coach 写入（schemaVersion \(v)），以只读方式打开，以免丢失其中的内容。"))"
      )
    case .cannotWrite?, nil:
      break
    }
  }

  /// Saves a plan just read from an older format in the current one, after keeping the file as
  /// it was beside it (`<id>.v1.json`, once). If the original cannot be kept, nothing is
  /// written: the plan is open read-only, so no save can replace the only copy of the original.
  private func migrate(from version: Int, original: [UInt8]) {
    guard let id = current?.plan.id else { return }
    let kept: String
    do {
      kept = try repository.keepOriginal(original, id: id, version: version) ? "plans/\(id).v\(version).json" : "plans/\(id).json.bak"
    } catch {
      current?.lock?.release()
      current?.lock = nil
      current?.readOnly = .cannotWrite
      fail(
        CommandError(
          l.describe(error)
            + StyledText(
              l.t(
                " — the plan is open read-only, and stays in its old format until its original can be kept.",
                "——计划以只读方式打开，在能保留原文件之前保持旧格式。"), .warn), exitCode: error.exitCode))
      return
    }
    current?.unsavedChanges.append(l.t("format upgrade", "格式升级"))
    if save() {
      say(
        StyledText(
          l.t(
            "Upgraded this plan to format \(AccountPlan.currentSchemaVersion) (every item now has an id); the file as it was is kept as \(kept).",
            "已将此计划升级到格式 \(AccountPlan.currentSchemaVersion)（每一项现在都有 id）；原文件保留为 \(kept)。"), .dim))
    }
  }

  /// Creates a plan and opens it.
  public func create(_ name: String) throws(CommandError) {
    try settleUnsaved("new " + name)
    let plan: AccountPlan
    do {
      try repository.prepare(now: now)
      plan = try repository.create(name: name, at: now)
    } catch {
      throw CommandError(l.describe(error), exitCode: error.exitCode)
    }
    try open(plan.id)
  }

  /// Closes the open plan (saving first if a save is pending) and releases its lock. For the
  /// end of a run, after `quit` has warned about unsaved changes; commands use `closeForSwitch`.
  public func close() {
    guard current != nil else { return }
    if current?.unsaved != nil { retrySave() }
    if let unsaved = current?.unsaved {
      // The run is ending (after `quit` warned, or at the end of a script): say exactly what is
      // lost, and leave with the failure's status.
      fail(CommandError(StyledText(l.t("Not saved, and lost as this session ends: \(unsavedList()).", "未保存，本次会话结束后将丢失：\(unsavedList())。"), .bad), exitCode: unsaved.exitCode))
    }
    current?.lock?.release()
    current = nil
    undoStack = []
    discardWarned = nil
  }

  /// Closes the open plan before `close`, `open` or `new`. A change that still cannot be saved
  /// is never dropped silently: the first time the command is refused with what is unsaved and
  /// why; repeating the command is the user's decision to drop it.
  public func closeForSwitch(_ command: String = "close") throws(CommandError) {
    try settleUnsaved(command)
    close()
  }

  /// Retries a pending save; if it still fails, refuses the first time (see `closeForSwitch`)
  /// and drops the change the second time.
  func settleUnsaved(_ command: String) throws(CommandError) {
    guard let open = current else { return }
    if open.unsaved != nil { retrySave() }
    if let unsaved = current?.unsaved {
      let what = unsavedList()
      if discardWarned != command {
        discardWarned = command
        throw CommandError(
          l.describe(unsaved)
            + StyledText(
              l.t(
                "\nNot saved yet: \(what). It is kept in this session: fix the cause and type any command to retry saving, or repeat this command to drop it.",
                "\n尚未保存：\(what)。这些修改保留在本次会话中：排除原因后输入任意命令即可重试保存，或再次输入本命令以放弃这些修改。")), exitCode: unsaved.exitCode)
      }
      fail(CommandError(StyledText(l.t("Dropped, not saved: \(what).", "已放弃，未保存：\(what)。"), .warn), exitCode: unsaved.exitCode))
      current?.unsaved = nil
      current?.unsavedChanges = []
    }
  }

  /// The unsaved changes, named for a message ("action added, objection statement").
  func unsavedList() -> String {
    let names = current?.unsavedChanges ?? []
    return names.isEmpty ? l.t("the last change", "最近的修改") : l.list(names)
  }

  /// Applies one change to the open plan and saves it at once. The change is kept in memory
  /// even if the save fails, and saved again with the next change or at quit.
  public func change(_ description: String, _ body: (inout AccountPlan) -> Void) throws(CommandError) {
    guard var open = current else {
      _ = try requirePlan()
      return
    }
    if let reason = open.readOnly {
      throw CommandError(
        StyledText(l.t("This plan is open read-only; the change was not made.", "该计划以只读方式打开，未做修改。")),
        exitCode: reason == .inUse ? ExitStatus.locked : ExitStatus.cannotCreate)
    }
    let before = open.plan
    body(&open.plan)
    open.plan.assignItemIDs()
    guard open.plan != before else { return }
    open.plan.updatedAt = now.description
    undoStack.append(UndoEntry(description: description, before: before))
    open.unsavedChanges.append(description)
    current = open
    save()
  }

  /// Saves the open plan; on failure reports it and keeps the change for the next attempt.
  @discardableResult
  func save() -> Bool {
    guard let open = current, open.readOnly == nil else { return true }
    do {
      try open.lock?.confirm(id: open.plan.id)
      let stamp = try repository.save(open.plan, expected: open.stamp)
      if open.unsaved != nil {
        say(StyledText(l.t("Saved: the plan is on disk again.", "已保存：计划已重新写入磁盘。"), .good))
      }
      current?.unsaved = nil
      current?.unsavedChanges = []
      current?.stamp = stamp
      discardWarned = nil
      return true
    } catch {
      let firstTime = current?.unsaved == nil
      current?.unsaved = error
      if case .changedOnDisk = error {
        // Retrying cannot help: the other version stays on disk until the user decides.
        fail(
          CommandError(
            l.describe(error) + StyledText(l.t(" Your change is kept in this session only (`close` twice drops it).", "你的修改只保留在本次会话中（连续两次 `close` 即放弃）。")), exitCode: error.exitCode
          ))
      } else if firstTime || !settings.interactive {
        fail(
          CommandError(
            l.describe(error) + StyledText(l.t(" — your answer is kept in this session and will be saved as soon as saving works again.", "——你的回答保留在本次会话中，一旦可以保存就会写入磁盘。")),
            exitCode: error.exitCode))
      } else {
        fail(CommandError(l.describe(error), exitCode: error.exitCode))
      }
      return false
    }
  }

  func retrySave() { if current?.unsaved != nil { save() } }

  /// Reverts the last change made in this run, and saves.
  public func undo() throws(CommandError) {
    _ = try requirePlan()
    guard let entry = undoStack.popLast() else {
      throw CommandError(StyledText(l.t("Nothing to undo: no change has been made to this plan in this session.", "没有可撤销的内容：本次会话还没有修改过这个计划。")))
    }
    let handedOut = current?.plan.lastItemIDs ?? [:]
    current?.plan = entry.before
    // Ids handed out by the undone change stay used: an id is never given to another item.
    current?.plan.lastItemIDs.merge(handedOut) { max($0, $1) }
    current?.plan.updatedAt = now.description
    current?.unsavedChanges.append(l.t("undo of \(entry.description)", "撤销“\(entry.description)”"))
    save()
    say(StyledText(l.t("Undone", "已撤销") + l.colon + entry.description))
  }

  // MARK: playbooks

  /// The playbook for the session's language, loaded on first use.
  public func playbook() throws(CommandError) -> Playbook {
    try playbook(for: settings.lang)
  }

  public func playbook(for lang: Lang) throws(CommandError) -> Playbook {
    if let cached = playbookCache[lang] { return cached }
    let loaded = PlaybookLoader.load(directories: settings.playbookDirectories, lang: lang)
    guard loaded.problems.isEmpty, let book = loaded.playbook else {
      var message = StyledText(l.t("The playbooks have problems, so this part of coach cannot run:", "剧本（playbook）有问题，这部分功能无法运行："))
      for problem in loaded.problems.prefix(10) { message += StyledText("\n  " + problem.description(in: l.lang)) }
      if loaded.problems.count > 10 {
        message += StyledText(
          "\n  " + l.t("… and \(loaded.problems.count - 10) more; run `coach playbook validate`.", "……还有 \(loaded.problems.count - 10) 个；请运行 `coach playbook validate`。"))
      }
      throw CommandError(message, exitCode: ExitStatus.dataError)
    }
    playbookCache[lang] = book
    return book
  }

  // MARK: activities

  public var activeActivity: Activity? { activities.last }

  public func begin(_ activity: Activity) {
    activities.append(activity)
    activity.start(in: self)
  }

  /// Removes a finished activity (by identity: its end may already have begun the next one).
  func finish(_ activity: Activity) { activities.removeAll { $0 === activity } }

  /// The line-editor prompt: the open plan's name, or the activity's own prompt.
  public var prompt: String {
    if let activity = activeActivity { return activity.prompt }
    guard let open = current else { return "coach› " }
    let name = Sanitizer.clean(open.plan.name, multiline: false)
    let shortName = DisplayWidth.truncate(name, to: 24)
    return open.readOnly == nil ? "coach(\(shortName))› " : "coach(\(shortName), \(l.t("read-only", "只读")))› "
  }
}
