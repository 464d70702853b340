import CoachCore
import CoachStore
import CoachTerminal

extension Session {
  /// What a flow may read when it takes a line: the open plan as it stands, the width of the
  /// moment, today and now from the session clock.
  var flowContext: FlowContext {
    var context = FlowContext(plan: current?.plan, book: try? playbook(), l: l, width: output.width, today: clock.today, now: now, currency: settings.currency)
    context.interactive = settings.interactive
    return context
  }

  /// Starts a flow on top of the activity stack.
  public func begin(_ flow: any Flow) { begin(FlowActivity(flow)) }

  /// Carries out a flow's effects in order: the one place they turn into output, saves, undo
  /// and changes to the activity stack. Returns true when the flow has ended.
  @discardableResult
  func carryOut(_ effects: [FlowEffect], for activity: FlowActivity) -> Bool {
    var ended = false
    for effect in effects {
      switch effect {
      case .say(let text): say(text)
      case .warn(let text): output.errorLine(text)
      case .edit(let edit):
        do { try change(edit.description) { edit.change(&$0, now.description) } } catch {
          // The plan cannot take it (read-only): nothing more of this flow can be saved.
          fail(error)
          finish(activity)
          return true
        }
      case .confirm(let saved, let notSaved):
        if let text = current?.unsaved == nil ? saved : notSaved { say(text) }
      case .undo:
        do { try undo() } catch { fail(error) }
      case .saveTranscript(let transcript): save(transcript)
      case .saveTranscriptFile(let path, let transcript): save(transcript, at: path)
      case .confirmTranscript(let saved, let notSaved):
        if let text = lastTranscriptSaved ? saved : notSaved { say(text) }
      case .saveProgress(let progress, let item, let lesson): progressKeeper?.save(progress, item: item, lesson: lesson, in: self)
      case .left(let saved, let left): sayLeft(saved: saved, left: left)
      case .push(let flow): begin(flow)
      case .done:
        ended = true
        finish(activity)
      }
    }
    return ended
  }

  /// Writes a drill transcript into the sessions folder (made, and swept of a crash's temp
  /// files, on the first save of the run).
  func save(_ transcript: DrillTranscript) {
    let store = TranscriptStore(paths: settings.paths)
    do {
      if !transcriptsPrepared {
        try store.prepare(now: now)
        transcriptsPrepared = true
      }
      try store.save(transcript)
      lastTranscriptSaved = true
    } catch {
      lastTranscriptSaved = false
      fail(CommandError(l.describe(error) + StyledText(l.t(" — the drill goes on; it is saved again with the next answer.", "——练习继续进行；下一个回答时会再次保存。")), exitCode: error.exitCode))
    }
  }

  /// Writes a reviewed transcript back over its own file, durably (temp file, fsync, rename).
  func save(_ transcript: DrillTranscript, at path: String) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    do {
      try DurableFile.write(Array(transcript.fileText.utf8), directory: directory.isEmpty ? "/" : directory, name: name, keepBackup: false)
      lastTranscriptSaved = true
    } catch {
      lastTranscriptSaved = false
      fail(CommandError(l.describe(error) + StyledText(l.t(" — the review goes on; it is saved again with the next step.", "——复盘继续进行；下一步时会再次保存。")), exitCode: error.exitCode))
    }
  }

  /// Offers a next action (after an objection was handled), when the plan can take one.
  func offerAction() {
    guard current?.readOnly == nil, case .push(let flow) = ActionFollowUp.offer(l: l) else { return }
    begin(flow)
  }
}

/// A core flow on the activity stack; its effects are carried out by the session.
final class FlowActivity: Activity, TakesListItems {
  let flow: any Flow

  init(_ flow: any Flow) { self.flow = flow }

  var prompt: String { flow.prompt }
  var takesListItems: Bool { flow.takesListItems }

  func start(in session: Session) { session.carryOut(flow.start(session.flowContext), for: self) }

  func handle(_ line: String, in session: Session) -> Bool {
    session.carryOut(flow.accept(line, session.flowContext), for: self)
  }

  func leave(in session: Session) { session.carryOut(flow.leave(session.flowContext), for: self) }

  func complete(_ beforeCursor: String, in session: Session) -> Completion {
    let offered = flow.complete(beforeCursor)
    return Completion(replacing: offered.replacing, candidates: offered.candidates)
  }
}

extension Session {
  /// The playbooks whose signals read text in each language (a question, the customer's words),
  /// loaded now; a language whose playbook does not load is read with the session's.
  func signals() -> [Lang: Playbook] {
    var books: [Lang: Playbook] = [:]
    for lang in Lang.allCases { books[lang] = try? playbook(for: lang) }
    return books
  }
}
