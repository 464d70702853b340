/// The service tier of the article's account tiering (VIP / key / ordinary), next to the
/// course's purchasing-power tier A/B/C.
public enum ServiceTier: String, PlanEnum { case vip, key, ordinary }
/// The article's account lifecycle stages.
public enum LifecycleStage: String, PlanEnum { case potential, initial, mature, loyal, churned }
/// The course's structured visit plan (定期回访机制): monthly operational visit, quarterly
/// business review, yearly strategy meeting.
public enum VisitCadence: String, PlanEnum {
  case monthly, quarterly, yearly
  /// Months between two visits of this cadence.
  public var months: Int {
    switch self {
    case .monthly: return 1
    case .quarterly: return 3
    case .yearly: return 12
    }
  }
  /// The touchpoint that counts as this visit: a visit of a longer cadence also serves the
  /// shorter ones (a strategy meeting is also the quarter's review and the month's visit).
  public var servedBy: [TouchpointKind] {
    switch self {
    case .monthly: return [.operationalVisit, .businessReview, .strategyMeeting]
    case .quarterly: return [.businessReview, .strategyMeeting]
    case .yearly: return [.strategyMeeting]
    }
  }
}
/// What kind of contact a touchpoint was.
public enum TouchpointKind: String, PlanEnum {
  case operationalVisit = "operational-visit", businessReview = "business-review", strategyMeeting = "strategy-meeting"
  case call, email, event, other
}
/// An issue, or a complaint (complaints rising is a churn warning sign).
public enum IssueKind: String, PlanEnum { case issue, complaint }
/// A second-sales opportunity or a strategic-partnership idea.
public enum GrowthKind: String, PlanEnum {
  case crossSell = "cross-sell", upSell = "up-sell", valueAdded = "value-added", partnership
}
public enum GrowthStatus: String, PlanEnum { case idea, pursuing, won, lost }
/// A satisfaction-improvement action through the feedback loop (collect → analyse → improve →
/// verify): planned, done (improved), verified with the customer.
public enum ImprovementStatus: String, PlanEnum { case planned, done, verified }

/// One level of the graded response mechanism (分级响应机制): hours to respond and to resolve.
public struct ResponseLevel: JSONRecord {
  public var level: Int
  public var respondHours: Int
  public var resolveHours: Int
  public var extra: [String: JSONValue] = [:]

  public init(level: Int, respondHours: Int, resolveHours: Int) {
    self.level = level
    self.respondHours = respondHours
    self.resolveHours = resolveHours
  }

  /// The course's example levels: 1 (system down) 2 h / 24 h, 2 (function impaired) 4 h / 48 h,
  /// 3 (general enquiry) 24 h / one week.
  public static let course = [
    ResponseLevel(level: 1, respondHours: 2, resolveHours: 24), ResponseLevel(level: 2, respondHours: 4, resolveHours: 48),
    ResponseLevel(level: 3, respondHours: 24, resolveHours: 168),
  ]

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    level = try f.int("level", in: 1...3) ?? 1
    respondHours = try f.int("respondHours", in: 1...8760) ?? 24
    resolveHours = try f.int("resolveHours", in: 1...8760) ?? 168
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("level", level)
    o.set("respondHours", respondHours)
    o.set("resolveHours", resolveHours)
    return o.json
  }
}

/// The plan's account-management section (course part 5, 客户管理与维护, and the article):
/// keeping and growing a won account. Absent in a plan = empty.
public struct Management: JSONRecord {
  public var tier: ServiceTier?
  public var lifecycle: LifecycleStage?
  /// The dedicated account manager (专属客户经理).
  public var accountManager: String?
  /// The visits agreed: monthly, quarterly, yearly.
  public var visitPlan: [VisitCadence] = []
  /// The response levels as agreed; empty = the course's.
  public var responseLevels: [ResponseLevel] = []
  public var touchpoints: [Touchpoint] = []
  public var npsResponses: [NPSResponse] = []
  public var csat: [CSATScore] = []
  public var issues: [ServiceIssue] = []
  public var purchases: [Purchase] = []
  public var crises: [Crisis] = []
  public var growth: [GrowthOpportunity] = []
  public var improvements: [ImprovementAction] = []
  public var answeredAt: [String: String] = [:]
  public var extra: [String: JSONValue] = [:]

  public init() {}

  /// True when nothing is recorded: the section is not in use and `check` leaves it alone.
  public var isEmpty: Bool { self == Management() }

  /// The response times in force: the agreed level, else the course's.
  public func responseLevel(_ level: Int) -> ResponseLevel {
    responseLevels.first { $0.level == level } ?? ResponseLevel.course.first { $0.level == level } ?? ResponseLevel.course[2]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    tier = try f.enumeration("tier", ServiceTier.self)
    lifecycle = try f.enumeration("lifecycle", LifecycleStage.self)
    accountManager = try f.string("accountManager")
    visitPlan = []
    for (i, word) in try f.strings("visitPlan").enumerated() {
      guard let cadence = VisitCadence(rawValue: word) else {
        throw PlanFormatError(
          path: "\(f.at("visitPlan"))[\(i)]", "\"\(word)\" is not one of: monthly, quarterly, yearly", "\"\(word)\" 不是可选值之一：monthly、quarterly、yearly")
      }
      if !visitPlan.contains(cadence) { visitPlan.append(cadence) }
    }
    responseLevels = try f.records("responseLevels", ResponseLevel.self)
    touchpoints = try f.records("touchpoints", Touchpoint.self)
    npsResponses = try f.records("npsResponses", NPSResponse.self)
    csat = try f.records("csat", CSATScore.self)
    issues = try f.records("issues", ServiceIssue.self)
    purchases = try f.records("purchases", Purchase.self)
    crises = try f.records("crises", Crisis.self)
    growth = try f.records("growth", GrowthOpportunity.self)
    improvements = try f.records("improvements", ImprovementAction.self)
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("tier", tier)
    o.set("lifecycle", lifecycle)
    o["accountManager"] = accountManager
    o.set("visitPlan", strings: visitPlan.map(\.rawValue))
    o.set("responseLevels", records: responseLevels, keepEmpty: false)
    o.set("touchpoints", records: touchpoints, keepEmpty: false)
    o.set("npsResponses", records: npsResponses, keepEmpty: false)
    o.set("csat", records: csat, keepEmpty: false)
    o.set("issues", records: issues, keepEmpty: false)
    o.set("purchases", records: purchases, keepEmpty: false)
    o.set("crises", records: crises, keepEmpty: false)
    o.set("growth", records: growth, keepEmpty: false)
    o.set("improvements", records: improvements, keepEmpty: false)
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}

extension JSONFields {
  /// A day field (YYYY-MM-DD), refused with its place when it is not one.
  mutating func day(_ key: String) throws(PlanFormatError) -> String? {
    guard let text = try string(key) else { return nil }
    guard CalendarDay(text) != nil else {
      throw PlanFormatError(path: at(key), "expected a date as YYYY-MM-DD, found \"\(text)\"", "应为 YYYY-MM-DD 格式的日期，实际是 \"\(text)\"")
    }
    return text
  }

  /// A time field (ISO-8601), refused with its place when it is not one.
  mutating func time(_ key: String) throws(PlanFormatError) -> String? {
    guard let text = try string(key) else { return nil }
    guard Timestamp(iso8601: text) != nil else {
      throw PlanFormatError(
        path: at(key), "expected a time as YYYY-MM-DDTHH:MM:SSZ, found \"\(text)\"", "应为 YYYY-MM-DDTHH:MM:SSZ 格式的时间，实际是 \"\(text)\"")
    }
    return text
  }
}
