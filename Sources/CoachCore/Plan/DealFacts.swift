/// The course's six-step sales process (part 4 · 大客户销售流程): where the deal stands.
public enum SalesStage: String, PlanEnum {
  case initialContact = "initial-contact"
  case needsDiscovery = "needs-discovery"
  case solutionDesign = "solution-design"
  case valueDemonstration = "value-demonstration"
  case objectionHandling = "objection-handling"
  case closing

  /// 1 to 6, in the order the course teaches them.
  public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }
}

/// The deal itself: its size and currency, when it is expected to close, the stage of the sales
/// process it is in, and the competitors in the running. Every field is optional; a plan without
/// a `deal` key has none of them.
public struct DealFacts: JSONRecord {
  /// The deal's size, in `currency` when one was given ("CNY 2.4m" → 2400000, "CNY").
  public var size: Double?
  public var currency: String?
  /// YYYY-MM-DD.
  public var closeDate: String?
  public var stage: SalesStage?
  public var competitors: [Competitor]
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init() {
    competitors = []
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    size = try f.double("size")
    if let size, size < 0 {
      throw PlanFormatError(path: f.at("size"), "expected an amount of 0 or more, found \(Blocks.number(size))", "应为大于或等于 0 的金额，实际是 \(Blocks.number(size))")
    }
    currency = try f.string("currency")
    closeDate = try f.string("closeDate")
    if let closeDate, CalendarDay(closeDate) == nil {
      throw PlanFormatError(path: f.at("closeDate"), "expected a date as YYYY-MM-DD, found \"\(closeDate)\"", "应为 YYYY-MM-DD 格式的日期，实际是 \"\(closeDate)\"")
    }
    stage = try f.enumeration("stage", SalesStage.self)
    competitors = try f.records("competitors", Competitor.self)
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("size", size)
    o["currency"] = currency
    o["closeDate"] = closeDate
    o.set("stage", stage)
    o.set("competitors", records: competitors, keepEmpty: false)
    o.set("answeredAt", times: answeredAt)
    return o.json
  }

  /// True when nothing about the deal is recorded (the plan then writes no `deal` key).
  public var isEmpty: Bool {
    size == nil && currency == nil && closeDate == nil && stage == nil && competitors.isEmpty && extra.isEmpty
  }

  /// The size as the rep typed it back: "2,400,000 CNY", or nil.
  /// The size as shown: `≈ 1,050,000 EUR` when the rep gave it as an estimate.
  public var sizeText: String? { size.map { (isApproximate("size") ? "≈ " : "") + Blocks.number($0) + (currency.map { " " + $0 } ?? "") } }

  /// The index of the competitor with this name (case-insensitive), if any.
  public func competitorIndex(named name: String) -> Int? {
    let key = name.lowercased()
    return competitors.firstIndex { $0.name.lowercased() == key }
  }
}

/// Another vendor in the running: what they do well, where they are weak, and where we stand
/// against them (the portrait's competition area, course part 1 · 竞争情况与供应商地位评估).
public struct Competitor: JSONRecord {
  /// Stable within the plan, never reused after removal (`k1`, `k2`…); empty until assigned.
  public var id: String = ""
  public var name: String
  public var strengths: String?
  public var weaknesses: String?
  /// Our position against them, in the customer's mind.
  public var ourPosition: String?
  public var answeredAt: [String: String]
  public var extra: [String: JSONValue]

  public init(name: String) {
    self.name = name
    answeredAt = [:]
    extra = [:]
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    guard let name = try f.string("name"), !name.isEmpty else {
      throw PlanFormatError(path: f.at("name"), "every competitor needs a name", "每个竞争对手都需要名称")
    }
    self.name = name
    strengths = try f.string("strengths")
    weaknesses = try f.string("weaknesses")
    ourPosition = try f.string("ourPosition")
    answeredAt = try f.timestamps()
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id.isEmpty ? nil : id
    o["name"] = name
    o["strengths"] = strengths
    o["weaknesses"] = weaknesses
    o["ourPosition"] = ourPosition
    o.set("answeredAt", times: answeredAt)
    return o.json
  }
}

extension Competitor: PlanItem {}

extension Competitor: FieldTable {
  public static let fields: [FieldSpec<Competitor>] = [
    .requiredText("name", \.name, stamp: \.answeredAt),
    .text("strengths", \.strengths, stamp: \.answeredAt),
    .text("weaknesses", \.weaknesses, stamp: \.answeredAt),
    .text("ourPosition", \.ourPosition, stamp: \.answeredAt),
  ]
}

extension DealFacts {
  /// The deal's fields a playbook walk fills (`deal.size`, `deal.closeDate`, `deal.stage`). The
  /// size keeps the currency it was typed with.
  static let planFields: [FieldSpec<AccountPlan>] = [
    FieldSpec(
      "deal.size", .amount, get: { p in p.deal.size.map { .amount($0, currency: p.deal.currency) } },
      set: { p, value, time in
        p.deal.size = PlanPatch.number(value)
        if case .amount(_, let currency) = value { p.deal.currency = currency } else { p.deal.currency = nil }
        p.deal.answeredAt["size"] = time
      }),
    FieldSpec(
      "deal.closeDate", .date, get: { p in p.deal.closeDate.map { .date($0) } },
      set: { p, value, time in
        p.deal.closeDate = PlanPatch.text(value)
        p.deal.answeredAt["closeDate"] = time
      }),
    .choice("deal.stage", \.deal.stage, stamp: \.deal.answeredAt, key: "stage"),
  ]
}
