#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Replaces a file so that, whatever happens — a crash, kill -9, a power cut, a full disk — the
/// file holds either the old bytes or the new ones, never a mix, and is never readable by others.
///
/// 1. write a temp file in the same directory (`O_CREAT|O_EXCL|O_NOFOLLOW`, mode 0600), fsync it;
/// 2. if asked, hard-link the current file to a temp backup name and rename it over `NAME.bak`
///    (both names exist at every moment);
/// 3. rename the temp file over the file, then fsync the directory so the rename is on disk.
/// On any failure the temp file is removed and the old file is untouched.
/// (`Data.write(options: .atomic)` is not used: on Swift 6.3.1 it turns 0600 into 0644 and does
/// not fsync the directory.)
public enum DurableFile {
  /// The prefix of every temp file, so a later start can sweep ones a crash left behind.
  public static func tempName(for name: String) -> String {
    ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
  }

  /// `durable: false` skips the two fsyncs (still atomic): for caches, which can be rebuilt.
  /// `exclusive: true` never replaces an existing file (the temp file is hard-linked to the name,
  /// which fails if the name exists): two sessions creating the same plan cannot both succeed.
  /// Returns the written file's stamp.
  @discardableResult
  public static func write(
    _ bytes: [UInt8], directory: String, name: String, keepBackup: Bool, durable: Bool = true,
    exclusive: Bool = false
  ) throws(StoreError) -> DiskStamp {
    // Termination signals wait until the file is replaced (they are delivered on return).
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGTERM)
    sigaddset(&blocked, SIGHUP)
    sigaddset(&blocked, SIGINT)
    pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    let path = directory + "/" + name
    let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard dfd >= 0 else { throw .io(operation: "open", path: directory, errno: Sys.errno) }
    defer { close(dfd) }

    let temp = tempName(for: name)
    let fd = openat(dfd, temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { throw .io(operation: "write", path: path, errno: Sys.errno) }
    var failure: Int32? = nil
    var info = stat()
    if fchmod(fd, 0o600) != 0 { failure = Sys.errno }
    if failure == nil { failure = Sys.writeAll(fd, bytes) }
    if failure == nil, durable, fsync(fd) != 0 { failure = Sys.errno }
    if failure == nil, fstat(fd, &info) != 0 { failure = Sys.errno }
    if close(fd) != 0, failure == nil { failure = Sys.errno }
    if let failure {
      unlinkat(dfd, temp, 0)
      throw .io(operation: "write", path: path, errno: failure)
    }
    let stamp = DiskStamp(info, bytes: bytes)

    if exclusive {
      guard linkat(dfd, temp, dfd, name, 0) == 0 else {
        let code = Sys.errno
        unlinkat(dfd, temp, 0)
        if code == EEXIST { throw .exists(id: name, name: name) }
        throw .io(operation: "write", path: path, errno: code)
      }
      unlinkat(dfd, temp, 0)
      if durable, fsync(dfd) != 0, Sys.errno != EINVAL, Sys.errno != EROFS {
        throw .io(operation: "sync", path: directory, errno: Sys.errno)
      }
      return stamp
    }

    // The backup is a hard link to the current file, made only when that is a regular file:
    // a symbolic link (or anything else) at the name is never linked, so `.bak` is never a
    // symlink. The backup is tightened to 0600 like the file that replaces it (a plan that
    // came 0644 from a git checkout must not leave a readable `.bak`).
    if keepBackup, let current = fstatatNoFollow(dfd, name), current.st_mode & S_IFMT == S_IFREG {
      let backupTemp = tempName(for: name + ".bak")
      if linkat(dfd, name, dfd, backupTemp, 0) == 0 {
        if current.st_mode & 0o077 != 0 { _ = fchmodat(dfd, backupTemp, 0o600, 0) }
        if renameat(dfd, backupTemp, dfd, name + ".bak") != 0 { unlinkat(dfd, backupTemp, 0) }
      }
    }

    guard renameat(dfd, temp, dfd, name) == 0 else {
      let code = Sys.errno
      unlinkat(dfd, temp, 0)
      throw .io(operation: "write", path: path, errno: code)
    }
    // Some file systems refuse fsync on a directory (EINVAL); the rename is done either way.
    if durable, fsync(dfd) != 0, Sys.errno != EINVAL, Sys.errno != EROFS {
      throw .io(operation: "sync", path: directory, errno: Sys.errno)
    }
    return stamp
  }

  static func fstatatNoFollow(_ dfd: Int32, _ name: String) -> stat? {
    var info = stat()
    return fstatat(dfd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
  }

  /// Removes temp files that a crashed session left in `directory`: those whose writing
  /// process is gone, or that are older than an hour. Returns how many were removed.
  @discardableResult
  public static func sweepStaleTemps(in directory: String, now: Int) -> Int {
    guard let names = try? Sys.listDirectory(directory) else { return 0 }
    var removed = 0
    for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
      let parts = name.split(separator: "-")
      let pid = parts.count >= 2 ? Int32(parts[parts.count - 2]) : nil
      let alive = pid.map { kill($0, 0) == 0 || Sys.errno == EPERM } ?? false
      let old = (Sys.modificationTime(directory + "/" + name)).map { now - $0 > 3600 } ?? false
      if !alive || old {
        if unlink(directory + "/" + name) == 0 { removed += 1 }
      }
    }
    return removed
  }
}
