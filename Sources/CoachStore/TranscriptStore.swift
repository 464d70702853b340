import CoachCore

/// Drill transcripts on disk: one JSON file per drill in `<workspace>/sessions/` — folder 0700,
/// files 0600, each save durable (temp file, fsync, rename, directory fsync). Reading several
/// folders at once lets a trainer report across reps' workspaces.
public struct TranscriptStore {
  /// Transcripts larger than this are refused rather than read.
  public static let maxBytes = 8 * 1024 * 1024

  public let directory: String

  public init(directory: String) { self.directory = directory }
  public init(paths: WorkspacePaths) { directory = paths.sessions }

  /// Creates the folder (0700) and sweeps temp files a crash left behind.
  public func prepare(now: Timestamp) throws(StoreError) {
    try Sys.makeDirectories(directory)
    DurableFile.sweepStaleTemps(in: directory, now: now.secondsSinceEpoch)
  }

  public func path(for id: String) -> String { directory + "/" + id + ".json" }

  /// The ids of the transcripts in the folder (none when it does not exist yet).
  public func ids() -> Set<String> {
    let names = (try? Sys.listDirectory(directory)) ?? []
    return Set(names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
  }

  /// `stem`, or `stem-2`, `stem-3`… when a file of that name exists already.
  public func freeID(_ stem: String) -> String {
    guard Sys.fileExists(path(for: stem)) else { return stem }
    var n = 2
    while Sys.fileExists(path(for: "\(stem)-\(n)")) { n += 1 }
    return "\(stem)-\(n)"
  }

  /// Writes the transcript as `<id>.json`, replacing the previous save of the same drill.
  public func save(_ transcript: DrillTranscript) throws(StoreError) {
    try Sys.makeDirectories(directory)
    try DurableFile.write(Array(transcript.fileText.utf8), directory: directory, name: transcript.id + ".json", keepBackup: false)
  }

  /// Reads one transcript file; a damaged one is reported with line and column.
  public static func load(path: String) throws(StoreError) -> DrillTranscript {
    let bytes = try Sys.readAll(path, limit: maxBytes)
    do {
      return try DrillTranscript.parse(String(decoding: bytes, as: UTF8.self))
    } catch {
      switch error {
      case .syntax(let e): throw .syntax(path: path, e)
      case .format(let e): throw .format(path: path, e)
      case .newerVersion(let v): throw .newerVersion(path: path, version: v)
      }
    }
  }

  /// A folder given for a report: a workspace (its `sessions/` is used) or a sessions folder.
  public static func transcriptFolder(_ directory: String) -> String {
    Sys.fileExists(directory + "/sessions") ? directory + "/sessions" : directory
  }

  public struct Listing {
    public var transcripts: [(path: String, transcript: DrillTranscript)] = []
    public var problems: [(path: String, error: StoreError)] = []
    /// Folders that do not exist.
    public var missing: [String] = []
  }

  /// Every transcript (`*.json`) in the folders, in name order per folder; files that cannot be
  /// read are listed as problems, not fatal.
  public static func loadAll(directories: [String]) -> Listing {
    var listing = Listing()
    for directory in directories {
      guard Sys.fileExists(directory) else {
        listing.missing.append(directory)
        continue
      }
      let names: [String]
      do { names = try Sys.listDirectory(directory) } catch {
        listing.problems.append((directory, error))
        continue
      }
      for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
        let path = directory + "/" + name
        do { listing.transcripts.append((path, try load(path: path))) } catch { listing.problems.append((path, error)) }
      }
    }
    return listing
  }
}
