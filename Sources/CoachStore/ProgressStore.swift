import CoachCore

/// The learning progress of one workspace: `<workspace>/progress.json`, mode 0600, written
/// durably (temp file, fsync, rename, directory fsync) with the previous version kept as
/// `progress.json.bak`. A damaged file is reported with line and column and never overwritten.
public struct ProgressStore: Sendable {
  /// Progress files larger than this are refused rather than read into memory.
  public static let maxBytes = 16 * 1024 * 1024
  public static let fileName = "progress.json"

  public let paths: WorkspacePaths

  public init(paths: WorkspacePaths) { self.paths = paths }

  public var path: String { paths.progress }

  /// Reads the progress; an absent file is an empty progress. A file a newer version wrote is
  /// returned when this version can read it (`isFromNewerVersion`; the caller must not save it).
  public func load() throws(StoreError) -> LearningProgress {
    guard Sys.fileExists(path) else { return LearningProgress() }
    let bytes = try Sys.readAll(path, limit: Self.maxBytes)
    return try Self.parse(bytes: bytes, path: path)
  }

  static func parse(bytes: [UInt8], path: String) throws(StoreError) -> LearningProgress {
    try VersionedJSON.decode(bytes, path: path, newest: LearningProgress.currentSchemaVersion) { value throws(PlanFormatError) in
      try LearningProgress(json: value)
    }
  }

  /// Writes the progress durably (0600, in a 0700 workspace), keeping the previous file as a
  /// backup. Refuses a progress written by a newer version.
  public func save(_ progress: LearningProgress) throws(StoreError) {
    guard !progress.isFromNewerVersion else { throw .readOnly(id: Self.fileName) }
    try Sys.makeDirectories(paths.root)
    try DurableFile.write(Array(progress.fileText.utf8), directory: paths.root, name: Self.fileName, keepBackup: true)
  }

  /// Removes temp files a crashed save left in the workspace folder.
  public func sweep(now: Timestamp) {
    guard Sys.fileExists(paths.root) else { return }
    DurableFile.sweepStaleTemps(in: paths.root, now: now.secondsSinceEpoch)
  }
}
