/// The Leitner schedule coach uses for quiz items. Pure: "today" is always passed in.
///
/// Rules (also in `help quiz`):
/// - Five boxes with review intervals of 1, 2, 4, 8 and 16 days. An item never answered is
///   *new* and counts as box 1.
/// - When an item is due (or new), a right answer moves it up one box (at most box 5) and it
///   is due again after that box's interval; box 5 stays box 5, due in 16 days.
/// - A wrong answer always sends it back to box 1, due tomorrow.
/// - A right answer to an item that is not due yet (practice in `quiz MODULE`, a lesson's
///   check questions) changes nothing: the box can only be earned when the item is due, so
///   cramming one evening does not master anything.
/// - *Mastered* means box 5, reached after four right answers on four due dates in a row
///   (the first at least 2 + 4 + 8 = 14 days before).
/// - Days are calendar days in the user's time zone; an item due on a day stays due until it
///   is answered.
public struct LeitnerSchedule: Sendable, Equatable {
  public static let standard = LeitnerSchedule(intervals: [1, 2, 4, 8, 16])

  /// Days until the next review, by box (index 0 = box 1).
  public var intervals: [Int]

  public init(intervals: [Int]) { self.intervals = intervals }

  public var boxes: Int { intervals.count }
  /// The box that means mastered: the last one.
  public var masteredBox: Int { boxes }

  public func interval(forBox box: Int) -> Int { intervals[min(max(box, 1), boxes) - 1] }

  /// new / learning / mastered.
  public func state(of record: ItemProgress?) -> ItemState {
    guard let record else { return .new }
    return record.box >= masteredBox ? .mastered : .learning
  }

  /// Whether an answered item is due for review on `today` (new items are never "due").
  public func isDue(_ record: ItemProgress?, on today: CalendarDay) -> Bool {
    guard let record else { return false }
    return record.due <= today
  }

  /// What one answer does to an item's record.
  public func answer(_ record: ItemProgress?, correct: Bool, on today: CalendarDay, at time: Timestamp) -> Change {
    let counts = record == nil || record!.due <= today
    let before = record?.box ?? 1
    var after = record ?? ItemProgress(box: 1, due: today, introduced: today, reviewed: today)
    let kind: Change.Kind
    if !correct {
      after.box = 1
      after.due = today.adding(days: interval(forBox: 1))
      kind = before == 1 ? .stayed : .demoted
      after.wrong += 1
    } else if counts {
      after.box = min(before + 1, boxes)
      after.due = today.adding(days: interval(forBox: after.box))
      kind = after.box > before ? .promoted : .stayed
      after.right += 1
    } else {
      kind = .practice
      after.right += 1
    }
    after.reviewed = today
    after.answeredAt = time.description
    return Change(before: record, after: after, kind: kind)
  }

  /// The result of one answer.
  public struct Change: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
      /// Moved up a box.
      case promoted
      /// Sent back to box 1.
      case demoted
      /// Same box: box 1 answered wrong again, or box 5 answered right again (due date moved).
      case stayed
      /// Not due: a right answer that leaves box and due date as they were.
      case practice
    }
    public var before: ItemProgress?
    public var after: ItemProgress
    public var kind: Kind
  }
}

public enum ItemState: String, Sendable, CaseIterable { case new, learning, mastered }

/// Counts of new / learning / mastered items, for bars.
public struct ItemCounts: Sendable, Equatable {
  public var new = 0
  public var learning = 0
  public var mastered = 0
  public var due = 0
  public var total: Int { new + learning + mastered }
  public init() {}

  public init(_ items: [QuizItem], progress: LearningProgress, today: CalendarDay, schedule: LeitnerSchedule = .standard) {
    for item in items {
      let record = progress.items[item.id]
      switch schedule.state(of: record) {
      case .new: new += 1
      case .learning: learning += 1
      case .mastered: mastered += 1
      }
      if schedule.isDue(record, on: today) { due += 1 }
    }
  }
}

/// A reproducible shuffle: the same seed gives the same order on every machine and run
/// (SplitMix64; Swift's own hashing is randomised per process, so it is not used).
public struct SeededShuffle: Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// A seed from a day and a label (e.g. the lesson id): FNV-1a over "YYYY-MM-DD|label".
  public init(day: CalendarDay, label: String) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in "\(day)|\(label)".utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    self.init(seed: hash)
  }

  public mutating func next() -> UInt64 {
    state = state &+ 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Fisher–Yates with this generator.
  public mutating func shuffle<T>(_ items: [T]) -> [T] {
    var out = items
    guard out.count > 1 else { return out }
    for i in stride(from: out.count - 1, to: 0, by: -1) {
      let j = Int(next() % UInt64(i + 1))
      out.swapAt(i, j)
    }
    return out
  }
}
