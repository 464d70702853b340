/// Needs discovery: the answers of each of the four stages, keyed by the playbook's prompt id.
public struct Discovery: JSONRecord {
  public var stages: [DiscoveryStage: StageAnswers]
  public var extra: [String: JSONValue]

  public init() {
    stages = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    stages = [:]
    for stage in DiscoveryStage.allCases {
      if let s = try f.record(stage.rawValue, StageAnswers.self) { stages[stage] = s }
    }
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    for (stage, answers) in stages { o.set(stage.rawValue, record: answers) }
    return o.json
  }

  public subscript(stage: DiscoveryStage) -> StageAnswers {
    get { stages[stage] ?? StageAnswers() }
    set { stages[stage] = newValue }
  }
}

public struct StageAnswers: JSONRecord {
  public var answers: [String: AnswerValue]
  public var answeredAt: [String: String]
  public var completedAt: String?
  public var extra: [String: JSONValue]

  public init() {
    answers = [:]
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    answers = [:]
    if let raw = f.value("answers") {
      guard case .object(let object) = raw else {
        throw PlanFormatError(path: f.at("answers"), "expected an object of answers, found \(raw.kindName.en)", "应为由回答组成的对象，实际是\(raw.kindName.zh)")
      }
      for (id, value) in object {
        guard let answer = AnswerValue(json: value) else {
          throw PlanFormatError(path: "\(f.at("answers")).\(id)", "expected text, a list of text or a number from −10^15 to 10^15", "应为文本、文本列表或 −10^15 到 10^15 之间的数字")
        }
        answers[id] = answer
      }
    }
    answeredAt = try f.timestamps()
    completedAt = try f.string("completedAt")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("answers", .object(answers.mapValues(\.json)))
    o.set("answeredAt", times: answeredAt)
    o["completedAt"] = completedAt
    return o.json
  }

  /// True when no prompt of the stage has a non-empty answer.
  public var isEmpty: Bool { answers.values.allSatisfy(\.isEmpty) }
}

/// One question planned for the next meeting.
public struct PlannedQuestion: JSONRecord {
  /// Stable within the plan, never reused after removal (`s1`, `o3`…); empty until assigned.
  public var id: String = ""
  public var type: QuestionType
  public var text: String
  public var stage: DiscoveryStage?
  public var asked: Bool?
  public var answer: String?
  public var createdAt: String?
  public var extra: [String: JSONValue]

  public init(type: QuestionType, text: String, stage: DiscoveryStage? = nil, createdAt: String) {
    self.type = type
    self.text = text
    self.stage = stage
    self.createdAt = createdAt
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    guard let type = try f.enumeration("type", QuestionType.self) else {
      throw PlanFormatError(path: f.at("type"), "every planned question needs a type", "每个计划中的问题都需要类型")
    }
    self.type = type
    text = try f.string("text") ?? ""
    stage = try f.enumeration("stage", DiscoveryStage.self)
    asked = try f.bool("asked")
    answer = try f.string("answer")
    createdAt = try f.string("createdAt")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o.set("type", type)
    o["text"] = text
    o.set("stage", stage)
    o.set("asked", asked)
    o["answer"] = answer
    o["createdAt"] = createdAt
    return o.json
  }
}
