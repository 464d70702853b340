import CoachCore

/// What went wrong on disk, with enough detail for a specific message. The app turns these
/// into text in the user's language; `exitCode` follows sysexits.
public enum StoreError: Error, Equatable, Sendable {
  /// No plan with this id in the workspace.
  case notFound(id: String)
  /// A plan with this id already exists.
  case exists(id: String, name: String)
  /// The file is not valid JSON: where, and what.
  case syntax(path: String, JSONSyntaxError)
  /// Valid JSON that does not fit the plan format.
  case format(path: String, PlanFormatError)
  /// Written by a newer version than this one can read at all.
  case newerVersion(path: String, version: Int)
  /// Another session holds the plan open for writing.
  case locked(id: String)
  /// An operating-system call failed.
  case io(operation: String, path: String, errno: Int32)
  /// The file is larger than the cap.
  case tooLarge(path: String, bytes: Int, limit: Int)
  /// The plan was opened read-only and cannot be saved.
  case readOnly(id: String)
  /// A plan name with no letter or digit to make an id from.
  case invalidName(String)
  /// The path is not a regular file (`kind`: fifo, directory, device, socket, symlink): it is
  /// neither read nor written.
  case notRegularFile(path: String, kind: String)
  /// Another program changed the plan on disk since this session read it; saving would
  /// overwrite that change, so nothing was saved.
  case changedOnDisk(id: String)
  /// The plan's lock file was deleted and another session has taken the plan meanwhile.
  case lockLost(id: String)

  public var exitCode: Int32 {
    switch self {
    case .notFound: return 66
    case .invalidName: return 64
    case .exists: return 73
    case .syntax, .format, .newerVersion, .tooLarge: return 65
    case .locked, .changedOnDisk, .lockLost: return 75
    case .notRegularFile: return 66
    case .readOnly: return 73
    case .io(let operation, _, _): return operation == "read" || operation == "open" ? 66 : 74
    }
  }
}
