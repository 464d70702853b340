#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// One writer per plan: an exclusive advisory lock (flock) on `.locks/.ID.lock`, held for as
/// long as the plan is open for writing. The kernel drops it if the process dies.
///
/// Why a side file and not the plan itself: every save replaces the plan by renaming a new file
/// over it, so a flock on the plan would sit on an inode that the first save unlinks, and the
/// next session would lock the new inode unopposed. The lock file is never replaced by coach.
/// It can still be deleted by hand (the README says `.locks/` may be deleted), which silently
/// ends a flock's power: whoever creates the file again gets a lock of their own. So the lock
/// checks that the path still names the inode it locked — when taking it (a lock file deleted
/// between open and flock is retried) and before every save (`confirm`). If the file is gone
/// or replaced, the lock is taken again on the path; if another session got there first, the
/// save is refused. That check and the save are not one atomic step, so the save itself also
/// holds a short flock on the plans folder while it compares the file on disk with the version
/// it read (DiskStamp) and replaces it: with both, a deleted `.locks/` folder cannot make one
/// session overwrite another's acknowledged answers.
public final class PlanLock {
  private var fd: Int32
  private let path: String

  /// Takes the lock, or returns nil when another session holds it.
  public static func acquire(directory: String, id: String) throws(StoreError) -> PlanLock? {
    let path = directory + "/.\(id).lock"
    guard let fd = try take(path) else { return nil }
    return PlanLock(fd: fd, path: path)
  }

  /// Opens and flocks the lock file at `path`; nil when another session holds it.
  private static func take(_ path: String) throws(StoreError) -> Int32? {
    for _ in 0..<100 {
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
      guard fd >= 0 else { throw .io(operation: "lock", path: path, errno: Sys.errno) }
      var locked = false
      while true {
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
          locked = true
          break
        }
        if Sys.errno == EINTR { continue }
        let code = Sys.errno
        close(fd)
        if code == EWOULDBLOCK { return nil }
        throw .io(operation: "lock", path: path, errno: code)
      }
      // The file may have been deleted (or replaced) between open and flock: then this lock
      // guards nothing; start again on whatever the path names now.
      if locked, names(path, fd) { return fd }
      close(fd)
    }
    throw .io(operation: "lock", path: path, errno: EAGAIN)
  }

  /// True when `path` still names the open file `fd`.
  private static func names(_ path: String, _ fd: Int32) -> Bool {
    var mine = stat()
    var there = stat()
    guard fstat(fd, &mine) == 0, lstat(path, &there) == 0 else { return false }
    return mine.st_dev == there.st_dev && mine.st_ino == there.st_ino && there.st_mode & S_IFMT == S_IFREG
  }

  private init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
  }

  /// Confirms, just before a save, that this session still holds the plan's lock. When the lock
  /// file was deleted it is taken again; throws `.lockLost` when another session holds it now.
  public func confirm(id: String) throws(StoreError) {
    guard fd >= 0 else { throw .lockLost(id: id) }
    if Self.names(path, fd) { return }
    let directory = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
    try Sys.makeOwnDirectory(directory)
    guard let fresh = try Self.take(path) else { throw .lockLost(id: id) }
    flock(fd, LOCK_UN)
    close(fd)
    fd = fresh
  }

  public func release() {
    guard fd >= 0 else { return }
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { release() }
}
