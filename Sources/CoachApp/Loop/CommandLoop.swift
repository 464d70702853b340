import ArgumentParser
import CoachCore
import CoachTerminal

extension Session {
  /// True while lines are read by the session loop (as opposed to one `coach CMD`).
  public var isSessionLoop: Bool { loopRunning }

  /// Runs the session: reads lines until `quit`, Ctrl-D or the end of the input, and returns
  /// the exit status (non-zero in batch mode if any command failed).
  public func runLoop(reader: LineReader) -> Int32 {
    loopRunning = true
    defer { loopRunning = false }
    read(from: reader, untilActivitiesEnd: false)
    close()
    reader.close()
    if settings.interactive { return ExitStatus.ok }
    return lastFailure ?? ExitStatus.ok
  }

  /// Feeds lines to the running activity until it ends (`coach learn MODULE`, `coach quiz`):
  /// Ctrl-C or the end of input leaves it, with everything answered so far saved.
  public func runActivities(reader: LineReader) {
    read(from: reader, untilActivitiesEnd: true)
    reader.close()
  }

  /// The one input loop, for a terminal and a pipe alike: each line goes to the running
  /// activity or runs as a command. It ends at `quit` or the end of the input, or — for one
  /// command's activity — when no activity is left.
  private func read(from reader: LineReader, untilActivitiesEnd: Bool) {
    while !quitRequested, !(untilActivitiesEnd && activeActivity == nil) {
      switch reader.readLine(prompt: prompt, context: inputContext) {
      case .line(let line):
        if line.contains("\n") { handlePaste(line, reader: reader) } else { handle(line) }
      case .interrupted:
        // Ctrl-C on an empty line (the reader clears a line with text itself): it leaves the
        // walk, everything saved; at the top level the reader has already shown a fresh prompt.
        if let activity = activeActivity {
          finish(activity)
          activity.leave(in: self)
        }
      case .endOfInput:
        // In batch mode the end of input ends everything; on a terminal, Ctrl-D at a walk
        // prompt leaves the walk and then the session.
        while let activity = activeActivity {
          finish(activity)
          activity.leave(in: self)
        }
        if !untilActivitiesEnd { requestQuit(force: true) }
      }
    }
  }

  /// Which history the next line joins: commands at the top level, answers inside activities.
  var inputContext: InputContext { activeActivity == nil ? .command : .answer }

  /// A multi-line paste (only a terminal reader returns one). Into a list prompt: one item per
  /// non-blank line. Into any other prompt of an activity: one answer, its lines kept. At the
  /// command prompt: the lines are shown and run only if the rep says yes — a paste is often
  /// not what the rep meant to send, and a command run by mistake can change the plan.
  func handlePaste(_ text: String, reader: LineReader) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let activity = activeActivity {
      guard (activity as? TakesListItems)?.takesListItems == true else {
        handle(text)
        return
      }
      for line in lines where !line.trimmingWhitespace.isEmpty {
        // Stop if an item ended the list (or the walk): the rest was meant for this list only.
        guard activeActivity === activity, (activity as? TakesListItems)?.takesListItems == true else { break }
        handle(line)
      }
      return
    }
    let commands = lines.map(\.trimmingWhitespace).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    guard !commands.isEmpty else { return }
    if commands.count == 1 {
      handle(commands[0])
      return
    }
    // The reader has echoed every pasted line under the prompt; ask before running them.
    let question = l.t("Run these \(commands.count) lines as commands, one after another? (y/N) ", "把这 \(commands.count) 行作为命令依次执行吗？(y/N) ")
    guard case .line(let answer) = reader.readLine(prompt: question, context: .answer),
      PasteAnswer.isYes(answer)
    else {
      say(StyledText(l.t("Nothing was run.", "没有执行任何命令。"), .dim))
      return
    }
    for command in commands {
      guard !quitRequested else { break }
      handle(command)
    }
  }

  /// One line: to the running activity, or parsed as a command.
  public func handle(_ line: String) {
    if let activity = activeActivity {
      if activity.handle(line, in: self) { finish(activity) }
      return
    }
    let trimmed = line.trimmingWhitespace
    guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
    run(CommandWords.split(trimmed))
  }

  /// Parses words with the shared command tree and runs the command.
  public func run(_ words: [String]) {
    guard let first = words.first else { return }
    if let asked = HelpRequest.asked(words) {
      showHelp(asked)
      return
    }
    guard HelpCatalog.entry(first) != nil else {
      fail(unknownCommand(first))
      return
    }
    let parsed: ParsableCommand?
    do {
      parsed = try CommandLookup.parse(words)
    } catch {
      fail(usageError(error, command: first))
      return
    }
    guard let command = parsed as? SessionCommand else {
      fail(unknownCommand(first))
      return
    }
    do { try command.run(in: self) } catch { fail(error) }
  }

  /// "Unknown command 'opne'. Did you mean 'open'?"
  func unknownCommand(_ word: String) -> CommandError {
    var text = StyledText("\(l.t("Unknown command", "未知命令")) ‘\(word, .bold)’")
    if let near = Suggest.nearest(to: word, in: HelpCatalog.words) {
      text += StyledText(l.t(". Did you mean ‘\(near)’? (`help` lists every command)", "。你是不是想输入 ‘\(near)’？（`help` 可列出全部命令）"))
    } else {
      text += StyledText(l.t(". `help` lists every command.", "。`help` 可列出全部命令。"))
    }
    return CommandError(text, exitCode: ExitStatus.usage)
  }

  /// An argument error from the parser, in the user's language, with the command's usage.
  func usageError(_ error: Error, command: String) -> CommandError {
    let english = CommandLookup.message(for: error, command: command)
    var text = StyledText(UsageProblem(error, english: english).text(l))
    if let entry = HelpCatalog.entry(command) {
      text += StyledText("\n" + l.t("Usage: ", "用法：") + entry.synopsis(l))
    }
    let code = CommandLookup.exitCode(for: error, command: command)
    return CommandError(text, exitCode: code == 0 ? ExitStatus.usage : code)
  }

  /// Leaves the session. If the plan could not be saved, warns once first.
  public func requestQuit(force: Bool = false) {
    retrySave()
    if let unsaved = current?.unsaved, !quitWarned, !force {
      quitWarned = true
      fail(
        CommandError(
          l.describe(unsaved)
            + StyledText(
              l.t(
                "\nThe last changes are not on disk. Free some space or fix the folder, then type anything to retry saving; `quit` again leaves without them.",
                "\n最近的修改还没有写入磁盘。请腾出空间或修复文件夹后再输入任意命令以重试保存；再次输入 `quit` 将放弃这些修改并退出。")), exitCode: unsaved.exitCode))
      return
    }
    quitRequested = true
  }
}

/// An activity whose current prompt takes a list, one item per line (a multi-line paste is
/// split into items there).
protocol TakesListItems: AnyObject {
  var takesListItems: Bool { get }
}

/// The answer to "run the pasted commands?": yes only when the rep says so.
enum PasteAnswer {
  static func isYes(_ answer: String) -> Bool {
    let a = answer.trimmingWhitespace.lowercased()
    return ["y", "yes", "是", "是的", "好", "确定", "执行"].contains(a)
  }
}
