import CoachCore

/// Reads playbook files from disk — the built-in folder first, then trainers' folders — and
/// hands them to the pure assembler. Every problem comes back located; nothing here throws.
public enum PlaybookLoader {
  /// Files over this size are refused before they are read.
  public static let maxFileBytes = 1_048_576

  public struct Loaded: Sendable {
    public var playbook: Playbook?
    public var problems: [PlaybookProblem]
    public var files: [PlaybookFile]
  }

  /// Loads one language. `playbook` is nil when a file could not be read or parsed.
  public static func load(directories: [String], lang: Lang, requiredFindings: [String] = FindingID.all) -> Loaded {
    let (files, readProblems) = read(directories: directories, lang: lang)
    let (book, problems) = PlaybookAssembler.assemble(lang: lang, files: files, requiredFindings: requiredFindings)
    let all = readProblems + problems
    return Loaded(playbook: readProblems.isEmpty ? book : nil, problems: all, files: files)
  }

  /// Reads and parses every module file of one language in the given folders.
  public static func read(directories: [String], lang: Lang) -> ([PlaybookFile], [PlaybookProblem]) {
    var files: [PlaybookFile] = []
    var problems: [PlaybookProblem] = []
    for directory in directories {
      let folder = directory + "/" + lang.rawValue
      guard Sys.fileExists(directory) else {
        problems.append(PlaybookProblem(YAMLLocation(file: directory, line: 1, column: 1), "the playbook folder does not exist"))
        continue
      }
      guard Sys.fileExists(folder) else { continue }
      let names: [String]
      do { names = try Sys.listDirectory(folder).sorted() } catch {
        problems.append(PlaybookProblem(YAMLLocation(file: folder, line: 1, column: 1), "the folder could not be read"))
        continue
      }
      for name in names where !name.hasPrefix(".") {
        let path = folder + "/" + name
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
        let module = String(name.prefix { $0 != "." })
        guard PlaybookAssembler.modules.contains(module) else {
          var message = "`\(name)` is not a playbook module; module files are named: "
            + PlaybookAssembler.modules.map { $0 + ".yaml" }.joined(separator: ", ")
          if let near = Suggest.nearest(to: module, in: PlaybookAssembler.modules) { message += " (did you mean \(near).yaml?)" }
          problems.append(PlaybookProblem(YAMLLocation(file: path, line: 1, column: 1), message))
          continue
        }
        do {
          let bytes = try Sys.readAll(path, limit: maxFileBytes)
          let node = try YAML.parse(utf8: bytes, file: path)
          files.append(PlaybookFile(path: path, module: module, node: node))
        } catch let error as YAMLError {
          problems.append(PlaybookProblem(error.location, error.message))
        } catch let error as StoreError {
          let message: String
          if case .tooLarge(_, let size, let limit) = error {
            message = "the file is \(size) bytes; playbook files may be at most \(limit) bytes"
          } else {
            message = "the file could not be read"
          }
          problems.append(PlaybookProblem(YAMLLocation(file: path, line: 1, column: 1), message))
        } catch {
          problems.append(PlaybookProblem(YAMLLocation(file: path, line: 1, column: 1), "the file could not be read"))
        }
      }
    }
    return (files, problems)
  }
}
