import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// What the numbers were measured on.
struct Machine {
  var cpu = "unknown"
  var cores = 0
  var kernel = "unknown"
  var memory = "unknown"
  var date = ""
  var scratch = ""

  static func describe(scratch: String) -> Machine {
    var m = Machine()
    if let text = try? readFile("/proc/cpuinfo") {
      let lines = String(decoding: text, as: UTF8.self).split(separator: "\n")
      if let line = lines.first(where: { $0.hasPrefix("model name") }), let colon = line.firstIndex(of: ":") {
        m.cpu = line[line.index(after: colon)...].trimmingWhitespace
      }
    }
    m.cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    var names = utsname()
    if uname(&names) == 0 {
      m.kernel = withUnsafeBytes(of: names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
    if let text = try? readFile("/proc/meminfo") {
      let lines = String(decoding: text, as: UTF8.self).split(separator: "\n")
      if let line = lines.first(where: { $0.hasPrefix("MemTotal:") }),
        let kib = Int(line.dropFirst("MemTotal:".count).split(separator: " ").first ?? "")
      {
        m.memory = fixed(Double(kib) / 1_048_576, 1) + " GiB"
      }
    }
    m.date = Timestamp(secondsSinceEpoch: Int(time(nil))).description
    m.scratch = parentDirectory(scratch) + " (" + fileSystemName(scratch) + ")"
    return m
  }

  static func parentDirectory(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The type of the file system `path` is on: the longest mount point above it in /proc/self/mounts.
  static func fileSystemName(_ path: String) -> String {
    guard let text = try? readFile("/proc/self/mounts") else { return "unknown file system" }
    var best = (length: -1, type: "unknown file system")
    for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count >= 3 else { continue }
      let mountPoint = String(fields[1])
      let inside = mountPoint == "/" || path == mountPoint || path.hasPrefix(mountPoint + "/")
      if inside, mountPoint.count >= best.length { best = (mountPoint.count, String(fields[2])) }
    }
    return best.type
  }
}
