#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Reading files and CSV back in tests, written once for every test target.
public enum TestFiles {
  /// The bytes of a file, or nil when it cannot be opened.
  public static func read(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buffer, 1, buffer.count, f)
      if n <= 0 { break }
      bytes.append(contentsOf: buffer[0..<n])
    }
    return bytes
  }

  public static func text(_ path: String) -> String? { read(path).map { String(decoding: $0, as: UTF8.self) } }
}

/// A strict RFC 4180 reader (LF or CRLF line ends), to read exported CSV back.
public enum CSVReader {
  public struct Malformed: Error {}

  public static func parse(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
        continue
      }
      switch c {
      case "\"":
        guard field.isEmpty else { throw Malformed() }
        quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r\n", "\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      default:
        field.append(c)
      }
    }
    if quoted { throw Malformed() }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
