/// One meeting of the account's timeline: what we prepared for it (objective, agenda, who is in
/// the room, the questions we will ask, the objections we expect, what to bring) and, once it
/// has taken place, its debrief. Items it names (stakeholders, questions, objections) are
/// referred to by their ids.
public struct Meeting: JSONRecord {
  /// Stable within the plan, never reused after removal (`m1`, `m2`…); empty until assigned.
  public var id: String = ""
  /// YYYY-MM-DD.
  public var date: String
  /// HH:MM (24-hour), when a time was given.
  public var time: String?
  /// What we want out of this meeting.
  public var objective: String?
  public var agenda: [String]
  /// The customer's people in the room, by stakeholder id.
  public var attendees: [String]
  /// Our people in the room, by name.
  public var ours: [String]
  /// The planned questions we will ask, by question id.
  public var questions: [String]
  /// The objections we expect, by objection id.
  public var objections: [String]
  /// What to bring.
  public var materials: [String]
  /// What happened, recorded after the meeting.
  public var debrief: MeetingDebrief?
  public var createdAt: String?
  public var answeredAt: [String: String]
  /// The names people of this meeting (attendees, those in its debrief) had when they were
  /// removed from the plan, by stakeholder id: the meeting still says who was there.
  public var removedNames: [String: String] = [:]
  public var extra: [String: JSONValue]

  public init(date: String, createdAt: String) {
    self.date = date
    self.createdAt = createdAt
    agenda = []
    attendees = []
    ours = []
    questions = []
    objections = []
    materials = []
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    guard let date = try f.string("date") else {
      throw PlanFormatError(path: f.at("date"), "every meeting needs a date (YYYY-MM-DD)", "每次会谈都需要日期（YYYY-MM-DD）")
    }
    guard CalendarDay(date) != nil else {
      throw PlanFormatError(path: f.at("date"), "expected a date as YYYY-MM-DD, found \"\(date)\"", "应为 YYYY-MM-DD 格式的日期，实际是 \"\(date)\"")
    }
    self.date = date
    time = try f.string("time")
    if let time, MeetingTime.read(time) != time {
      throw PlanFormatError(path: f.at("time"), "expected a time as HH:MM (24-hour), found \"\(time)\"", "应为 HH:MM（24 小时制）格式的时间，实际是 \"\(time)\"")
    }
    objective = try f.string("objective")
    agenda = try f.strings("agenda")
    attendees = try f.strings("attendees")
    ours = try f.strings("ours")
    questions = try f.strings("questions")
    objections = try f.strings("objections")
    materials = try f.strings("materials")
    debrief = try f.record("debrief", MeetingDebrief.self)
    createdAt = try f.string("createdAt")
    answeredAt = try f.timestamps()
    if let names = f.value("removedNames") {
      guard case .object(let pairs) = names else {
        throw PlanFormatError(path: f.at("removedNames"), "expected an object of names by stakeholder id", "应为按决策者 id 记录姓名的对象")
      }
      for (id, value) in pairs {
        guard case .string(let name) = value else {
          throw PlanFormatError(path: f.at("removedNames") + "." + id, "expected a name (text)", "应为姓名（文字）")
        }
        removedNames[id] = name
      }
    }
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["date"] = date
    o["time"] = time
    o["objective"] = objective
    o.set("agenda", strings: agenda)
    o.set("attendees", strings: attendees)
    o.set("ours", strings: ours)
    o.set("questions", strings: questions)
    o.set("objections", strings: objections)
    o.set("materials", strings: materials)
    o.set("debrief", record: debrief)
    o["createdAt"] = createdAt
    o.set("answeredAt", times: answeredAt)
    if !removedNames.isEmpty { o.set("removedNames", JSONValue.object(removedNames.mapValues { JSONValue.string($0) })) }
    return o.json
  }

  /// The meeting's day.
  public var day: CalendarDay? { CalendarDay(date) }
}

/// How a meeting went against its objective.
public enum MeetingOutcome: String, PlanEnum { case met, partly, missed }

/// What the rep recorded after a meeting.
public struct MeetingDebrief: JSONRecord {
  public var outcome: MeetingOutcome?
  /// How it went, in the rep's words.
  public var outcomeNote: String?
  /// What we learned, each with where in discovery it was filed (if it was).
  public var learned: [MeetingLearning]
  /// The planned questions that were asked, with the customer's answers.
  public var asked: [AskedQuestion]
  /// Objections the customer raised, logged in the plan's objections (by id).
  public var newObjections: [String]
  /// How attendees' attitudes or concerns changed.
  public var changes: [StakeholderChange]
  /// What was agreed, as next actions (by action id).
  public var agreed: [String]
  /// The meeting set up next (by meeting id).
  public var nextMeeting: String?
  /// When the debrief was recorded.
  public var recordedAt: String?
  public var extra: [String: JSONValue]

  public init(recordedAt: String) {
    self.recordedAt = recordedAt
    learned = []
    asked = []
    newObjections = []
    changes = []
    agreed = []
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    outcome = try f.enumeration("outcome", MeetingOutcome.self)
    outcomeNote = try f.string("outcomeNote")
    learned = try f.records("learned", MeetingLearning.self)
    asked = try f.records("asked", AskedQuestion.self)
    newObjections = try f.strings("newObjections")
    changes = try f.records("changes", StakeholderChange.self)
    agreed = try f.strings("agreed")
    nextMeeting = try f.string("nextMeeting")
    recordedAt = try f.string("recordedAt")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("outcome", outcome)
    o["outcomeNote"] = outcomeNote
    o.set("learned", records: learned, keepEmpty: false)
    o.set("asked", records: asked, keepEmpty: false)
    o.set("newObjections", strings: newObjections)
    o.set("changes", records: changes, keepEmpty: false)
    o.set("agreed", strings: agreed)
    o["nextMeeting"] = nextMeeting
    o["recordedAt"] = recordedAt
    return o.json
  }
}

/// One thing learned in a meeting, and the discovery answer it was added to (if any).
public struct MeetingLearning: JSONRecord {
  public var text: String
  public var stage: DiscoveryStage?
  /// The discovery prompt's id within the stage.
  public var prompt: String?
  public var extra: [String: JSONValue]

  public init(text: String) {
    self.text = text
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    text = try f.string("text") ?? ""
    stage = try f.enumeration("stage", DiscoveryStage.self)
    prompt = try f.string("prompt")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["text"] = text
    o.set("stage", stage)
    o["prompt"] = prompt
    return o.json
  }
}

/// A planned question asked in a meeting, and what the customer said.
public struct AskedQuestion: JSONRecord {
  /// The question's id in the question plan.
  public var question: String
  public var answer: String?
  public var extra: [String: JSONValue]

  public init(question: String, answer: String?) {
    self.question = question
    self.answer = answer
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    question = try f.string("question") ?? ""
    answer = try f.string("answer")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["question"] = question
    o["answer"] = answer
    return o.json
  }
}

/// How an attendee's attitude or concerns changed in a meeting: before and after.
public struct StakeholderChange: JSONRecord {
  /// The stakeholder's id.
  public var stakeholder: String
  public var attitudeBefore: Attitude?
  public var attitude: Attitude?
  public var concernsBefore: String?
  public var concerns: String?
  public var extra: [String: JSONValue]

  public init(stakeholder: String) {
    self.stakeholder = stakeholder
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    stakeholder = try f.string("stakeholder") ?? ""
    attitudeBefore = try f.enumeration("attitudeBefore", Attitude.self)
    attitude = try f.enumeration("attitude", Attitude.self)
    concernsBefore = try f.string("concernsBefore")
    concerns = try f.string("concerns")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["stakeholder"] = stakeholder
    o.set("attitudeBefore", attitudeBefore)
    o.set("attitude", attitude)
    o["concernsBefore"] = concernsBefore
    o["concerns"] = concerns
    return o.json
  }
}

/// A meeting's time of day as stored: HH:MM, 24-hour.
public enum MeetingTime {
  /// `14:30`, `9:05`, `2pm`, `2:30 pm`, `14点`, `下午2点半` → "HH:MM"; nil when it is no time.
  public static func read(_ typed: String) -> String? {
    var s = AnswerParsing.normalise(typed).lowercased().replacingAll(" ", with: "")
    var pm = false
    var am = false
    for (word, isPM) in [("pm", true), ("p.m.", true), ("下午", true), ("晚上", true), ("am", false), ("a.m.", false), ("上午", false), ("早上", false)] {
      if s.hasSuffix(word) || s.hasPrefix(word) {
        s = s.hasSuffix(word) ? String(s.dropLast(word.count)) : String(s.dropFirst(word.count))
        if isPM { pm = true } else { am = true }
        break
      }
    }
    var hour: Int?
    var minute = 0
    if s.hasSuffix("点半") || s.hasSuffix("点30") {
      hour = Int(s.dropLast(2))
      minute = 30
    } else if s.hasSuffix("点") {
      hour = Int(s.dropLast())
    } else if let colon = s.firstIndex(where: { $0 == ":" || $0 == "：" || $0 == "." }) {
      let h = s[..<colon]
      let m = s[s.index(after: colon)...]
      guard m.count == 2, let mm = Int(m), (0...59).contains(mm) else { return nil }
      hour = Int(h)
      minute = mm
    } else if s.count <= 2 {
      hour = Int(s)
    }
    guard var h = hour, h >= 0, h <= 23 else { return nil }
    if !s.contains(where: { $0.isNumber }) { return nil }
    if pm || am {
      guard h <= 12 else { return nil }
      if pm, h < 12 { h += 12 }
      if am, h == 12 { h = 0 }
    }
    return (h < 10 ? "0" : "") + String(h) + ":" + (minute < 10 ? "0" : "") + String(minute)
  }
}
