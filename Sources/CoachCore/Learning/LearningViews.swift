/// The words and pictures of learning: box labels, review dates, the per-lesson progress
/// table `learn` shows, and what to do next.
public struct LearningWords: Sendable {
  public let l: L10n
  public let schedule: LeitnerSchedule
  public init(_ l: L10n, schedule: LeitnerSchedule = .standard) {
    self.l = l
    self.schedule = schedule
  }

  /// "box 2 of 5" / "第 2/5 级".
  public func box(_ n: Int) -> String { l.t("box \(n) of \(schedule.boxes)", "第 \(n)/\(schedule.boxes) 级") }

  /// "1 item", "3 items": a count with its noun, for the English sentences.
  public func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) " + (n == 1 ? one : many) }

  /// "today", "tomorrow", "in 3 days".
  public func relative(_ day: CalendarDay, from today: CalendarDay) -> String {
    let n = day.daysSinceEpoch - today.daysSinceEpoch
    switch n {
    case ..<0: return l.t(count(-n, "day", "days") + " ago", "\(-n) 天前")
    case 0: return l.t("today", "今天")
    case 1: return l.t("tomorrow", "明天")
    default: return l.t("in \(n) days", "\(n) 天后")
    }
  }

  /// "2026-11-25 (in 2 days)".
  public func date(_ day: CalendarDay, from today: CalendarDay) -> String {
    l.t("\(day) (\(relative(day, from: today)))", "\(day)（\(relative(day, from: today))）")
  }

  /// How an item stands before it is asked: "new", "review · box 3 of 5", "practice · …".
  public func standing(_ entry: QuizSelection.Entry, record: ItemProgress?) -> String {
    guard let record else { return l.t("new", "新题") }
    let where_ = record.box >= schedule.masteredBox ? l.t("mastered", "已掌握") : box(record.box)
    switch entry.reason {
    case .new: return l.t("new", "新题")
    case .due: return l.t("review", "复习") + " · " + where_
    case .practice: return l.t("practice", "练习") + " · " + where_
    }
  }

  /// What an answer did to the schedule, in one line.
  public func change(_ change: LeitnerSchedule.Change, today: CalendarDay) -> String {
    let after = change.after
    let next = l.t("next review ", "下次复习 ") + date(after.due, from: today)
    switch change.kind {
    case .promoted where after.box >= schedule.masteredBox:
      return l.t("Mastered: ", "已掌握：") + box(after.box) + " · " + next
    case .promoted:
      return l.t("Up to ", "升到") + box(after.box) + " · " + next
    case .demoted:
      return l.t("Back to ", "退回") + box(1) + " · " + next
    case .stayed where after.box >= schedule.masteredBox:
      return l.t("Still mastered", "仍为已掌握") + " · " + next
    case .stayed:
      return box(after.box).capitalisedFirst + " · " + next
    case .practice:
      return l.t(
        "Practice: not due until \(date(after.due, from: today)), so it stays in \(box(after.box))",
        "练习：\(date(after.due, from: today))才到期，仍为\(box(after.box))")
    }
  }
}

/// `learn` with no lesson: each lesson's quiz items as new / learning / mastered bars, which
/// lessons were read, and what to do next.
public enum LearningOverview {
  public static func render(_ book: Playbook, progress: LearningProgress, today: CalendarDay, selection: QuizSelection = QuizSelection(), l: L10n, width: Int) -> StyledText {
    var out = StyledText(l.t("Lessons and progress", "课程与学习进度"), .heading)
    guard !book.lessons.isEmpty else {
      out.append("\n" + l.t("The playbooks have no lessons.", "剧本中没有课程。"))
      return out
    }
    var table = TextTable(columns: [
      .init("#", alignment: .right, minWidth: 2), .init(l.t("Lesson", "课程"), minWidth: 12), .init(l.t("Read", "已读"), minWidth: 4),
      .init(l.t("New", "新题"), minWidth: 7), .init(l.t("Learning", "学习中"), minWidth: 7), .init(l.t("Mastered", "已掌握"), minWidth: 7),
    ])
    for (i, lesson) in book.lessons.enumerated() {
      let c = ItemCounts(book.quiz.filter { $0.lesson == lesson.id }, progress: progress, today: today, schedule: selection.schedule)
      let cell = { (n: Int) in Blocks.bar(Double(n), of: Double(max(1, c.total)), width: 4) + " " + String(n) }
      table.add(
        ["\(i + 1)", lesson.title, progress.lessons[lesson.id] != nil ? "✓" : "·", cell(c.new), cell(c.learning), cell(c.mastered)],
        style: c.total > 0 && c.mastered == c.total ? .good : .plain)
    }
    out += "\n" + table.render(width: width)
    let all = ItemCounts(book.quiz, progress: progress, today: today, schedule: selection.schedule)
    let read = book.lessons.filter { progress.lessons[$0.id] != nil }.count
    out.append("\n\n")
    out.append(l.t("All \(all.total) items  ", "全部 \(all.total) 道题  "), .bold)
    out.append(Blocks.bar(Double(all.mastered), of: Double(max(1, all.total)), width: 20))
    out.append(
      l.t(
        "  new \(all.new) · learning \(all.learning) · mastered \(all.mastered) · due today \(all.due)",
        "  新题 \(all.new) · 学习中 \(all.learning) · 已掌握 \(all.mastered) · 今日到期 \(all.due)"))
    out.append("\n" + l.t("Lessons read: \(read) of \(book.lessons.count)", "已读课程：\(read)/\(book.lessons.count)"))
    out.append("\n" + advice(book, progress: progress, today: today, selection: selection, l: l), .accent)
    return out
  }

  /// What to do next: the quiz when items are due, else the first unread lesson, else the
  /// day's new items, else when the next review is.
  public static func advice(_ book: Playbook, progress: LearningProgress, today: CalendarDay, selection: QuizSelection = QuizSelection(), l: L10n) -> String {
    let words = LearningWords(l, schedule: selection.schedule)
    let daily = selection.daily(book, progress: progress, today: today)
    let due = daily.count(.due)
    if due > 0 {
      return l.t("Next: \(words.count(due, "item is", "items are")) due for review — type `quiz`.", "下一步：有 \(due) 道题到期需要复习——输入 `quiz`。")
    }
    if let unread = book.lessons.first(where: { progress.lessons[$0.id] == nil }) {
      return l.t("Next: `learn \(unread.id)` — \(unread.title).", "下一步：`learn \(unread.id)`——\(unread.title)。")
    }
    let new = daily.count(.new)
    if new > 0 {
      return l.t("Next: `quiz` has \(words.count(new, "new item", "new items")) for today.", "下一步：`quiz` 今天有 \(new) 道新题。")
    }
    if let next = selection.nextDue(book.quiz, progress: progress, after: today) {
      return l.t(
        "Nothing is due today; the next review is on \(words.date(next.day, from: today)).",
        "今天没有到期的题目；下次复习在 \(words.date(next.day, from: today))。")
    }
    return l.t("Every lesson is read. `quiz MODULE` practises one lesson any time.", "所有课程都已读完。随时可以用 `quiz 模块` 练习某一课。")
  }
}

extension String {
  /// The first letter in upper case ("box 1 of 5" → "Box 1 of 5"); Chinese is unchanged.
  fileprivate var capitalisedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}
