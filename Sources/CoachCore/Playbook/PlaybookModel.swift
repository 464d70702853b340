/// The method as data, for one language: everything walks, hints, lessons, quizzes, drills and
/// checks read. Decoded from the YAML files in `playbooks/<lang>/` (plus trainers' folders).
public struct Playbook: Sendable {
  public var lang: Lang
  /// Every file that contributed, in load order (built-in first).
  public var sources: [String] = []
  /// Module titles by module id.
  public var titles: [String: String] = [:]

  public var walks: [String: Walk] = [:]
  /// The walks' module and id, in the order the files define them.
  public var walkOrder: [(module: String, walk: String)] = []
  public var traits: [String] = []
  public var questionTypes: [QuestionTypeInfo] = []
  public var weakQuestions: [WeakQuestion] = []
  public var roles: [RoleInfo] = []
  public var attitudes: [AttitudeInfo] = []
  public var roleGuide = RoleGuide()
  public var steps: [StepInfo] = []
  public var categories: [CategoryInfo] = []
  public var rubric: [String: RubricStep] = [:]
  public var negotiationParts: [NegotiationPart] = []
  public var terms: [TermInfo] = []
  public var teamRoles: [TeamRoleInfo] = []
  public var arenas: [Arena] = []
  public var closing: [ClosingTechnique] = []
  public var findings: [String: FindingText] = [:]
  public var lessons: [Lesson] = []
  public var quiz: [QuizItem] = []
  public var objectionDrills: [ObjectionDrill] = []
  public var questionDrills: [QuestionDrill] = []
  public var negotiationDrills: [NegotiationDrill] = []
  /// Drills a trainer assigned (`assignments.yaml`, optional).
  public var assignments: [DrillAssignment] = []
  /// Step answers a trainer graded (`answers.yaml`, optional), compared with new answers.
  public var gradedAnswers: [GradedAnswer] = []

  public init(lang: Lang) { self.lang = lang }

  public func questionType(_ id: QuestionType) -> QuestionTypeInfo? { questionTypes.first { $0.id == id } }
  public func role(_ id: StakeholderRole) -> RoleInfo? { roles.first { $0.id == id } }
  public func attitude(_ id: Attitude) -> AttitudeInfo? { attitudes.first { $0.id == id } }
  public func step(_ id: LSCPAStep) -> StepInfo? { steps.first { $0.id == id } }
  public func category(_ id: ObjectionCategory) -> CategoryInfo? { categories.first { $0.id == id } }
  public func part(_ id: String) -> NegotiationPart? { negotiationParts.first { $0.id == id } }
  public func term(_ id: NegotiationTerm) -> TermInfo? { terms.first { $0.id == id } }
  public func lesson(_ id: String) -> Lesson? { lessons.first { $0.id == id } }
}

public struct Walk: Sendable, Equatable {
  public var id: String
  public var title: String
  public var goal: String?
  public var tasks: [String] = []
  public var next: String?
  public var groups: [WalkGroup] = []
  public var prompts: [Prompt] = []

  public init(id: String, title: String, goal: String? = nil, prompts: [Prompt] = []) {
    self.id = id
    self.title = title
    self.goal = goal
    self.prompts = prompts
  }

  public func group(_ id: String?) -> WalkGroup? { groups.first { $0.id == id } }
  public func prompt(_ id: String) -> Prompt? { prompts.first { $0.id == id } }
}

public struct WalkGroup: Sendable, Equatable {
  public var id: String
  public var title: String
  public var intro: String?
}

public enum PromptKind: String, Sendable, CaseIterable { case text, list, choice, scale, amount, date }

public struct Prompt: Sendable, Equatable {
  public var id: String
  public var kind: PromptKind
  public var fills: String
  public var group: String?
  public var label: String?
  public var text: String
  public var hint: String?
  public var options: [ChoiceOption] = []
  public var scaleLow: String?
  public var scaleHigh: String?
  public var examples: [QuestionType: [String]] = [:]
  public var optional = false
  /// A date prompt about something that has happened (a visit, an order, the last contact):
  /// a day without its year is the latest one up to today, and a later day is refused.
  public var past = false
  /// `past`, or a plan field that only ever holds a day gone by.
  public var asksWhenItHappened: Bool { kind == .date && (past || Self.pastDateFields.contains(fills)) }
  static let pastDateFields: Set<String> = ["stakeholder.lastContact"]
  /// Where the hint comes from in the course or article, or `ours` (see `SourceRef`).
  public var source: String?
  /// Hints and example questions for particular industries, chosen by the plan's industry.
  public var industries: [IndustryVariant] = []

  /// The variant for an industry id, if the playbook has one.
  public func variant(for industry: String?) -> IndustryVariant? {
    guard let industry else { return nil }
    return industries.first { $0.id == industry }
  }

  /// The short name used in tables and summaries.
  public var shortLabel: String { label ?? text }

  public init(id: String, kind: PromptKind, fills: String, text: String) {
    self.id = id
    self.kind = kind
    self.fills = fills
    self.text = text
  }
}

/// A prompt's hint and example questions for one industry (`finance`, or a trainer's `logistics`).
public struct IndustryVariant: Sendable, Equatable {
  public var id: String
  public var hint: String?
  public var source: String?
  public var examples: [QuestionType: [String]] = [:]
  public init(id: String, hint: String? = nil, source: String? = nil) {
    self.id = id
    self.hint = hint
    self.source = source
  }
}

public struct ChoiceOption: Sendable, Equatable {
  public var id: String
  public var label: String
  public var note: String?
  public init(id: String, label: String, note: String? = nil) {
    self.id = id
    self.label = label
    self.note = note
  }
}

/// Words or a built-in test to look for in a line of text (see playbooks/README.md).
public struct Signal: Sendable, Equatable {
  public enum Position: String, Sendable { case start, end, anywhere }
  /// Built-in tests: `overlap` (repeats the customer's own content words), `specifics` (a
  /// figure, a date, a name or a planned step), `content` (more than a bare "Tell me?"),
  /// `detailed` (seven content words or twenty Chinese characters beyond stock phrases),
  /// `statement` (no question mark at all: the line asks nothing).
  public enum Test: String, Sendable, CaseIterable {
    case number, amount, question, long, multiQuestion = "multi-question", overlap, specifics, content, detailed, statement
  }
  public var id: String?
  public var at: Position = .anywhere
  public var phrases: [String] = []
  /// The phrases compiled (stems, gaps, optional words, alternatives), each once per process and
  /// only when first matched, so loading a playbook pays nothing for them.
  public var patterns: [PhrasePattern] { phrases.map(PatternCache.pattern) }
  public var test: Test?
  public var weight = 1
  public var why: String?
  /// A supporting signal counts only when another, non-supporting signal of the same group
  /// matches too ("next year" alone never makes a value question).
  public var supporting = false
  public init() {}
}

public struct QuestionTypeInfo: Sendable, Equatable {
  public var id: QuestionType
  public var name: String
  public var purpose: String?
  public var when: String?
  public var recognise: String?
  public var improve: String?
  public var examples: [String] = []
  public var signals: [Signal] = []
  /// More questions of this type, only for comparing a new question with (not shown as examples).
  public var compareWith: [String] = []
}

public struct WeakQuestion: Sendable, Equatable {
  public var id: String
  public var name: String?
  public var signals: [Signal] = []
  public var advice: String?
  /// Questions of this weak kind to compare a new question with (only `closed` uses it: the
  /// nearest examples may vote a question closed, see `QuestionClassifier`).
  public var compareWith: [String] = []
}

public struct RoleInfo: Sendable, Equatable {
  public var id: StakeholderRole
  public var name: String
  public var who: String?
  public var cares: [String] = []
  public var approach: String?
  public var example: String?
}

public struct AttitudeInfo: Sendable, Equatable {
  public var id: Attitude
  public var name: String
  public var description: String?
}

public struct RoleGuide: Sendable, Equatable {
  public struct Choice: Sendable, Equatable {
    public var id: String
    public var label: String
    public var role: StakeholderRole
  }
  public var question: String?
  public var options: [Choice] = []
}

/// One LSCPA step: what it is for, what to do and avoid, a good line per category.
public struct StepInfo: Sendable, Equatable {
  public var id: LSCPAStep
  public var name: String
  public var purpose: String?
  public var prompt: String?
  public var doList: [String] = []
  public var avoid: [String] = []
  public var examples: [ObjectionCategory: String] = [:]
}

public struct CategoryInfo: Sendable, Equatable {
  public var id: ObjectionCategory
  public var name: String
  public var description: String?
  public var signals: [Signal] = []
  public var wordings: [String] = []
  public var strategies: [StrategyInfo] = []
  /// More objections of this category, only for comparing a new objection with (not listed in the walk).
  public var compareWith: [String] = []
}

public struct StrategyInfo: Sendable, Equatable {
  public var id: String
  public var name: String
  public var how: String?
  public var example: String?
  public var signals: [Signal] = []
  public var source: String?
}

public struct RubricStep: Sendable, Equatable {
  public var id: String
  public var better: String?
  public var checks: [RubricCheck] = []
}

public struct RubricCheck: Sendable, Equatable {
  /// essential: the step scores 1 only when every essential check passes; harm: a failed harm
  /// check caps the step at 0 whatever else passed; extra: needed for 2 only.
  public enum Kind: String, Sendable { case essential, extra, harm }
  public var id: String
  public var kind: Kind = .extra
  public var description: String
  public var advice: String?
  public var any: [Signal] = []
  public var none: [Signal] = []
  public var strategies = false
}

public struct NegotiationPart: Sendable, Equatable {
  public var id: String
  public var title: String
  public var purpose: String?
  public var hint: String?
  public var principles: [String] = []
  public var prompts: [Prompt] = []
  public func prompt(_ id: String) -> Prompt? { prompts.first { $0.id == id } }
}

public struct TermInfo: Sendable, Equatable {
  public var id: NegotiationTerm
  public var name: String
  public var better: BetterDirection?
  public var unit: String?
  public var hint: String?
}

public struct TeamRoleInfo: Sendable, Equatable {
  public var id: TeamRole
  public var name: String
  public var duty: String?
}

public struct Arena: Sendable, Equatable {
  public var id: String
  public var name: String
  public var principle: String?
  public var tactics: [String] = []
}

public struct ClosingTechnique: Sendable, Equatable {
  public var id: String
  public var name: String
  public var purpose: String?
  public var tactics: [String] = []
}

public struct FindingText: Sendable, Equatable {
  public var id: String
  public var title: String?
  public var message: String
  public var source: String? = nil
}

public struct Lesson: Sendable, Equatable {
  public struct Page: Sendable, Equatable {
    public var id: String
    public var title: String?
    public var text: String
    public var source: String? = nil
  }
  public var id: String
  public var title: String
  public var summary: String?
  public var pages: [Page] = []
  public var check: [String] = []
}

public struct QuizItem: Sendable, Equatable {
  public enum Kind: String, Sendable { case choice, classify }
  public var id: String
  public var lesson: String
  public var kind: Kind
  public var question: String
  public var options: [ChoiceOption]
  public var answer: String
  public var explanation: String?
  public var source: String? = nil
}

public struct ObjectionDrill: Sendable, Equatable {
  public var id: String
  public var category: ObjectionCategory
  public var context: String?
  public var customer: String
  /// What the customer says next, depending on the rep's answers.
  public var followUps: [DrillFollowUp] = []
}

public struct QuestionDrill: Sendable, Equatable {
  public enum Task: String, Sendable { case write, name }
  public var id: String
  public var task: Task
  public var context: String?
  public var type: QuestionType?
  public var question: String?
}

public struct NegotiationDrill: Sendable, Equatable {
  public var id: String
  public var context: String?
  public var customer: String
  /// What the customer says next, depending on the rep's answers.
  public var followUps: [DrillFollowUp] = []
}
