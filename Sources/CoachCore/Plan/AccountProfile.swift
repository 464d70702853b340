/// Account analysis: the four classifications and the five areas of the portrait.
public struct AccountProfile: JSONRecord {
  public var industry: Industry?
  public var tier: Tier?
  public var cooperationStage: CooperationStage?
  public var decisionMode: DecisionMode?
  public var portrait: Portrait
  public var notes: String?
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init() {
    portrait = Portrait()
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    industry = try f.enumeration("industry", Industry.self)
    tier = try f.enumeration("tier", Tier.self)
    cooperationStage = try f.enumeration("cooperationStage", CooperationStage.self)
    decisionMode = try f.enumeration("decisionMode", DecisionMode.self)
    portrait = try f.record("portrait", Portrait.self) ?? Portrait()
    notes = try f.string("notes")
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("industry", industry)
    o.set("tier", tier)
    o.set("cooperationStage", cooperationStage)
    o.set("decisionMode", decisionMode)
    o.set("portrait", record: portrait)
    o["notes"] = notes
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}

/// The account portrait: one free-text answer per area.
public struct Portrait: JSONRecord {
  public var answers: [PortraitArea: String]
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init() {
    answers = [:]
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    answers = [:]
    for area in PortraitArea.allCases {
      if let text = try f.string(area.rawValue) { answers[area] = text }
    }
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    for area in PortraitArea.allCases { o[area.rawValue] = answers[area] }
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}

/// The value-assessment model: four values with three criteria each, scored 1–5. Totals are
/// derived here, never stored.
public struct ValueAssessment: JSONRecord {
  public var scores: [ValueDimension: ValueScores]
  public var extra: [String: JSONValue]

  public init() {
    scores = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    scores = [:]
    for dimension in ValueDimension.allCases {
      if let value = f.value(dimension.rawValue) {
        scores[dimension] = try ValueScores(json: value, path: f.at(dimension.rawValue), criteria: dimension.criteria)
      }
    }
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    for dimension in ValueDimension.allCases {
      if let s = scores[dimension] { o.set(dimension.rawValue, s.json) }
    }
    return o.json
  }

  public func score(_ dimension: ValueDimension, _ criterion: String) -> Int? {
    scores[dimension]?.scores[criterion]
  }

  public mutating func setScore(_ dimension: ValueDimension, _ criterion: String, _ value: Int, at time: String) {
    var s = scores[dimension] ?? ValueScores()
    s.scores[criterion] = value
    s.answeredAt[criterion] = time
    scores[dimension] = s
  }

  /// The sum of a dimension's scored criteria (at most 15).
  public func subtotal(_ dimension: ValueDimension) -> Int {
    dimension.criteria.reduce(0) { $0 + (score(dimension, $1) ?? 0) }
  }

  /// The sum of every scored criterion (at most 60).
  public var total: Int { ValueDimension.allCases.reduce(0) { $0 + subtotal($1) } }

  /// How many of the twelve criteria have a score.
  public var scoredCount: Int {
    // Each dimension's scores looked up once, not once per criterion (`check` and the
    // completeness both count them for every plan a cold `agenda` summarises).
    var count = 0
    for d in ValueDimension.allCases {
      guard let s = scores[d], !s.scores.isEmpty else { continue }
      for criterion in d.criteria where s.scores[criterion] != nil { count += 1 }
    }
    return count
  }

  public static let criteriaCount = 12
}

public struct ValueScores: Equatable, Sendable {
  public var scores: [String: Int] = [:]
  public var answeredAt: [String: String] = [:]
  public var extra: [String: JSONValue] = [:]

  public init() {}

  init(json: JSONValue, path: String, criteria: [String]) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    for criterion in criteria {
      if let n = try f.int(criterion, in: 1...5) { scores[criterion] = n }
    }
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    for (criterion, score) in scores { o.set(criterion, score) }
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}
