/// An enumeration of the plan format: its raw values are the ids written in plans and in the
/// published schema; display names come from the playbook.
public protocol PlanEnum: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

/// The account's industry: the course's four and `other`, or one a trainer's playbook adds as a
/// choice (an id such as `logistics`), so that walks can offer that industry's hints and examples.
public struct Industry: PlanEnum {
  public let rawValue: String
  public init?(rawValue: String) {
    guard Industry.isID(rawValue) else { return nil }
    self.rawValue = rawValue
  }
  private init(known: String) { rawValue = known }
  public static let manufacturing = Industry(known: "manufacturing")
  public static let finance = Industry(known: "finance")
  public static let internet = Industry(known: "internet")
  public static let government = Industry(known: "government")
  public static let other = Industry(known: "other")
  /// The built-in industries (a trainer's playbook may add more).
  public static let allCases: [Industry] = [.manufacturing, .finance, .internet, .government, .other]

  /// Lower-case letters, digits and dashes, starting with a letter, at most 40 characters.
  public static func isID(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, ("a"..."z").contains(first), s.unicodeScalars.count <= 40 else { return false }
    return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}
public enum Tier: String, PlanEnum { case a = "A", b = "B", c = "C" }
public enum CooperationStage: String, PlanEnum { case potential, new, mature, strategic }
public enum DecisionMode: String, PlanEnum { case centralized, decentralized, hybrid }
public enum StakeholderRole: String, PlanEnum { case final, user, technical, financial, other }
public enum Attitude: String, PlanEnum { case champion, supporter, neutral, skeptic, blocker }
public enum QuestionType: String, PlanEnum { case open, leading, verification, value }
public enum ObjectionCategory: String, PlanEnum { case price, time, risk, decision }
public enum LSCPAStep: String, PlanEnum { case listen, sympathize, confirm, process, assure }
public enum ObjectionStatus: String, PlanEnum { case open, resolved }
public enum NegotiationTerm: String, PlanEnum {
  case price, contractTerms = "contract-terms", deliveryTime = "delivery-time", paymentTerms = "payment-terms", custom
}
public enum BetterDirection: String, PlanEnum { case higher, lower }
public enum Flexibility: String, PlanEnum { case core, flexible }
public enum TeamRole: String, PlanEnum { case lead, technical, financial, other }

/// The four discovery stages, in the order the course teaches them.
public enum DiscoveryStage: String, PlanEnum, Comparable {
  case initialContact = "initial-contact"
  case inDepthInterview = "in-depth-interview"
  case needsConfirmation = "needs-confirmation"
  case solutionMatching = "solution-matching"

  public var order: Int { Self.allCases.firstIndex(of: self)! }
  public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
}

/// The four value dimensions of the value-assessment model and their three criteria each.
public enum ValueDimension: String, PlanEnum {
  case current, potential, relationship, strategic

  public var criteria: [String] {
    switch self {
    case .current: return ["annualPurchases", "profitContribution", "paymentTerms"]
    case .potential: return ["marketGrowth", "expansion", "budgetTrend"]
    case .relationship: return ["stability", "complementarity", "informationValue"]
    case .strategic: return ["industryInfluence", "technologySynergy", "marketChannel"]
    }
  }
}

/// The five areas of the account portrait.
public enum PortraitArea: String, PlanEnum { case decisionMakers, procurement, budget, painPoints, competition }
