/// Reads one YAML mapping of a playbook as a record with known fields, reporting every
/// missing, malformed or unknown field at its line. `what` names the record in both languages
/// ("an objection category", "异议类别").
struct NodeReader {
  let node: YAMLNode
  let what: Bilingual
  let problems: ProblemList

  /// Nil (after reporting) when `node` is not a mapping. Unknown keys are reported here.
  init?(_ node: YAMLNode, what: Bilingual, keys: [String], problems: ProblemList) {
    self.node = node
    self.what = what
    self.problems = problems
    guard let entries = node.entries else {
      let kind = Self.kind(node)
      problems.add(
        node.location, "expected \(what.en) (lines of `key: value`), found \(kind.en)",
        "这里应为\(what.zh)（`key: value` 形式的若干行），实际是\(kind.zh)")
      return nil
    }
    for entry in entries where !keys.contains(entry.key) {
      let near = Suggest.nearest(to: entry.key, in: keys)
      problems.add(
        entry.keyLocation,
        "unknown field `\(entry.key)` in \(what.en)" + (near.map { "; did you mean `\($0)`?" } ?? "")
          + " (expected: \(keys.joined(separator: ", ")))",
        "`\(entry.key)` 不是\(what.zh)的字段" + (near.map { "；你是不是想写 `\($0)`？" } ?? "")
          + "（可用字段：\(keys.joined(separator: "、"))）")
    }
  }

  static func kind(_ node: YAMLNode) -> Bilingual {
    switch node.value {
    case .scalar(let s): return s.isEmpty ? Bilingual("nothing", "空值") : Bilingual("text", "文本")
    case .sequence: return Bilingual("a list", "列表")
    case .mapping: return Bilingual("`key: value` lines", "映射（`key: value` 形式的若干行）")
    }
  }

  var location: YAMLLocation { node.location }

  func has(_ key: String) -> Bool { node[key] != nil && !(node[key]!.isEmptyScalar) }

  /// A text field; when `required`, its absence is reported.
  func text(_ key: String, required: Bool = false, meaning: Bilingual? = nil) -> String? {
    guard let value = node[key], !value.isEmptyScalar else {
      if required { missing(key, meaning) }
      return nil
    }
    guard let s = value.scalar else {
      let kind = Self.kind(value)
      problems.add(value.location, "`\(key)` in \(what.en) should be text, found \(kind.en)", "\(what.zh)的 `\(key)` 应为文本，实际是\(kind.zh)")
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

  func missing(_ key: String, _ meaning: Bilingual? = nil) {
    problems.add(
      node.location, "\(what.en) needs `\(key)`" + (meaning.map { " (\($0.en))" } ?? ""),
      "\(what.zh)缺少 `\(key)`" + (meaning.map { "（\($0.zh)）" } ?? ""))
  }

  /// An id: letters, digits and dashes.
  func id(_ key: String = "id") -> String? {
    guard let s = text(key, required: true, meaning: Bilingual("its id", "它的 id")) else { return nil }
    guard Self.isID(s) else {
      problems.add(
        node[key]!.location, "`\(s)` is not a valid id: use letters, digits and dashes, starting with a letter or digit",
        "`\(s)` 不是有效的 id：只能使用字母、数字和连字符（-），并以字母或数字开头")
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
      problems.add(
        node[key]!.location, "`\(s)` is not a valid `\(key)` for \(what.en); expected one of: \(allowed.joined(separator: ", "))",
        "\(what.zh)的 `\(key)` 不能是 `\(s)`；可选值：\(allowed.joined(separator: "、"))")
      return nil
    }
    return e
  }

  func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
    guard let s = text(key) else { return nil }
    guard let n = Int(s), range.contains(n) else {
      problems.add(
        node[key]!.location, "`\(key)` should be a whole number from \(range.lowerBound) to \(range.upperBound), found `\(s)`",
        "`\(key)` 应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，实际是 `\(s)`")
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
      problems.add(node[key]!.location, "`\(key)` should be true or false, found `\(s)`", "`\(key)` 应为 true 或 false，实际是 `\(s)`")
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
      notAList(key, value)
      return []
    }
    var out: [String] = []
    for item in items {
      guard let s = item.scalar, !s.isEmpty else {
        let kind = Self.kind(item)
        problems.add(item.location, "each item of `\(key)` should be text, found \(kind.en)", "`\(key)` 的每一项都应为文本，实际是\(kind.zh)")
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
      notAList(key, value)
      return []
    }
    return items.compactMap(decode)
  }

  private func notAList(_ key: String, _ value: YAMLNode) {
    let kind = Self.kind(value)
    problems.add(
      value.location, "`\(key)` in \(what.en) should be a list (lines starting with `- `), found \(kind.en)",
      "\(what.zh)的 `\(key)` 应为列表（以 `- ` 开头的若干行），实际是\(kind.zh)")
  }

  /// A nested record.
  func child(_ key: String, what childWhat: Bilingual, keys: [String]) -> NodeReader? {
    guard let value = node[key], !value.isEmptyScalar else { return nil }
    return NodeReader(value, what: childWhat, keys: keys, problems: problems)
  }

  /// Reports ids that appear twice in the list under `key`.
  func checkUniqueIDs(_ key: String, what itemWhat: Bilingual) {
    guard let nodes = node[key]?.items else { return }
    var seen: Set<String> = []
    for item in nodes {
      guard let idNode = item["id"], let i = idNode.scalar else { continue }
      if !seen.insert(i).inserted {
        problems.add(idNode.location, "\(itemWhat.en) id `\(i)` appears twice in `\(key)`", "\(itemWhat.zh) id `\(i)` 在 `\(key)` 中出现了两次")
      }
    }
  }
}
