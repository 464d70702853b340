/// What the brief needs to know about the next meeting: when, what we want out of it, the
/// agenda, who is in the room on both sides, the questions and objections picked for it, and the
/// materials to bring. Items are named by the plan's stable ids (`s2`, `q5`, `o1`). BriefBuilder
/// takes it optionally; without one it picks from the plan by priority.
public struct BriefMeeting: Equatable, Sendable {
  /// YYYY-MM-DD.
  public var date: String?
  /// HH:MM, or free text ("after lunch").
  public var time: String?
  public var objective: String?
  public var agenda: [String]
  /// Stakeholder ids of the customer's attendees.
  public var attendeeIDs: [String]
  /// Our side, by name.
  public var ourAttendees: [String]
  public var questionIDs: [String]
  public var objectionIDs: [String]
  public var materials: [String]

  public init(
    date: String? = nil, time: String? = nil, objective: String? = nil, agenda: [String] = [], attendeeIDs: [String] = [], ourAttendees: [String] = [],
    questionIDs: [String] = [], objectionIDs: [String] = [], materials: [String] = []
  ) {
    self.date = date
    self.time = time
    self.objective = objective
    self.agenda = agenda
    self.attendeeIDs = attendeeIDs
    self.ourAttendees = ourAttendees
    self.questionIDs = questionIDs
    self.objectionIDs = objectionIDs
    self.materials = materials
  }
}

/// Who the brief is for: our own team (everything needed to run the meeting), or the customer
/// (a shareable agenda and mutual plan with nothing internal in it).
public enum BriefAudience: String, Sendable, CaseIterable {
  case `internal`, customer
}
