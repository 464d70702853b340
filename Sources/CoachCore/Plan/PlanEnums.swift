/// An enumeration of the plan format: its raw values are the ids written in plans and in the
/// published schema; display names come from the playbook.
public protocol PlanEnum: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

public enum Industry: String, PlanEnum { case manufacturing, finance, internet, government, other }
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
