/// The brief's meeting from the plan's timeline: the next meeting to prepare for.
extension BriefMeeting {
  public init(_ m: Meeting) {
    self.init(
      date: m.date, time: m.time, objective: m.objective, agenda: m.agenda, attendeeIDs: m.attendees, ourAttendees: m.ours, questionIDs: m.questions,
      objectionIDs: m.objections, materials: m.materials)
  }

  /// The plan's next meeting on or after `today` without a debrief, if one is planned.
  public static func next(in plan: AccountPlan, today: CalendarDay) -> BriefMeeting? {
    plan.nextMeeting(today: today).map(BriefMeeting.init)
  }
}
