import CoachCore
import CoachStore

/// The plan the session has open, and whether it may be changed.
public struct OpenPlan {
  public enum ReadOnlyReason: Equatable {
    /// Another session holds the plan's lock.
    case inUse
    /// The plan was written by a newer version of coach.
    case newerVersion(Int)
    /// The workspace cannot be written (a read-only file system, no permission).
    case cannotWrite
  }

  public var plan: AccountPlan
  public var lock: PlanLock?
  public var readOnly: ReadOnlyReason?
  /// Set when the last save failed: the change is kept in memory and saved at the next chance.
  public var unsaved: StoreError?
  /// What the unsaved changes were (their undo descriptions), to name them when they are lost.
  public var unsavedChanges: [String] = []
  /// The plan file as this session last read or wrote it: a save checks the file is still that.
  public var stamp: DiskStamp?
}

/// One change this run made, so `undo` can put the plan back.
struct UndoEntry {
  var description: String
  var before: AccountPlan
}
