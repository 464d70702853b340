import CoachCore
import CoachStore

/// An exam picks a scenario the rep has not had recently, from the rep's own transcripts in the
/// workspace's `sessions/` (see `DrillRecency`); the seed then picks among those.
extension DrillCommand {
  /// The rep the exam is for, when known before it starts (`--rep`, the settings' rep name, or
  /// `$USER` when no trainer is at the screen).
  func knownRep(_ session: Session) -> String? {
    if let r = rep?.trimmingWhitespace, !r.isEmpty { return r }
    guard trainer?.trimmingWhitespace.isEmpty ?? true else { return nil }
    return session.settings.repName ?? Platform.environment(["USER"])["USER"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The scenarios an exam picks from, and a line that says how they were chosen.
  func examCandidates(_ list: [DrillScenario], kind: DrillKind, session: Session) -> ([DrillScenario], StyledText?) {
    let l = session.l
    guard let who = knownRep(session), !list.isEmpty else { return (list, nil) }
    let saved = TranscriptStore.loadAll(directories: [session.settings.paths.sessions]).transcripts.map(\.transcript)
    let seen = DrillRecency.lastSeen(saved, rep: who, kind: kind)
    let choice = DrillRecency.notRecent(list, lastSeen: seen, now: session.now)
    guard choice.recent > 0 else { return (list, nil) }
    let days = DrillRecency.days
    let note: String
    if choice.allRecent {
      let day = choice.candidates.first.flatMap { seen[$0.id] }.map { $0.day.description } ?? ""
      note = l.t(
        "\(who) has had every one of these \(list.count) scenarios in the last \(days) days; the exam picks from those had longest ago (\(day)).",
        "\(who) 在最近 \(days) 天内已经练过全部 \(list.count) 个场景；考核从最早练过的场景（\(day)）中抽取。")
    } else {
      note = l.t(
        "The exam picks from the \(choice.candidates.count) of \(list.count) scenarios \(who) has not had in the last \(days) days.",
        "考核从 \(who) 最近 \(days) 天内没有练过的 \(choice.candidates.count) 个场景（共 \(list.count) 个）中抽取。")
    }
    return (choice.candidates, StyledText(note, .dim))
  }
}
