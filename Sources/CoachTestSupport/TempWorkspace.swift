import CoachApp
import CoachCore
import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// A fresh workspace folder under /tmp, removed when the value is released.
public final class TempWorkspace {
  public let root: String

  public init(_ label: String = "coach-test") {
    var template = Array("/tmp/\(label)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    root = made.map { String(cString: $0) } ?? "/tmp/\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
  }

  public var paths: WorkspacePaths { WorkspacePaths(root: root, history: root + "/history") }
  public var plans: String { root + "/plans" }

  /// The text of a file in the workspace, or nil.
  public func read(_ relative: String) -> String? {
    guard let bytes = try? readBytes(relative) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  public func readBytes(_ relative: String) throws -> [UInt8] {
    guard let bytes = TestFiles.read(root + "/" + relative) else { throw TestFileError.missing(relative) }
    return bytes
  }

  /// Writes a file in the workspace (creating folders), for fixtures.
  public func write(_ relative: String, _ text: String) { writeBytes(relative, Array(text.utf8)) }

  public func writeBytes(_ relative: String, _ bytes: [UInt8]) {
    let path = root + "/" + relative
    if let slash = path.lastIndex(of: "/") { try? makeDirectories(String(path[..<slash])) }
    guard let f = fopen(path, "wb") else { return }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, f) }
    fclose(f)
  }

  /// Permission bits of a file or folder.
  public func mode(_ relative: String) -> Int? {
    var info = stat()
    guard stat(root + "/" + relative, &info) == 0 else { return nil }
    return Int(info.st_mode & 0o7777)
  }

  public func exists(_ relative: String) -> Bool {
    var info = stat()
    return lstat(root + "/" + relative, &info) == 0
  }

  public func list(_ relative: String) -> [String] {
    guard let dir = opendir(root + "/" + relative) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  private func makeDirectories(_ path: String) throws {
    var prefix = ""
    for part in path.split(separator: "/") {
      prefix += "/" + part
      mkdir(prefix, 0o700)
    }
  }

  deinit {
    // Remove the tree.
    remove(root)
  }

  private func remove(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      if let dir = opendir(path) {
        var names: [String] = []
        while let entry = readdir(dir) {
          let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
          if name != "." && name != ".." { names.append(name) }
        }
        closedir(dir)
        for name in names { remove(path + "/" + name) }
      }
      rmdir(path)
    } else {
      unlink(path)
    }
  }
}

public enum TestFileError: Error { case missing(String) }

/// The repository's own playbooks folder, found from this source file's location.
public enum RepositoryPaths {
  public static func root(file: String = #filePath) -> String {
    // .../Sources/CoachTestSupport/TempWorkspace.swift → repository root
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }

  public static var playbooks: String { root() + "/playbooks" }
}
