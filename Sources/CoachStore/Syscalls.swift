import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Thin, EINTR-safe wrappers over the system calls the store needs.
enum Sys {
  static var errno: Int32 { Glibc.errno }

  /// Writes every byte or returns the errno of the failure.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
    var offset = 0
    return bytes.withUnsafeBytes { buffer -> Int32? in
      while offset < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if Glibc.errno == EINTR { continue }
          return Glibc.errno
        }
        offset += n
      }
      return nil
    }
  }

  /// Reads a whole file, refusing files over `limit` bytes.
  static func readAll(_ path: String, limit: Int, followLinks: Bool = true) throws(StoreError) -> [UInt8] {
    try readRegular(path, limit: limit, followLinks: followLinks).bytes
  }

  /// Reads a whole regular file and says which file it read. Opening never blocks (O_NONBLOCK:
  /// a FIFO at the path would otherwise wait for a writer forever), and anything that is not a
  /// regular file — a FIFO, a device, a socket, a directory, or with `followLinks: false` a
  /// symbolic link — is refused before a byte is read.
  static func readRegular(_ path: String, limit: Int, followLinks: Bool = true) throws(StoreError) -> (bytes: [UInt8], stamp: DiskStamp) {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
    guard fd >= 0 else {
      let code = errno
      if code == ELOOP && !followLinks { throw .notRegularFile(path: path, kind: "symlink") }
      throw .io(operation: "open", path: path, errno: code)
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .io(operation: "read", path: path, errno: errno) }
    guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile(path: path, kind: Self.kind(info.st_mode)) }
    let size = Int(info.st_size)
    guard size <= limit else { throw .tooLarge(path: path, bytes: size, limit: limit) }
    var bytes = [UInt8](repeating: 0, count: size)
    var offset = 0
    while offset < size {
      let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, size - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .io(operation: "read", path: path, errno: errno)
      }
      if n == 0 { break }
      offset += n
    }
    let read = offset == size ? bytes : Array(bytes[0..<offset])
    return (read, DiskStamp(info, bytes: read))
  }

  /// A short English name of a file's type, for messages ("fifo", "directory", ...).
  static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: return "directory"
    case S_IFIFO: return "fifo"
    case S_IFCHR, S_IFBLK: return "device"
    case S_IFSOCK: return "socket"
    case S_IFLNK: return "symlink"
    default: return "special"
    }
  }

  /// The file's stamp without following a final symbolic link; nil when it does not exist.
  static func lstamp(_ path: String) -> stat? {
    var info = stat()
    return lstat(path, &info) == 0 ? info : nil
  }

  /// Creates a directory and its parents with mode 0700 (existing ones are left as they are,
  /// except the last, which is tightened to 0700 when `private` is set).
  static func makeDirectories(_ path: String, private tighten: Bool = true) throws(StoreError) {
    var prefix = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      prefix += "/" + part
      if mkdir(prefix, 0o700) != 0, errno != EEXIST {
        throw .io(operation: "mkdir", path: prefix, errno: errno)
      }
    }
    if tighten {
      var info = stat()
      // lstat: a symbolic link is never followed to change the mode of what it points to.
      if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_mode & 0o077 != 0, info.st_uid == getuid() {
        _ = chmod(path, 0o700)
      }
    }
  }

  /// The names in a directory (without . and ..).
  static func listDirectory(_ path: String) throws(StoreError) -> [String] {
    guard let dir = opendir(path) else { throw .io(operation: "list", path: path, errno: errno) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
        let bytes = raw.bindMemory(to: UInt8.self)
        let length = bytes.firstIndex(of: 0) ?? bytes.count
        return String(decoding: bytes[0..<length], as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Creates coach's own bookkeeping folder (`.locks`, `.cache`) and refuses one that is a
  /// symbolic link (or not a folder), so that nothing coach keeps for itself is written
  /// outside the workspace, whatever a shared folder holds.
  static func makeOwnDirectory(_ path: String) throws(StoreError) {
    try makeDirectories(path)
    var info = stat()
    guard lstat(path, &info) == 0 else { throw .io(operation: "mkdir", path: path, errno: errno) }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw .notRegularFile(path: path, kind: kind(info.st_mode)) }
  }

  static func fileExists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  static func modificationTime(_ path: String) -> Int? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return Int(info.st_mtim.tv_sec)
  }
}

/// Decodes a versioned JSON file (a plan, the learning progress): a syntax error names the line
/// and column; a shape error names the field; a file from a newer version that this one cannot
/// read says so.
enum VersionedJSON {
  static func decode<R>(_ bytes: [UInt8], path: String, newest: Int, _ make: (JSONValue) throws(PlanFormatError) -> R) throws(StoreError) -> R {
    let value: JSONValue
    do { value = try JSONParser.parse(bytes: bytes) } catch { throw .syntax(path: path, error) }
    do {
      return try make(value)
    } catch {
      if let version = value["schemaVersion"]?.int, version > newest { throw .newerVersion(path: path, version: version) }
      throw .format(path: path, error)
    }
  }
}
