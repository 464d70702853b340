/// What a new hire has learnt: the Leitner box of every quiz item answered so far and the
/// lessons read. Kept in `<workspace>/progress.json` (schemaVersion 1):
///
/// ```json
/// {
///   "schemaVersion": 1,
///   "updatedAt": "2026-11-23T09:00:00Z",
///   "items": {
///     "ka-revenue-share": { "box": 2, "due": "2026-11-25", "introduced": "2026-11-23",
///                           "reviewed": "2026-11-23", "answeredAt": "2026-11-23T09:00:00Z",
///                           "right": 1, "wrong": 0 }
///   },
///   "lessons": { "key-accounts": { "readAt": "2026-11-23T09:00:00Z" } }
/// }
/// ```
///
/// Items are keyed by the quiz item's id, which is the same in every language, so switching
/// between English and Chinese keeps the schedule. Keys this version does not know (at any
/// level) and items or lessons no longer in the playbook are kept as they were.
public struct LearningProgress: JSONRecord {
  /// The newest progress format this version reads and writes.
  public static let currentSchemaVersion = 1

  public var schemaVersion: Int
  public var updatedAt: String?
  public var items: [String: ItemProgress]
  public var lessons: [String: LessonProgress]
  /// Keys this version does not know, kept as they were.
  public var extra: [String: JSONValue]

  public init() {
    schemaVersion = Self.currentSchemaVersion
    items = [:]
    lessons = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String = "") throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    guard let version = try f.int("schemaVersion") else {
      throw PlanFormatError(path: f.at("schemaVersion"), "missing: the progress file states its schemaVersion", "缺少：学习进度文件要写明 schemaVersion")
    }
    schemaVersion = version
    updatedAt = try f.string("updatedAt")
    items = try Self.keyed(f.value("items"), path: f.at("items"), ItemProgress.self)
    lessons = try Self.keyed(f.value("lessons"), path: f.at("lessons"), LessonProgress.self)
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("schemaVersion", schemaVersion)
    o["updatedAt"] = updatedAt
    o.set("items", .object(items.mapValues(\.json)))
    o.set("lessons", .object(lessons.mapValues(\.json)))
    return o.json
  }

  /// The file's text: pretty-printed with sorted keys, like plans.
  public var fileText: String { JSONWriter.pretty(json) }

  /// True when a newer version wrote the file: it may be read but is never written.
  public var isFromNewerVersion: Bool { schemaVersion > Self.currentSchemaVersion }

  /// `self` (a fresh read of the file) with the items and lessons that `mine` changed laid
  /// over it, so two sessions that answer different items do not undo each other's work.
  public func merging(_ mine: LearningProgress, items changedItems: Set<String>, lessons changedLessons: Set<String>, updatedAt: String?) -> LearningProgress {
    var merged = self
    for id in changedItems { merged.items[id] = mine.items[id] }
    for id in changedLessons { merged.lessons[id] = mine.lessons[id] }
    merged.updatedAt = updatedAt ?? merged.updatedAt
    return merged
  }

  private static func keyed<R: JSONRecord>(_ value: JSONValue?, path: String, _ type: R.Type) throws(PlanFormatError) -> [String: R] {
    guard let value else { return [:] }
    guard case .object(let object) = value else {
      throw PlanFormatError(path: path, "expected an object keyed by id, found \(value.kindName.en)", "应为以 id 为键的对象，实际是\(value.kindName.zh)")
    }
    var out: [String: R] = [:]
    for (key, item) in object { out[key] = try R(json: item, path: "\(path).\(key)") }
    return out
  }
}

/// One quiz item's place in the Leitner schedule.
public struct ItemProgress: JSONRecord {
  /// 1 … `LeitnerSchedule.boxes`; the last box means mastered.
  public var box: Int
  /// The day the item is next served by the daily quiz.
  public var due: CalendarDay
  /// The day it was first answered (counts against the day's new items).
  public var introduced: CalendarDay
  /// The day it was last answered (counts against the day's limit).
  public var reviewed: CalendarDay
  /// When it was last answered.
  public var answeredAt: String?
  public var right: Int
  public var wrong: Int
  public var extra: [String: JSONValue]

  public init(box: Int, due: CalendarDay, introduced: CalendarDay, reviewed: CalendarDay, answeredAt: String? = nil, right: Int = 0, wrong: Int = 0) {
    self.box = box
    self.due = due
    self.introduced = introduced
    self.reviewed = reviewed
    self.answeredAt = answeredAt
    self.right = right
    self.wrong = wrong
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    guard let box = try f.int("box", in: 1...LeitnerSchedule.standard.boxes) else {
      throw PlanFormatError(path: f.at("box"), "missing: every item has a box", "缺少：每道题都要有所在的级别（box）")
    }
    self.box = box
    guard let due = try Self.day(&f, "due") else {
      throw PlanFormatError(path: f.at("due"), "missing: every item has a due date", "缺少：每道题都要有到期日期")
    }
    self.due = due
    introduced = try Self.day(&f, "introduced") ?? due
    reviewed = try Self.day(&f, "reviewed") ?? introduced
    answeredAt = try f.string("answeredAt")
    right = try f.int("right", in: 0...Int(Int32.max)) ?? 0
    wrong = try f.int("wrong", in: 0...Int(Int32.max)) ?? 0
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("box", box)
    o["due"] = due.description
    o["introduced"] = introduced.description
    o["reviewed"] = reviewed.description
    o["answeredAt"] = answeredAt
    o.set("right", right)
    o.set("wrong", wrong)
    return o.json
  }

  private static func day(_ f: inout JSONFields, _ key: String) throws(PlanFormatError) -> CalendarDay? {
    guard let text = try f.string(key) else { return nil }
    guard let day = CalendarDay(text) else {
      throw PlanFormatError(path: f.at(key), "expected a date as YYYY-MM-DD, found \"\(text)\"", "应为 YYYY-MM-DD 格式的日期，实际是 \"\(text)\"")
    }
    return day
  }
}

/// A lesson the new hire has read to its last page.
public struct LessonProgress: JSONRecord {
  /// When its last page was first shown.
  public var readAt: String
  public var extra: [String: JSONValue]

  public init(readAt: String) {
    self.readAt = readAt
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    readAt = try f.string("readAt") ?? ""
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["readAt"] = readAt
    return o.json
  }
}
