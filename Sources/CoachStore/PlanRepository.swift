import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The plans of one workspace: one `<id>.json` per plan in `plans/`, directory 0700, files 0600.
public final class PlanRepository: @unchecked Sendable {  // immutable after init
  /// Plans larger than this are refused rather than read into memory.
  public static let maxPlanBytes = 64 * 1024 * 1024

  public let paths: WorkspacePaths

  public init(paths: WorkspacePaths) {
    self.paths = paths
  }

  /// Creates the plans directory if needed (0700) and sweeps temp files a crash left behind.
  public func prepare(now: Timestamp) throws(StoreError) {
    try Sys.makeDirectories(paths.plans)
    DurableFile.sweepStaleTemps(in: paths.plans, now: now.secondsSinceEpoch)
  }

  public func path(for id: String) -> String {
    // One string made at its length (a view over 10,000 plans makes 10,000 of these; three
    // concatenations each were 2 % of a warm `agenda`, callgrind).
    var path = paths.plans
    path.reserveCapacity(path.utf8.count + id.utf8.count + 6)
    path += "/"
    path += id
    path += ".json"
    return path
  }

  public func exists(id: String) -> Bool { PlanID.isValid(id) && Sys.fileExists(path(for: id)) }

  /// The ids of every plan in the workspace, sorted.
  public func ids() throws(StoreError) -> [String] {
    guard Sys.fileExists(paths.plans) else { return [] }
    return try Sys.listDirectory(paths.plans).compactMap(Self.planID).filter(PlanID.isValid).sorted()
  }

  /// The id a file name in `plans/` names: `x.json` → `x`, never a hidden file. On the bytes
  /// for ASCII names, where characters are bytes (comparing and dropping characters of 10,000
  /// names was 2 % of a warm `agenda`, callgrind); by characters otherwise.
  static func planID(_ name: String) -> String? {
    let ascii = name.utf8.withContiguousStorageIfAvailable { b -> String?? in
      guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
      guard b.count >= 5, b.first != UInt8(ascii: "."), b[(b.count - 5)...].elementsEqual(".json".utf8) else { return .some(nil) }
      return .some(String(decoding: UnsafeBufferPointer(rebasing: b[..<(b.count - 5)]), as: UTF8.self))
    }
    if let ascii = ascii ?? nil { return ascii }
    guard name.hasSuffix(".json") && !name.hasPrefix(".") else { return nil }
    return String(name.dropLast(5))
  }

  /// Finds a plan by id or by name: the name is turned into its id (names are NFC-normalised
  /// first, so `Café` typed with a combining accent finds the plan `café`).
  public func resolve(_ nameOrID: String) -> String? {
    if exists(id: nameOrID) { return nameOrID }
    if let id = try? PlanID.make(from: nameOrID), exists(id: id) { return id }
    return nil
  }

  /// `resolve`, or else the one plan whose id starts with the name's slug (`acme` when only
  /// `acme-logistics` does), as reps shorten a name they typed in full once.
  public func resolveShortened(_ nameOrID: String) -> String? {
    if let id = resolve(nameOrID) { return id }
    guard let slug = try? PlanID.make(from: nameOrID), !slug.isEmpty, let all = try? ids() else { return nil }
    let starting = all.filter { $0.hasPrefix(slug) }
    return starting.count == 1 ? starting[0] : nil
  }

  /// The plans a name that matched none may have meant: those whose id starts with its slug, or
  /// else contains it (`acme` → `acme-logistics`), for a "did you mean".
  public func near(_ nameOrID: String) -> [String] {
    guard let all = try? ids(), let slug = try? PlanID.make(from: nameOrID), !slug.isEmpty else { return [] }
    let starting = all.filter { $0.hasPrefix(slug) }
    return starting.isEmpty ? all.filter { $0.contains(slug) } : starting
  }

  /// A plan as read from disk, with what is needed to save it back safely.
  public struct Loaded {
    public var plan: AccountPlan
    /// The file as it was read: a save first checks that the file is still this one.
    public var stamp: DiskStamp
    /// The `id` the file itself states, when it differs from its file name (the file name wins).
    public var mismatchedID: String?
    /// The older format the file was in (1), when it was migrated as it was read; the
    /// caller keeps the original with `keepOriginal` and saves the plan in the new format.
    public var migratedFrom: Int? = nil
    /// The file's bytes as read, when it was migrated.
    public var originalBytes: [UInt8]? = nil
  }

  /// Reads and parses a plan. A damaged file is reported with line and column and left as it is.
  public func load(id: String) throws(StoreError) -> AccountPlan {
    try loadWithStamp(id: id).plan
  }

  /// Reads and parses a plan, with its stamp. A plan's identity is its file name: the `id`
  /// written inside is replaced by it (and reported), so a file's content can never decide
  /// where it is saved. Only a regular file is read, never through a symbolic link.
  public func loadWithStamp(id: String) throws(StoreError) -> Loaded {
    guard PlanID.isValid(id) else { throw .notFound(id: id) }
    let file = path(for: id)
    guard Sys.fileExists(file) else { throw .notFound(id: id) }
    let (bytes, stamp) = try Sys.readRegular(file, limit: Self.maxPlanBytes, followLinks: false)
    var version = AccountPlan.currentSchemaVersion
    var plan = try VersionedJSON.decode(bytes, path: file, newest: AccountPlan.currentSchemaVersion) { value throws(PlanFormatError) in
      version = value["schemaVersion"]?.int ?? version
      return try AccountPlan(json: value)
    }
    let stored = plan.id
    plan.id = id
    var loaded = Loaded(plan: plan, stamp: stamp, mismatchedID: stored.utf8.elementsEqual(id.utf8) ? nil : stored)
    if version < AccountPlan.currentSchemaVersion {
      loaded.migratedFrom = version
      loaded.originalBytes = bytes
    }
    return loaded
  }

  static func parse(bytes: [UInt8], path: String) throws(StoreError) -> AccountPlan {
    try VersionedJSON.decode(bytes, path: path, newest: AccountPlan.currentSchemaVersion) { value throws(PlanFormatError) in
      try AccountPlan(json: value)
    }
  }

  /// Where the original of a plan migrated from an older format is kept: `<id>.v1.json`.
  public func originalPath(for id: String, version: Int) -> String { paths.plans + "/" + id + ".v\(version).json" }

  /// Keeps the file of a plan as it was before migration, beside the plan, once: durably,
  /// 0600, never replacing an original kept earlier (then it returns false, and the save's
  /// `.bak` is what keeps this one). Call it before saving the migrated plan.
  @discardableResult
  public func keepOriginal(_ bytes: [UInt8], id: String, version: Int) throws(StoreError) -> Bool {
    guard PlanID.isValid(id) else { throw .invalidName(id) }
    do {
      try DurableFile.write(bytes, directory: paths.plans, name: id + ".v\(version).json", keepBackup: false, exclusive: true)
      return true
    } catch .exists {
      return false
    }
  }

  /// Writes the plan durably, keeping the previous version as `<id>.json.bak`, and returns the
  /// new file's stamp. With `expected` (the stamp of the version this session read or last
  /// wrote), the save is refused with `.changedOnDisk` when the file on disk is no longer that
  /// version: another writer's change is never overwritten. A file that is gone is written anew.
  @discardableResult
  public func save(_ plan: AccountPlan, expected: DiskStamp? = nil) throws(StoreError) -> DiskStamp {
    guard !plan.isFromNewerVersion else { throw .readOnly(id: plan.id) }
    guard PlanID.isValid(plan.id) else { throw .invalidName(plan.id) }
    try Sys.makeDirectories(paths.plans)
    // The check and the write are one step: an exclusive flock on the plans folder itself,
    // held only for the save. Two sessions that both believe they hold the plan's lock (one
    // took it after the other's lock file was deleted) cannot both pass the check on the same
    // version: the second sees the first's file and refuses. Nobody deletes `plans/` to free
    // a lock, and readers never take it.
    let folder = open(paths.plans, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard folder >= 0 else { throw .io(operation: "lock", path: paths.plans, errno: Sys.errno) }
    defer { close(folder) }
    while flock(folder, LOCK_EX) != 0 {
      if Sys.errno != EINTR { throw .io(operation: "lock", path: paths.plans, errno: Sys.errno) }
    }
    let file = path(for: plan.id)
    if let expected, let now = Sys.lstamp(file), !expected.sameFile(now) {
      guard now.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile(path: file, kind: Sys.kind(now.st_mode)) }
      let onDisk = try Sys.readRegular(file, limit: Self.maxPlanBytes, followLinks: false)
      guard onDisk.stamp.hash == expected.hash else { throw .changedOnDisk(id: plan.id) }
    }
    return try DurableFile.write(plan.fileBytes, directory: paths.plans, name: plan.id + ".json", keepBackup: true)
  }

  /// Creates a new plan, exclusively: when a plan with the same id exists (or another session
  /// creates it at the same moment) it refuses, so only one of two `new` commands succeeds.
  public func create(name: String, at time: Timestamp) throws(StoreError) -> AccountPlan {
    let id: String
    let clean = name.trimmingWhitespace.nfc
    do { id = try PlanID.make(from: clean) } catch { throw .invalidName(name) }
    func exists() -> StoreError {
      let existing = (try? load(id: id))?.name ?? id
      return .exists(id: id, name: existing)
    }
    if Sys.fileExists(path(for: id)) { throw exists() }
    let plan = AccountPlan(id: id, name: clean, createdAt: time)
    try Sys.makeDirectories(paths.plans)
    do {
      try DurableFile.write(plan.fileBytes, directory: paths.plans, name: id + ".json", keepBackup: false, exclusive: true)
    } catch .exists {
      throw exists()
    }
    return plan
  }

  /// Takes the single-writer lock for a plan; nil when another session holds it. Lock files
  /// live in `<workspace>/.locks/`, so the plans folder holds only plans and their backups.
  public func lock(id: String) throws(StoreError) -> PlanLock? {
    let directory = paths.root + "/.locks"
    try Sys.makeOwnDirectory(directory)
    return try PlanLock.acquire(directory: directory, id: id)
  }
}
