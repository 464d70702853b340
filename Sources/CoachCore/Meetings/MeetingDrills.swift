/// `drill --from-plan --meeting next|N`: the plan's drills narrowed to one meeting — its
/// expected objections (objection drills), or questions for the people in the room (question
/// drills).
extension DrillScenarios {
  /// The meeting a `--meeting` word names: `next` (the next meeting from today) or its number
  /// in the timeline.
  public static func meeting(_ word: String, in plan: AccountPlan, today: CalendarDay) -> Meeting? {
    if ["next", "下次", "下一次"].contains(word.lowercased()) { return plan.nextMeeting(today: today) }
    guard let n = Int(word), plan.timeline.indices.contains(n - 1) else { return nil }
    return plan.timeline[n - 1]
  }

  /// The scenarios of `list` (made by `fromPlan`) that belong to `meeting`; negotiation drills
  /// are not narrowed.
  public static func forMeeting(_ list: [DrillScenario], kind: DrillKind, plan: AccountPlan, meeting: Meeting) -> [DrillScenario] {
    switch kind {
    case .objection:
      let ids = Set(plan.objections.enumerated().filter { meeting.objections.contains($0.element.id) }.map { "plan-objection-\($0.offset + 1)" })
      return list.filter { ids.contains($0.id) }
    case .questions:
      let prefixes = plan.stakeholders.enumerated().filter { meeting.attendees.contains($0.element.id) }.map { "stakeholder-\($0.offset + 1)-" }
      return list.filter { s in prefixes.contains { s.id.hasPrefix($0) } }
    case .negotiation:
      return list
    }
  }
}
