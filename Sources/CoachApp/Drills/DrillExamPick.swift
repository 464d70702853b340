import CoachCore
import CoachStore

/// An exam picks a scenario the rep has not had recently, from the rep's own transcripts in the
/// workspace's `sessions/` (see `DrillRecency`, `DrillExamPool`); the seed then picks among those.
extension DrillCommand {
  /// The rep the exam is for, when known before it starts (`--rep`, the settings' rep name, or
  /// `$USER` when no trainer is at the screen).
  func knownRep(_ session: Session) -> String? {
    if let r = rep?.trimmingWhitespace, !r.isEmpty { return r }
    guard trainer?.trimmingWhitespace.isEmpty ?? true else { return nil }
    return session.settings.repName ?? Platform.environment(["USER"])["USER"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The exam's pool over the workspace's saved drills.
  func examPool(_ list: [DrillScenario], kind: DrillKind, seed: Int, session: Session) -> DrillExamPool {
    let saved = TranscriptStore.loadAll(directories: [session.settings.paths.sessions]).transcripts.map(\.transcript)
    return DrillExamPool(list: list, kind: kind, history: saved, seed: seed)
  }
}
