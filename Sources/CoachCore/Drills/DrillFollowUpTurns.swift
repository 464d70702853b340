/// The follow-up turns of a saved drill. A reply to the customer's follow-up is a step record
/// like any other (scored by the rubric step in `step`), with two more keys: `followUp`, the
/// follow-up's id in the playbook, and `customer`, the words the customer said — so a saved
/// transcript holds the whole conversation and is scored again from itself alone.
extension DrillStepRecord {
  /// The playbook id of the follow-up this record answers; nil for a scenario's own step.
  public var followUp: String? {
    get { extra["followUp"]?.string }
    set { extra["followUp"] = newValue.map { .string($0) } }
  }

  /// What the customer said to prompt this reply (follow-up turns only).
  public var customer: String? {
    get { extra["customer"]?.string }
    set { extra["customer"] = newValue.map { .string($0) } }
  }

  public var isFollowUp: Bool { followUp != nil }
}

extension DrillTranscript {
  /// The scenario's steps and the follow-ups the customer raised: what a finished drill answers
  /// (an unanswered step counts as 0).
  public var expectedSteps: Int { scenario.stepIDs.count + steps.filter(\.isFollowUp).count }
}

extension DrillScenario {
  /// The scenario as the rep faces it in a follow-up turn: the customer's new words first (their
  /// own words are what the rep should play back), the earlier ones as context.
  public func facing(_ customer: String) -> DrillScenario {
    var s = self
    s.text = customer
    s.context = [context, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    return s
  }

  /// The follow-ups the playbook gives this scenario (a plan's negotiation scenario voices a
  /// playbook drill as `id@stakeholder-N`, and takes its follow-ups).
  public func followUps(in book: Playbook) -> [DrillFollowUp] {
    switch kind {
    case .objection:
      guard source == .playbook else { return [] }
      return book.objectionDrills.first { $0.id == id }?.followUps ?? []
    case .negotiation:
      let base = String(id.prefix { $0 != "@" })
      return book.negotiationDrills.first { $0.id == base }?.followUps ?? []
    case .questions:
      return []
    }
  }
}

extension DrillScorer {
  /// Scores one saved record against its scenario — a follow-up reply against the customer's
  /// follow-up line as recorded.
  /// `shownIn`: the reader's language for descriptions and advice (see `score(step:…)`).
  public func score(_ record: DrillStepRecord, in t: DrillTranscript, shownIn: Lang? = nil) -> StepResult {
    let scenario = record.customer.map { t.scenario.facing($0) } ?? t.scenario
    return score(step: record.step, text: record.text, strategies: record.strategies, scenario: scenario, lang: t.lang, shownIn: shownIn)
  }
}
