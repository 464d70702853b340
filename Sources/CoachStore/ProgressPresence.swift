import CoachCore

extension ProgressStore {
  /// The progress when the workspace has a progress.json that can be read; nil when it has none
  /// (a report then says so instead of counting an empty progress as a learner's).
  public func loadIfPresent() -> LearningProgress? {
    guard Sys.fileExists(path) else { return nil }
    return try? load()
  }
}
