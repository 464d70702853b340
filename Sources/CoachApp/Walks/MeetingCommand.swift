import ArgumentParser
import CoachCore

/// `meeting` (the next meeting, or a new one when none is planned), `meeting new`,
/// `meeting list [PLAN]` (also as `coach meeting list PLAN`), `meeting N` (show it and walk
/// through it again), `meeting remove N`.
struct MeetingCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "meeting", abstract: "Prepare the next meeting; list the timeline.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "new, list, remove N, or a meeting's number.") var words: [String] = []

  /// The words after `meeting` (for Tab and for "did you mean").
  static let words = ["new", "list", "remove"]

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let book = try? session.playbook()
    let width = session.output.width
    let first = words.first?.lowercased()
    switch first {
    case "list", "列表", "show":
      let name = words.dropFirst().joined(separator: " ")
      let plan = name.isEmpty ? try session.requirePlan() : try session.loadForReading(name)
      session.say(MeetingView(plan: plan, book: book, l: l, width: width).list(today: session.clock.today))
    case "new", "新建", "添加", "add":
      let plan = try session.requireWritablePlan()
      session.begin(MeetingPrepFlow.flow(plan: plan, meetingID: nil, book: book, l: l))
    case nil:
      let plan = try session.requireWritablePlan()
      if let next = plan.nextMeeting(today: session.clock.today) {
        session.say(MeetingView(plan: plan, book: book, l: l, width: width).card(next))
        session.begin(MeetingPrepFlow.flow(plan: plan, meetingID: next.id, book: book, l: l))
      } else {
        // A meeting that has taken place and waits for its debrief is worth a word first.
        if let past = plan.meetingToDebrief(today: session.clock.today) {
          let view = MeetingView(plan: plan, book: book, l: l, width: width)
          session.say(
            StyledText(
              l.t(
                "Meeting \(view.number(past)) (\(view.when(past))) has no debrief yet: `debrief` records how it went.",
                "会谈 \(view.number(past))（\(view.when(past))）还没有复盘：用 `debrief` 记录会谈结果。"), .dim))
        }
        session.begin(MeetingPrepFlow.flow(plan: plan, meetingID: nil, book: book, l: l))
      }
    case "remove", "删除":
      let plan = try session.requireWritablePlan()
      let m = try MeetingCommand.meeting(words.dropFirst().first, in: plan, l: l)
      let n = MeetingView(plan: plan, book: book, l: l, width: width).number(m)
      try session.change(l.t("removed meeting \(n)", "删除会谈 \(n)")) { plan in
        plan.meetings.removeAll { $0.id == m.id }
        // The actions agreed there stay, no longer pointing at a meeting that is gone.
        for i in plan.actions.indices where plan.actions[i].meeting == m.id { plan.actions[i].meeting = nil }
      }
      if m.debrief != nil {
        session.acknowledge(
          StyledText(l.t("Removed meeting #\(n) (\(m.date)) and its debrief. `undo` brings both back.", "已删除会谈 #\(n)（\(m.date)）及其复盘。用 `undo` 可恢复。")))
      } else {
        session.acknowledge(StyledText(l.t("Removed meeting #\(n) (\(m.date)). `undo` brings it back.", "已删除会谈 #\(n)（\(m.date)）。用 `undo` 可恢复。")))
      }
    case let word?:
      guard Int(word) != nil else {
        throw CommandError(
          StyledText(
            l.t(
              "Unknown word ‘\(word)’: use `meeting`, `meeting new`, `meeting list`, `meeting N` or `meeting remove N`.",
              "未知词 ‘\(word)’：请使用 `meeting`、`meeting new`、`meeting list`、`meeting 编号` 或 `meeting remove 编号`。")
              + NearestWord.hint(word, among: MeetingCommand.words, l)), exitCode: ExitStatus.usage)
      }
      let plan = try session.requirePlan()
      let m = try MeetingCommand.meeting(word, in: plan, l: l)
      session.say(MeetingView(plan: plan, book: book, l: l, width: width).card(m))
      // A plan open read-only is shown, not walked.
      if session.current?.readOnly == nil { session.begin(MeetingPrepFlow.flow(plan: plan, meetingID: m.id, book: book, l: l)) }
    }
  }

  /// The meeting numbered `word` in the timeline (`meeting list` numbers them).
  static func meeting(_ word: String?, in plan: AccountPlan, l: L10n) throws(CommandError) -> Meeting {
    let timeline = plan.timeline
    guard let word, let n = Int(word) else {
      throw CommandError(
        StyledText(l.t("Give the meeting's number from `meeting list`, e.g. `meeting 2`.", "请写出 `meeting list` 中的会谈编号，例如 `meeting 2`。")), exitCode: ExitStatus.usage)
    }
    guard timeline.indices.contains(n - 1) else {
      throw CommandError(
        StyledText(
          timeline.isEmpty
            ? l.t("There are no meetings yet: `meeting new` prepares one.", "还没有会谈：用 `meeting new` 准备一次。")
            : l.t("There is no meeting #\(n): `meeting list` shows 1 to \(timeline.count).", "没有会谈 #\(n)：`meeting list` 中的编号为 1 到 \(timeline.count)。")),
        exitCode: ExitStatus.noInput)
    }
    return timeline[n - 1]
  }
}

/// `debrief [N]`: records how a meeting went — the latest one up to today without a debrief,
/// or meeting N.
struct DebriefCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "debrief", abstract: "After a meeting: record how it went, back into the plan.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The meeting's number (default: the latest one up to today not yet debriefed).") var number: String?

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let plan = try session.requireWritablePlan()
    let book = try? session.playbook()
    let meeting: Meeting
    if let number {
      meeting = try MeetingCommand.meeting(number, in: plan, l: l)
    } else if let m = plan.meetingToDebrief(today: session.clock.today) {
      meeting = m
    } else {
      throw CommandError(
        StyledText(
          plan.meetings.isEmpty
            ? l.t("There is no meeting to debrief: `meeting new` records one (a past date is fine).", "没有可复盘的会谈：用 `meeting new` 记录一次（日期可以是过去的）。")
            : l.t(
              "Every meeting up to today has its debrief. `debrief N` goes over meeting N again (`meeting list` numbers them).",
              "截至今天的会谈都已复盘。用 `debrief 编号` 重新复盘某次会谈（编号见 `meeting list`）。")),
        exitCode: ExitStatus.noInput)
    }
    session.begin(DebriefFlow.flow(meetingID: meeting.id, plan: plan, book: book, l: l))
  }
}
