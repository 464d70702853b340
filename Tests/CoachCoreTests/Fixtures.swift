import CoachTestSupport

@testable import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Reads the hand-labelled evaluation sets in Fixtures/ (JSON Lines).
enum Fixtures {
  static var folder: String {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast()
    return parts.joined(separator: "/") + "/Fixtures"
  }

  static func lines(_ name: String) -> [[String: JSONValue]] {
    guard let text = TestFiles.text(folder + "/" + name) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      (try? JSONParser.parse(String(line)))?.object
    }
  }

  /// The repository's playbook for a language (fails the test run loudly if it does not load).
  static func playbook(_ lang: Lang) -> Playbook {
    var files: [PlaybookFile] = []
    for module in PlaybookAssembler.modules {
      let path = RepositoryPaths.playbooks + "/\(lang.rawValue)/\(module).yaml"
      guard let bytes = TestFiles.read(path) else { continue }
      if let node = try? YAML.parse(utf8: bytes, file: path) { files.append(PlaybookFile(path: path, module: module, node: node)) }
    }
    return PlaybookAssembler.assemble(lang: lang, files: files, requiredFindings: FindingID.all).playbook
  }
}
