/// One parsed playbook file.
public struct PlaybookFile: Sendable {
  public var path: String
  public var module: String
  public var node: YAMLNode
  public init(path: String, module: String, node: YAMLNode) {
    self.path = path
    self.module = module
    self.node = node
  }
}

/// Builds one language's playbook from its parsed files (built-in first, then overlays) and
/// checks it: every problem is reported with the file and line it comes from.
public enum PlaybookAssembler {
  public static let modules = PlaybookDecoder.modules

  /// The merged YAML of each module, after laying overlays over the built-in files.
  public static func merge(_ files: [PlaybookFile]) -> [String: YAMLNode] {
    var merged: [String: YAMLNode] = [:]
    for file in files {
      merged[file.module] = merged[file.module].map { PlaybookMerge.overlay($0, with: file.node) } ?? file.node
    }
    return merged
  }

  public static func assemble(lang: Lang, files: [PlaybookFile], requiredFindings: [String]) -> (playbook: Playbook, problems: [PlaybookProblem]) {
    let problems = ProblemList()
    var book = Playbook(lang: lang)
    book.sources = files.map(\.path)
    for file in files {
      checkHeader(file, lang: lang, problems: problems)
    }
    let merged = merge(files)
    for module in modules {
      guard let node = merged[module] else { continue }
      PlaybookDecoder.decode(module: module, node: node, into: &book, problems: problems)
    }
    PlaybookChecks.check(book, merged: merged, requiredFindings: requiredFindings, problems: problems)
    return (book, problems.items.sorted())
  }

  static func checkHeader(_ file: PlaybookFile, lang: Lang, problems: ProblemList) {
    let top = YAMLLocation(file: file.path, line: 1, column: 1)
    guard file.node.entries != nil else {
      problems.add(top, "expected a playbook module (lines of `key: value`)", "这里应为剧本模块（`key: value` 形式的若干行）")
      return
    }
    if let m = file.node["module"] {
      if m.scalar != file.module {
        problems.add(
          m.location, "this file is \(file.module).yaml but says `module: \(m.scalar ?? "")`; the two must match",
          "这个文件是 \(file.module).yaml，里面写的却是 `module: \(m.scalar ?? "")`；两者必须一致")
      }
    } else {
      problems.add(top, "missing `module: \(file.module)` at the top of the file", "文件开头缺少 `module: \(file.module)`")
    }
    if let l = file.node["language"] {
      if l.scalar != lang.rawValue {
        problems.add(
          l.location, "this file is in the \(lang.rawValue)/ folder but says `language: \(l.scalar ?? "")`",
          "这个文件在 \(lang.rawValue)/ 文件夹中，里面写的却是 `language: \(l.scalar ?? "")`")
      }
    } else {
      problems.add(top, "missing `language: \(lang.rawValue)` at the top of the file", "文件开头缺少 `language: \(lang.rawValue)`")
    }
  }

  /// Every id in a module, as a path of ids and keys, with where it is: for comparing languages.
  public static func idPaths(_ node: YAMLNode, prefix: String = "") -> [String: YAMLLocation] {
    var out: [String: YAMLLocation] = [:]
    switch node.value {
    case .mapping(let entries):
      var here = prefix
      if let idNode = node["id"], let id = idNode.scalar {
        here = prefix + "#" + id
        out[here] = idNode.location
      }
      for entry in entries where entry.key != "id" {
        out.merge(idPaths(entry.value, prefix: here + "/" + entry.key)) { a, _ in a }
      }
    case .sequence(let items):
      for item in items { out.merge(idPaths(item, prefix: prefix)) { a, _ in a } }
    case .scalar:
      break
    }
    return out
  }

  /// Problems where one language has an id the other lacks.
  public static func parity(_ a: (Lang, [String: YAMLNode]), _ b: (Lang, [String: YAMLNode])) -> [PlaybookProblem] {
    var problems: [PlaybookProblem] = []
    for module in modules {
      guard let na = a.1[module], let nb = b.1[module] else { continue }
      let pa = idPaths(na)
      let pb = idPaths(nb)
      for (path, location) in pa where pb[path] == nil {
        problems.append(PlaybookProblem(location, onlyIn(readable(path), a.0, not: b.0, module)))
      }
      for (path, location) in pb where pa[path] == nil {
        problems.append(PlaybookProblem(location, onlyIn(readable(path), b.0, not: a.0, module)))
      }
    }
    return problems.sorted()
  }

  static func onlyIn(_ id: String, _ has: Lang, not lacks: Lang, _ module: String) -> Bilingual {
    func name(_ lang: Lang) -> String { (lang == .en ? "英文" : "中文") + "（\(lang.rawValue)）" }
    return Bilingual(
      "id `\(id)` is in the \(has.rawValue) playbook but not in the \(lacks.rawValue) one (\(module).yaml)",
      "id `\(id)` 在\(name(has))剧本中有，在\(name(lacks))剧本中没有（\(module).yaml）")
  }

  static func readable(_ path: String) -> String {
    // "/walks#profile/prompts#tier" → "walks › profile › prompts › tier"
    path.split(separator: "/").map { $0.replacingHash() }.joined(separator: " › ")
  }
}

extension Substring {
  fileprivate func replacingHash() -> String { split(separator: "#").joined(separator: " › ") }
}
