/// Reads one YAML mapping of a playbook as a record with known fields, reporting every
/// missing, malformed or unknown field at its line.
struct NodeReader {
  let node: YAMLNode
  let what: String
  let problems: ProblemList

  /// Nil (after reporting) when `node` is not a mapping. Unknown keys are reported here.
  init?(_ node: YAMLNode, what: String, keys: [String], problems: ProblemList) {
    self.node = node
    self.what = what
    self.problems = problems
    guard let entries = node.entries else {
      problems.add(node.location, "expected \(what) (lines of `key: value`), found \(Self.kind(node))")
      return nil
    }
    for entry in entries where !keys.contains(entry.key) {
      var message = "unknown field `\(entry.key)` in \(what)"
      if let near = Suggest.nearest(to: entry.key, in: keys) { message += "; did you mean `\(near)`?" }
      message += " (expected: \(keys.joined(separator: ", ")))"
      problems.add(entry.keyLocation, message)
    }
  }

  static func kind(_ node: YAMLNode) -> String {
    switch node.value {
    case .scalar(let s): return s.isEmpty ? "nothing" : "text"
    case .sequence: return "a list"
    case .mapping: return "`key: value` lines"
    }
  }

  var location: YAMLLocation { node.location }

  func has(_ key: String) -> Bool { node[key] != nil && !(node[key]!.isEmptyScalar) }

  /// A text field; when `required`, its absence is reported.
  func text(_ key: String, required: Bool = false, meaning: String? = nil) -> String? {
    guard let value = node[key], !value.isEmptyScalar else {
      if required { missing(key, meaning) }
      return nil
    }
    guard let s = value.scalar else {
      problems.add(value.location, "`\(key)` in \(what) should be text, found \(Self.kind(value))")
      return nil
    }
    return Self.trimEnd(s)
  }

  /// Text without the trailing newline a YAML block scalar carries.
  static func trimEnd(_ s: String) -> String {
    var s = s
    while let last = s.last, last == "\n" || last == " " { s.removeLast() }
    return s
  }

  func missing(_ key: String, _ meaning: String? = nil) {
    problems.add(node.location, "\(what) needs `\(key)`" + (meaning.map { " (\($0))" } ?? ""))
  }

  /// An id: letters, digits and dashes.
  func id(_ key: String = "id") -> String? {
    guard let s = text(key, required: true, meaning: "its id") else { return nil }
    guard Self.isID(s) else {
      problems.add(node[key]!.location, "`\(s)` is not a valid id: use letters, digits and dashes, starting with a letter or digit")
      return nil
    }
    return s
  }

  static func isID(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, s.utf8.count <= 64 else { return false }
    func ok(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") }
    return ok(first) && s.unicodeScalars.allSatisfy { ok($0) || $0 == "-" }
  }

  func enumeration<E: RawRepresentable>(_ key: String, _ type: E.Type, allowed: [String], required: Bool = false) -> E? where E.RawValue == String {
    guard let s = text(key, required: required) else { return nil }
    guard let e = E(rawValue: s) else {
      problems.add(node[key]!.location, "`\(s)` is not a valid `\(key)` for \(what); expected one of: \(allowed.joined(separator: ", "))")
      return nil
    }
    return e
  }

  func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
    guard let s = text(key) else { return nil }
    guard let n = Int(s), range.contains(n) else {
      problems.add(node[key]!.location, "`\(key)` should be a whole number from \(range.lowerBound) to \(range.upperBound), found `\(s)`")
      return nil
    }
    return n
  }

  func bool(_ key: String) -> Bool? {
    guard let s = text(key) else { return nil }
    switch s.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      problems.add(node[key]!.location, "`\(key)` should be true or false, found `\(s)`")
      return nil
    }
  }

  /// A list of texts (a block list or `[a, b]`).
  func texts(_ key: String, required: Bool = false) -> [String] {
    guard let value = node[key], !value.isEmptyScalar else {
      if required { missing(key) }
      return []
    }
    guard let items = value.items else {
      problems.add(value.location, "`\(key)` in \(what) should be a list (lines starting with `- `), found \(Self.kind(value))")
      return []
    }
    var out: [String] = []
    for item in items {
      guard let s = item.scalar, !s.isEmpty else {
        problems.add(item.location, "each item of `\(key)` should be text, found \(Self.kind(item))")
        continue
      }
      out.append(Self.trimEnd(s))
    }
    return out
  }

  /// A list of records, each decoded by `decode` (which may return nil after reporting).
  func list<T>(_ key: String, required: Bool = false, _ decode: (YAMLNode) -> T?) -> [T] {
    guard let value = node[key], !value.isEmptyScalar else {
      if required { missing(key) }
      return []
    }
    guard let items = value.items else {
      problems.add(value.location, "`\(key)` in \(what) should be a list (lines starting with `- `), found \(Self.kind(value))")
      return []
    }
    return items.compactMap(decode)
  }

  /// A nested record.
  func child(_ key: String, what childWhat: String, keys: [String]) -> NodeReader? {
    guard let value = node[key], !value.isEmptyScalar else { return nil }
    return NodeReader(value, what: childWhat, keys: keys, problems: problems)
  }

  /// Reports ids that appear twice in the list under `key`.
  func checkUniqueIDs(_ key: String, what itemWhat: String) {
    guard let nodes = node[key]?.items else { return }
    var seen: Set<String> = []
    for item in nodes {
      guard let idNode = item["id"], let i = idNode.scalar else { continue }
      if !seen.insert(i).inserted { problems.add(idNode.location, "\(itemWhat) id `\(i)` appears twice in `\(key)`") }
    }
  }
}
