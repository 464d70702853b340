/// The plan's meetings as a timeline: in date order, the next one, the one waiting for a debrief.
extension AccountPlan {
  /// The meeting with this id, if any.
  public func meeting(id: String) -> Meeting? { meetings.first { $0.id == id } }

  /// The index of the meeting with this id, if any.
  public func meetingIndex(id: String) -> Int? { meetings.firstIndex { $0.id == id } }

  /// The meetings' indices in timeline order: by date, then time (a meeting without a time
  /// first on its day), then as recorded. `meeting N` numbers them in this order.
  public var timelineOrder: [Int] {
    // Sorted over a local copy of the array: a closure reading `self.meetings` captured the
    // whole plan, copied for each sort (callgrind, cold `agenda`: 3 % of summarising a plan
    // that has no meetings at all).
    let meetings = self.meetings
    guard meetings.count > 1 else { return Array(meetings.indices) }
    return meetings.indices.sorted { a, b in
      let x = meetings[a]
      let y = meetings[b]
      if x.date != y.date { return x.date < y.date }
      if (x.time ?? "") != (y.time ?? "") { return (x.time ?? "") < (y.time ?? "") }
      return a < b
    }
  }

  /// The meetings in timeline order.
  public var timeline: [Meeting] { timelineOrder.map { meetings[$0] } }

  /// The first meeting on or after `today` without a debrief: the one to prepare for.
  public func nextMeeting(today: CalendarDay) -> Meeting? {
    timeline.first { m in m.debrief == nil && (m.day.map { $0 >= today } ?? false) }
  }

  /// The latest meeting on or before `today` without a debrief: the one `debrief` records.
  public func meetingToDebrief(today: CalendarDay) -> Meeting? {
    timeline.last { m in m.debrief == nil && (m.day.map { $0 <= today } ?? false) }
  }

  /// The meetings that have a debrief, in timeline order.
  public var debriefedMeetings: [Meeting] { timeline.filter { $0.debrief != nil } }

  /// Hands out the next id of a list (`m3` after `m2`), counting it as used: an item created
  /// by an edit carries its id from the start, so later edits of the same walk find it.
  public mutating func takeItemID(_ prefix: String, existing: [String]) -> String {
    var last = lastItemIDs[prefix] ?? 0
    for id in existing { if let n = ItemIDPrefix.number(id, prefix: prefix), n > last { last = n } }
    last += 1
    lastItemIDs[prefix] = last
    return prefix + String(last)
  }
}
