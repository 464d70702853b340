import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// What `list` needs of each plan, cached in `<workspace>/.cache/list.json` so that listing
/// thousands of plans does not parse every file every time. An entry is used only while the
/// plan file has the same size, modification time and inode (every save makes a new inode);
/// anything else — a missing, damaged or older cache — just means the plan is read again.
public struct PlanSummaryCache {
  public struct FileStamp: Equatable, Sendable {
    public var size: Int
    public var mtimeSeconds: Int
    public var mtimeNanos: Int
    public var inode: UInt64
  }

  /// The summary of one plan, as far as it does not depend on today's date.
  public struct Entry: Equatable, Sendable {
    public var stamp: FileStamp
    public var name: String
    public var updatedAt: String
    public var stakeholders: Int
    /// Completeness per section (0…1), by section id.
    public var sections: [String: Double]
    /// Warnings and notes that do not depend on the date (stale plans and overdue actions are
    /// worked out at list time from `updatedAt` and `openDueDates`).
    public var warnings: Int
    public var notes: Int
    /// Due dates (YYYY-MM-DD) of actions not done yet.
    public var openDueDates: [String]
    /// The deal's sales stage (a SalesStage id), if recorded.
    public var stage: String? = nil

    public init(stamp: FileStamp, name: String, updatedAt: String, stakeholders: Int, sections: [String: Double], warnings: Int, notes: Int, openDueDates: [String]) {
      self.stamp = stamp
      self.name = name
      self.updatedAt = updatedAt
      self.stakeholders = stakeholders
      self.sections = sections
      self.warnings = warnings
      self.notes = notes
      self.openDueDates = openDueDates
    }

    public init(
      stamp: FileStamp, name: String, updatedAt: String, stakeholders: Int, sections: [String: Double], warnings: Int, notes: Int, openDueDates: [String],
      stage: String?
    ) {
      self.init(stamp: stamp, name: name, updatedAt: updatedAt, stakeholders: stakeholders, sections: sections, warnings: warnings, notes: notes, openDueDates: openDueDates)
      self.stage = stage
    }
  }

  public static let version = 2
  public let path: String
  /// Entries are valid only for the playbook they were computed with.
  public let fingerprint: String
  public private(set) var entries: [String: Entry] = [:]
  public private(set) var changed = false

  public init(workspace: WorkspacePaths, fingerprint: String) {
    path = workspace.root + "/.cache/list.json"
    self.fingerprint = fingerprint
    guard let bytes = try? Sys.readAll(path, limit: 256 * 1024 * 1024),
      let value = try? JSONParser.parse(bytes: bytes),
      value["version"]?.int == Self.version, value["fingerprint"]?.string == fingerprint,
      let raw = value["entries"]?.object
    else { return }
    for (id, e) in raw {
      if let entry = Self.entry(e) { entries[id] = entry } else { changed = true }
    }
  }

  /// One cached entry, checked field by field: every count a whole number that is not
  /// negative, every completeness a finite fraction from 0 to 1, nanoseconds below a second.
  /// Anything else (a hand-edited or damaged cache: `"inode": -1`, a section of 1e300) is not
  /// used, so the plan is read again and the entry rewritten.
  static func entry(_ e: JSONValue) -> Entry? {
    func count(_ v: JSONValue?) -> Int? {
      guard let n = v?.int, n >= 0 else { return nil }
      return n
    }
    guard let s = e["stamp"], let size = count(s["size"]), let sec = s["mtime"]?.int, let ns = count(s["mtimeNs"]), ns < 1_000_000_000,
      let ino = count(s["inode"]), let name = e["name"]?.string, let updated = e["updatedAt"]?.string,
      let stakeholders = count(e["stakeholders"]), let warnings = count(e["warnings"]), let notes = count(e["notes"]),
      let rawSections = e["sections"]?.object, let rawDates = e["openDueDates"]?.array
    else { return nil }
    var sections: [String: Double] = [:]
    for (key, value) in rawSections {
      guard let x = value.number, x.isFinite, (0...1).contains(x) else { return nil }
      sections[key] = x
    }
    let dates = rawDates.compactMap(\.string)
    guard dates.count == rawDates.count else { return nil }
    return Entry(
      stamp: FileStamp(size: size, mtimeSeconds: sec, mtimeNanos: ns, inode: UInt64(ino)), name: name, updatedAt: updated,
      stakeholders: stakeholders, sections: sections, warnings: warnings, notes: notes, openDueDates: dates, stage: e["stage"]?.string)
  }

  /// The file's stamp now, or nil when it cannot be read.
  public static func stamp(_ file: String) -> FileStamp? {
    var info = stat()
    guard stat(file, &info) == 0 else { return nil }
    return FileStamp(size: Int(info.st_size), mtimeSeconds: Int(info.st_mtim.tv_sec), mtimeNanos: Int(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
  }

  /// The cached entry, if it still describes the file.
  public func entry(_ id: String, stamp: FileStamp) -> Entry? {
    guard let e = entries[id], e.stamp == stamp else { return nil }
    return e
  }

  public mutating func store(_ id: String, _ entry: Entry) {
    if entries[id] != entry {
      entries[id] = entry
      changed = true
    }
  }

  /// Drops entries of plans that are gone.
  public mutating func keepOnly(_ ids: Set<String>) {
    let before = entries.count
    entries = entries.filter { ids.contains($0.key) }
    if entries.count != before { changed = true }
  }

  /// Writes the cache if anything changed; failures are ignored (it is only a cache).
  public func save() {
    guard changed else { return }
    var raw: [String: JSONValue] = [:]
    for (id, e) in entries {
      raw[id] = [
        "stamp": [
          "size": .number(Double(e.stamp.size)), "mtime": .number(Double(e.stamp.mtimeSeconds)),
          "mtimeNs": .number(Double(e.stamp.mtimeNanos)), "inode": .number(Double(e.stamp.inode)),
        ],
        "name": .string(e.name), "updatedAt": .string(e.updatedAt), "stakeholders": .number(Double(e.stakeholders)),
        "sections": .object(e.sections.mapValues { .number($0) }), "warnings": .number(Double(e.warnings)),
        "notes": .number(Double(e.notes)), "openDueDates": .array(e.openDueDates.map { .string($0) }),
      ]
      if let stage = e.stage, case .object(var o)? = raw[id] {
        o["stage"] = .string(stage)
        raw[id] = .object(o)
      }
    }
    let doc: JSONValue = ["version": .number(Double(Self.version)), "fingerprint": .string(fingerprint), "entries": .object(raw)]
    let directory = String(path.dropLast("/list.json".count))
    guard (try? Sys.makeOwnDirectory(directory)) != nil else { return }
    try? DurableFile.write(Array(JSONWriter.compact(doc).utf8), directory: directory, name: "list.json", keepBackup: false, durable: false)
  }
}
