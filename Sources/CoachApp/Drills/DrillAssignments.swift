import CoachCore
import CoachStore

/// The drills a trainer assigned (`assignments.yaml` in their playbook folder), as a rep sees
/// them: `drill assigned`, and a line before a drill starts.
enum DrillAssignments {
  /// The assignments of both languages' playbooks, one per id (the session's language first).
  static func all(_ session: Session) -> [DrillAssignment] {
    var seen: Set<String> = []
    var out: [DrillAssignment] = []
    let langs = [session.l.lang] + Lang.allCases.filter { $0 != session.l.lang }
    for lang in langs {
      guard let book = try? session.playbook(for: lang) else { continue }
      for a in book.assignments where seen.insert(a.id).inserted { out.append(a) }
    }
    return out.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
  }

  static func mine(_ rep: String, _ session: Session) -> [(DrillAssignment, DrillAssignment.Status)] {
    let transcripts = TranscriptStore.loadAll(directories: [session.settings.paths.sessions]).transcripts.map(\.transcript)
    return all(session).filter { $0.isFor(rep) }.map { ($0, $0.status(of: rep, in: transcripts, today: session.clock.today)) }
  }

  /// `drill assigned [--rep NAME]`.
  static func show(rep: String?, in session: Session, book: Playbook) throws(CommandError) {
    let l = session.l
    guard let name = rep?.trimmingWhitespace ?? session.settings.repName ?? Platform.environment(["USER"])["USER"], !name.isEmpty else {
      throw CommandError(StyledText(l.t("Whose assignments? Give --rep NAME.", "要查看谁的练习任务？请用 --rep 姓名。")), exitCode: ExitStatus.usage)
    }
    let list = mine(name, session)
    let view = TeamReportView(TeamReport([], now: session.now), labels: DrillLabels(book, l), width: session.output.width)
    var out = StyledText(l.t("Assigned to ", "布置给 ") + name, .heading)
    out.append("  " + l.t("today \(session.clock.today)", "今天 \(session.clock.today)"), .dim)
    guard !list.isEmpty else {
      out.append(
        "\n" + l.t("Nothing assigned. A trainer's playbook folder (--playbooks DIR) holds assignments.yaml.", "没有布置的练习。培训师的剧本文件夹（--playbooks 目录）中的 assignments.yaml 记录练习任务。"))
      return session.say(out)
    }
    for (a, s) in list {
      let style: StyledText.Style = s.state == .done ? .good : s.state == .open ? .plain : .warn
      out.append("\n" + Wrap.text(view.assignmentName(a) + l.t(" — ", "——") + view.status(s), width: session.output.width, indent: "  "), style)
      if let note = a.note { out.append("\n" + Wrap.text(note, width: session.output.width, indent: "    "), .dim) }
      if s.state == .open || s.state == .overdue { out.append("\n    " + command(a), .accent) }
    }
    session.say(out)
  }

  /// The command that practises an assignment.
  static func command(_ a: DrillAssignment) -> String {
    var words = ["drill", a.kind.rawValue]
    if let s = a.scenario { words += ["--scenario", s] } else if let c = a.category { words += ["--category", c] }
    if a.mode == .exam { words += ["--mode", "exam"] }
    if a.passMark != 70 { words += ["--pass", "\(a.passMark)"] }
    return words.joined(separator: " ")
  }

  /// One line before a drill: how many assignments are open, and the nearest due day.
  static func notice(rep: String?, session: Session) -> StyledText? {
    guard let rep, !rep.isEmpty else { return nil }
    let l = session.l
    let open = mine(rep, session).filter { $0.1.state == .open || $0.1.state == .overdue }
    guard let next = open.first else { return nil }
    let overdue = open.filter { $0.1.state == .overdue }.count
    var line = l.t("Assigned to you: \(open.count) open", "布置给你的练习：\(open.count) 项未完成")
    if overdue > 0 { line += l.t(", \(overdue) overdue", "，\(overdue) 项已逾期") }
    line += l.t("; next due \(next.0.due) (\(next.0.id)). `drill assigned` lists them.", "；最近截止 \(next.0.due)（\(next.0.id)）。用 `drill assigned` 查看。")
    return StyledText(line, overdue > 0 ? .warn : .dim)
  }
}
