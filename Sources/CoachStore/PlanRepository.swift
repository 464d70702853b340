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

  public func path(for id: String) -> String { paths.plans + "/" + id + ".json" }

  public func exists(id: String) -> Bool { PlanID.isValid(id) && Sys.fileExists(path(for: id)) }

  /// The ids of every plan in the workspace, sorted.
  public func ids() throws(StoreError) -> [String] {
    guard Sys.fileExists(paths.plans) else { return [] }
    return try Sys.listDirectory(paths.plans)
      .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
      .map { String($0.dropLast(5)) }
      .filter(PlanID.isValid)
      .sorted()
  }

  /// Finds a plan by id or by name: the name is turned into its id.
  public func resolve(_ nameOrID: String) -> String? {
    if exists(id: nameOrID) { return nameOrID }
    if let id = try? PlanID.make(from: nameOrID), exists(id: id) { return id }
    return nil
  }

  /// Reads and parses a plan. A damaged file is reported with line and column and left as it is.
  public func load(id: String) throws(StoreError) -> AccountPlan {
    guard PlanID.isValid(id) else { throw .notFound(id: id) }
    let file = path(for: id)
    guard Sys.fileExists(file) else { throw .notFound(id: id) }
    let bytes = try Sys.readAll(file, limit: Self.maxPlanBytes)
    return try Self.parse(bytes: bytes, path: file)
  }

  static func parse(bytes: [UInt8], path: String) throws(StoreError) -> AccountPlan {
    try VersionedJSON.decode(bytes, path: path, newest: AccountPlan.currentSchemaVersion) { value throws(PlanFormatError) in
      try AccountPlan(json: value)
    }
  }

  /// Writes the plan durably, keeping the previous version as `<id>.json.bak`.
  public func save(_ plan: AccountPlan) throws(StoreError) {
    guard !plan.isFromNewerVersion else { throw .readOnly(id: plan.id) }
    try Sys.makeDirectories(paths.plans)
    try DurableFile.write(plan.fileBytes, directory: paths.plans, name: plan.id + ".json", keepBackup: true)
  }

  /// Creates a new plan. Refuses when a plan with the same id exists.
  public func create(name: String, at time: Timestamp) throws(StoreError) -> AccountPlan {
    let id: String
    do { id = try PlanID.make(from: name) } catch { throw .invalidName(name) }
    if Sys.fileExists(path(for: id)) {
      let existing = (try? load(id: id))?.name ?? id
      throw .exists(id: id, name: existing)
    }
    let plan = AccountPlan(id: id, name: name.trimmingWhitespace, createdAt: time)
    try save(plan)
    return plan
  }

  /// Takes the single-writer lock for a plan; nil when another session holds it. Lock files
  /// live in `<workspace>/.locks/`, so the plans folder holds only plans and their backups.
  public func lock(id: String) throws(StoreError) -> PlanLock? {
    let directory = paths.root + "/.locks"
    try Sys.makeDirectories(directory)
    return try PlanLock.acquire(directory: directory, id: id)
  }
}
