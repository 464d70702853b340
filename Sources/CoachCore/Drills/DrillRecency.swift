/// Which scenarios a rep has not seen recently, from their own saved drills: an exam picks
/// among the scenarios the rep has not had in the last 30 days (never had comes first), and
/// when every one was had that recently, among those had longest ago — so an exam is not a
/// scenario the rep has just rehearsed. Pure: the transcripts and "now" are given.
public enum DrillRecency {
  public static let days = 30

  /// When the rep last started each scenario (by id), from their transcripts of this kind.
  /// Reps are matched by name, ignoring case and surrounding spaces.
  public static func lastSeen(_ transcripts: [DrillTranscript], rep: String, kind: DrillKind) -> [String: Timestamp] {
    let who = rep.trimmingWhitespace.lowercased()
    var out: [String: Timestamp] = [:]
    for t in transcripts where t.scenario.kind == kind && t.rep.trimmingWhitespace.lowercased() == who {
      guard let at = Timestamp(iso8601: t.startedAt) else { continue }
      if let seen = out[t.scenario.id], seen >= at { continue }
      out[t.scenario.id] = at
    }
    return out
  }

  public struct Choice: Sendable {
    /// The scenarios to pick from, in the list's order.
    public var candidates: [DrillScenario]
    /// How many of the list the rep had within the window.
    public var recent: Int
    /// True when every scenario was had recently, so the candidates are those had longest ago.
    public var allRecent: Bool
  }

  public static func notRecent(_ list: [DrillScenario], lastSeen: [String: Timestamp], now: Timestamp, days: Int = days) -> Choice {
    let since = now.secondsSinceEpoch - days * 86_400
    let recent = list.filter { lastSeen[$0.id].map { $0.secondsSinceEpoch > since } ?? false }
    let fresh = list.filter { s in !recent.contains { $0.id == s.id } }
    if !fresh.isEmpty { return Choice(candidates: fresh, recent: recent.count, allRecent: false) }
    guard let oldest = list.compactMap({ lastSeen[$0.id] }).min() else { return Choice(candidates: list, recent: 0, allRecent: false) }
    return Choice(candidates: list.filter { lastSeen[$0.id] == oldest }, recent: recent.count, allRecent: true)
  }
}
