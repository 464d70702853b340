#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

func isDirectory(_ path: String) -> Bool {
  var info = stat()
  return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

func fileSize(_ path: String) -> Int? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return Int(info.st_size)
}

/// A new private directory under $TMPDIR (or /tmp).
func makeTempDirectory(_ label: String) throws -> String {
  var base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
  if base.isEmpty || !isDirectory(base) { base = "/tmp" }
  while base.count > 1, base.hasSuffix("/") { base.removeLast() }
  var template = Array((base + "/coach-bench-" + label + "-XXXXXX").utf8CString)
  guard let made = mkdtemp(&template) else { throw BenchError.posix("mkdtemp in \(base)") }
  return String(cString: made)
}

/// `rm -rf path`, without following symlinks.
func removeTree(_ path: String) {
  var info = stat()
  guard lstat(path, &info) == 0 else { return }
  if (info.st_mode & S_IFMT) == S_IFDIR {
    if let dir = opendir(path) {
      var names: [String] = []
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(name) }
      }
      closedir(dir)
      for name in names { removeTree(path + "/" + name) }
    }
    rmdir(path)
  } else {
    unlink(path)
  }
}

func makeDirectory(_ path: String) throws {
  guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw BenchError.posix("mkdir \(path)") }
}

func writeAll(_ fd: Int32, _ bytes: [UInt8], _ what: String) throws {
  var offset = 0
  try bytes.withUnsafeBytes { buffer in
    while offset < buffer.count {
      let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        throw BenchError.posix("write \(what)")
      }
      offset += n
    }
  }
}

/// The whole file, read to EOF (works for /proc files, whose size is 0).
func readFile(_ path: String) throws -> [UInt8] {
  let fd = open(path, O_RDONLY | O_CLOEXEC)
  guard fd >= 0 else { throw BenchError.posix("open \(path)") }
  defer { close(fd) }
  var info = stat()
  var out: [UInt8] = []
  if fstat(fd, &info) == 0, info.st_size > 0 { out.reserveCapacity(Int(info.st_size) + 1) }
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if n < 0 {
      if errno == EINTR { continue }
      throw BenchError.posix("read \(path)")
    }
    if n == 0 { break }
    out.append(contentsOf: chunk[0..<n])
  }
  return out
}

/// A fixture write: no fsync (a throwaway benchmark workspace needs no durability).
func writeFileFast(_ path: String, _ bytes: [UInt8]) throws {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
  guard fd >= 0 else { throw BenchError.posix("open \(path)") }
  defer { close(fd) }
  try writeAll(fd, bytes, path)
}

/// Replaces a file in place: for the report.
func replaceFile(_ path: String, _ text: String) throws {
  let temp = path + ".tmp-coach-bench"
  try writeFileFast(temp, Array(text.utf8))
  guard rename(temp, path) == 0 else {
    unlink(temp)
    throw BenchError.posix("rename \(temp) → \(path)")
  }
}

/// The baseline for a durable save: the plain, textbook sequence and nothing else —
/// write a temp file, fsync it, rename it over the file, fsync the directory.
func plainDurableWrite(_ bytes: [UInt8], directory: String, name: String) throws {
  let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  guard dfd >= 0 else { throw BenchError.posix("open \(directory)") }
  defer { close(dfd) }
  let temp = "." + name + ".tmp"
  let fd = openat(dfd, temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
  guard fd >= 0 else { throw BenchError.posix("open \(temp)") }
  do {
    try writeAll(fd, bytes, temp)
  } catch {
    close(fd)
    throw error
  }
  guard fsync(fd) == 0 else {
    close(fd)
    throw BenchError.posix("fsync \(temp)")
  }
  close(fd)
  guard renameat(dfd, temp, dfd, name) == 0 else { throw BenchError.posix("rename \(temp)") }
  guard fsync(dfd) == 0 else { throw BenchError.posix("fsync \(directory)") }
}

/// Flushes dirty pages, so fixture writeback does not overlap timed runs.
func flushFileSystems() { sync() }
