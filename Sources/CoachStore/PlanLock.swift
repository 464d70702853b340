#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// One writer per plan: an exclusive advisory lock (flock) on `.locks/.ID.lock`, held for as
/// long as the plan is open for writing. The kernel drops it if the process dies.
public final class PlanLock {
  private var fd: Int32

  /// Takes the lock, or returns nil when another session holds it.
  public static func acquire(directory: String, id: String) throws(StoreError) -> PlanLock? {
    let path = directory + "/.\(id).lock"
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { throw .io(operation: "lock", path: path, errno: Sys.errno) }
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      if Sys.errno == EINTR { continue }
      let code = Sys.errno
      close(fd)
      if code == EWOULDBLOCK { return nil }
      throw .io(operation: "lock", path: path, errno: code)
    }
    return PlanLock(fd: fd)
  }

  private init(fd: Int32) { self.fd = fd }

  public func release() {
    guard fd >= 0 else { return }
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { release() }
}
