/// Which quiz items a session serves, and in what order. Pure: the playbook's items, the
/// progress and "today" are passed in.
///
/// - The daily `quiz` serves at most `dailyLimit` (10) items a day, counting every item already
///   answered that day (in a quiz or a lesson's check questions). Items due for review come
///   first, the longest overdue first (then the lower box, then playbook order); new items fill
///   the rest, at most `newPerDay` (5) first answers a day, from lessons already read first, then
///   in playbook order. The chosen items are shuffled with a seed made from the date, so the
///   same day gives the same session.
/// - `quiz MODULE` serves every item of that lesson with no daily limit: the due and new ones
///   first (their answers move boxes as usual), then the rest as practice (see
///   `LeitnerSchedule`); each part shuffled with a seed from the date and the lesson id.
public struct QuizSelection: Sendable {
  public var schedule = LeitnerSchedule.standard
  public var dailyLimit = 10
  public var newPerDay = 5

  public init() {}

  /// Why an item is in a session.
  public enum Reason: String, Sendable { case due, new, practice }

  public struct Entry: Sendable, Equatable {
    public var item: QuizItem
    public var reason: Reason
  }

  public struct Round: Sendable, Equatable {
    public var entries: [Entry]
    public func count(_ reason: Reason) -> Int { entries.filter { $0.reason == reason }.count }
  }

  /// Items answered on `today` (any source) and items first answered on `today`.
  public func answeredToday(_ items: [QuizItem], progress: LearningProgress, today: CalendarDay) -> (answered: Int, introduced: Int) {
    var answered = 0
    var introduced = 0
    for item in items {
      guard let r = progress.items[item.id] else { continue }
      if r.reviewed == today { answered += 1 }
      if r.introduced == today { introduced += 1 }
    }
    return (answered, introduced)
  }

  /// The daily quiz for `today`.
  public func daily(_ book: Playbook, progress: LearningProgress, today: CalendarDay) -> Round {
    let items = book.quiz
    let done = answeredToday(items, progress: progress, today: today)
    var room = max(0, dailyLimit - done.answered)
    let order = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let due = items.filter { schedule.isDue(progress.items[$0.id], on: today) }.sorted { a, b in
      let ra = progress.items[a.id]!
      let rb = progress.items[b.id]!
      if ra.due != rb.due { return ra.due < rb.due }
      if ra.box != rb.box { return ra.box < rb.box }
      return order[a.id]! < order[b.id]!
    }
    let chosenDue = Array(due.prefix(room))
    room -= chosenDue.count
    let newRoom = min(room, max(0, newPerDay - done.introduced))
    let fresh = items.filter { progress.items[$0.id] == nil }
    let read = fresh.filter { progress.lessons[$0.lesson] != nil }
    let unread = fresh.filter { progress.lessons[$0.lesson] == nil }
    let chosenNew = Array((read + unread).prefix(newRoom))
    var shuffle = SeededShuffle(day: today, label: "daily")
    let entries = chosenDue.map { Entry(item: $0, reason: .due) } + chosenNew.map { Entry(item: $0, reason: .new) }
    return Round(entries: shuffle.shuffle(entries))
  }

  /// Every item of one lesson: due and new ones first, then the rest as practice.
  public func module(_ lesson: Lesson, in book: Playbook, progress: LearningProgress, today: CalendarDay) -> Round {
    let items = book.quiz.filter { $0.lesson == lesson.id }
    var counting: [Entry] = []
    var practice: [Entry] = []
    for item in items {
      let record = progress.items[item.id]
      if record == nil {
        counting.append(Entry(item: item, reason: .new))
      } else if schedule.isDue(record, on: today) {
        counting.append(Entry(item: item, reason: .due))
      } else {
        practice.append(Entry(item: item, reason: .practice))
      }
    }
    var shuffle = SeededShuffle(day: today, label: lesson.id)
    let first = shuffle.shuffle(counting)
    return Round(entries: first + shuffle.shuffle(practice))
  }

  /// A lesson's check questions, in the lesson's order, each marked as it counts.
  public func checks(_ lesson: Lesson, in book: Playbook, progress: LearningProgress, today: CalendarDay) -> Round {
    let byID = Dictionary(book.quiz.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let entries = lesson.check.compactMap { id -> Entry? in
      guard let item = byID[id] else { return nil }
      let record = progress.items[id]
      let reason: Reason = record == nil ? .new : schedule.isDue(record, on: today) ? .due : .practice
      return Entry(item: item, reason: reason)
    }
    return Round(entries: entries)
  }

  /// The first day after `today` on which some item is due, and how many are due then.
  public func nextDue(_ items: [QuizItem], progress: LearningProgress, after today: CalendarDay) -> (day: CalendarDay, count: Int)? {
    let days = items.compactMap { progress.items[$0.id]?.due }.filter { $0 > today }
    guard let first = days.min() else { return nil }
    return (first, days.filter { $0 == first }.count)
  }
}
