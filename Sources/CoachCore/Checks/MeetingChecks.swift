/// The findings about the meetings: the next one's preparation, and what the debriefs show.
struct MeetingChecks {
  let checks: PlanChecks
  var plan: AccountPlan { checks.plan }

  func run() -> [Finding] {
    var out: [Finding] = []
    let view = MeetingView(plan: plan, book: checks.book, l: L10n(checks.book?.lang ?? .en), width: 80)
    let next = plan.nextMeeting(today: checks.today)
    if let next {
      let when = view.when(next)
      for id in next.attendees {
        guard let s = plan.stakeholder(id: id), (s.influence ?? 0) >= 4, (s.concerns ?? "").trimmingWhitespace.isEmpty else { continue }
        out.append(checks.finding("attendee-concern-unknown", ["name": s.name, "date": when]))
      }
      let verifying = next.questions.contains { id in plan.questionPlan.contains { $0.id == id && $0.type == .verification } }
      if !verifying { out.append(checks.finding("meeting-without-verification-question", ["date": when])) }
    }
    let debriefed = plan.debriefedMeetings
    if !debriefed.isEmpty {
      let met = Set(debriefed.flatMap(\.attendees))
      for s in plan.stakeholders where s.holds(.final) && !met.contains(s.id) {
        out.append(checks.finding("final-decision-maker-never-met", ["name": s.name]))
      }
    }
    // The same kind of objection logged in two debriefs.
    var meetingsByCategory: [ObjectionCategory: Set<String>] = [:]
    for m in debriefed {
      for id in m.debrief?.newObjections ?? [] {
        guard let c = plan.objections.first(where: { $0.id == id })?.category else { continue }
        meetingsByCategory[c, default: []].insert(m.id)
      }
    }
    for c in ObjectionCategory.allCases where (meetingsByCategory[c]?.count ?? 0) >= 2 {
      out.append(checks.finding("objection-raised-twice", ["name": Labels(checks.book, view.l).category(c), "count": String(meetingsByCategory[c]!.count)]))
    }
    // An attendee whose attitude turned skeptic or blocker at the latest debrief that changed it.
    var latest: [String: StakeholderChange] = [:]
    for m in debriefed { for c in m.debrief?.changes ?? [] where c.attitude != nil { latest[c.stakeholder] = c } }
    for s in plan.stakeholders {
      guard let c = latest[s.id], let now = c.attitude, now == .skeptic || now == .blocker, c.attitudeBefore != now,
        !(c.attitudeBefore == .blocker && now == .skeptic), s.attitude == now
      else { continue }
      let word = Labels(checks.book, view.l).attitude(now)
      out.append(checks.finding("attendee-turned-skeptic", ["name": s.name, "attitude": view.l.lang == .en ? word.lowercased() : word]))
    }
    // Actions agreed at the last debriefed meeting, still open as the next one comes.
    if let last = debriefed.last, let next {
      let open = plan.actions.filter { $0.meeting == last.id && !$0.done }
      if !open.isEmpty {
        out.append(checks.finding("last-meeting-actions-open", ["count": String(open.count), "date": view.when(last), "next": view.when(next)]))
      }
    }
    return out
  }
}
