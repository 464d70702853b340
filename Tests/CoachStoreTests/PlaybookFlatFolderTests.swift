import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

/// A trainer's flat folder (`cp -r playbooks/en my-team/`): each file is loaded into the
/// language of its own `language:` field, and every YAML file that is not loaded is reported
/// with the reason — a broken line in a flat copy is found, never an "OK" over nothing.
@Suite struct PlaybookFlatFolderTests {
  let builtIn = RepositoryPaths.playbooks

  /// The shipped files of one language, copied flat into `folder` of a new trainer workspace.
  func flatCopy(_ lang: Lang, into trainer: TempWorkspace, folder: String = "") -> [String] {
    // The modules the built-in playbook ships (an optional one such as assignments is a trainer's own).
    let names = PlaybookAssembler.modules.map { $0 + ".yaml" }.filter { TestFiles.text(builtIn + "/" + lang.rawValue + "/" + $0) != nil }
    for name in names { trainer.write(folder + name, TestFiles.text(builtIn + "/" + lang.rawValue + "/" + name)!) }
    return names
  }

  func problems(_ trainer: TempWorkspace) -> [String] {
    var out: [PlaybookProblem] = []
    for lang in Lang.allCases { out += PlaybookLoader.load(directories: [builtIn, trainer.root], lang: lang).problems }
    var seen = Set<String>()
    return out.map { $0.description.replacingAll(trainer.root + "/", with: "") }.filter { seen.insert($0).inserted }
  }

  @Test func aFlatCopyOfTheEnglishPlaybookIsLoadedAsEnglish() throws {
    let trainer = TempWorkspace("coach-flat")
    let names = flatCopy(.en, into: trainer)
    #expect(problems(trainer) == [])
    let en = PlaybookLoader.load(directories: [builtIn, trainer.root], lang: .en)
    for name in names { #expect(en.files.contains { $0.path == trainer.root + "/" + name }, "\(name) was not loaded") }
    let zh = PlaybookLoader.load(directories: [builtIn, trainer.root], lang: .zh)
    #expect(!zh.files.contains { $0.path.hasPrefix(trainer.root) })
  }

  @Test func aFlatChineseFileGoesToTheChinesePlaybook() throws {
    let trainer = TempWorkspace("coach-flat")
    trainer.write("objections.yaml", "module: objections\nlanguage: zh\ncategories:\n  - id: price\n    wordings: [我们的采购平台单项上限是五万。]\n")
    #expect(problems(trainer) == [])
    let zh = try #require(PlaybookLoader.load(directories: [builtIn, trainer.root], lang: .zh).playbook)
    #expect(zh.category(.price)?.wordings.last == "我们的采购平台单项上限是五万。")
    let en = try #require(PlaybookLoader.load(directories: [builtIn, trainer.root], lang: .en).playbook)
    #expect(!(en.category(.price)?.wordings.contains("我们的采购平台单项上限是五万。") ?? true))
  }

  @Test func aBrokenLineInAFlatCopyIsReportedWhereItIs() {
    let trainer = TempWorkspace("coach-flat")
    _ = flatCopy(.en, into: trainer)
    let text = TestFiles.text(builtIn + "/en/drills.yaml")!
    trainer.write("drills.yaml", text.replacingAll("title: Practice drills\n", with: "title: Practice drills\n  broken: [\n"))
    let found = problems(trainer)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("drills.yaml:4:3: ") == true, "\(found)")
  }

  /// Each file that is not loaded, and why.
  @Test(arguments: [
    (
      "no language", "module: drills\ntitle: Ours\n",
      "drills.yaml:1:1: not loaded: a playbook file directly in the folder (not in en/ or zh/) needs `language: en` or `language: zh` at the top to say which playbook it belongs to"
    ),
    ("a language coach does not have", "module: drills\nlanguage: fr\n", "drills.yaml:2:11: not loaded: `language: fr` is not a playbook language (en, zh)"),
  ])
  func aFlatFileThatIsNotLoadedSaysWhy(_ label: String, _ text: String, _ expected: String) {
    let trainer = TempWorkspace("coach-flat")
    trainer.write("drills.yaml", text)
    #expect(problems(trainer) == [expected], "\(label)")
  }

  @Test func aFlatFileThatIsNoModuleIsReported() {
    let trainer = TempWorkspace("coach-flat")
    trainer.write("drill.yaml", "module: drills\nlanguage: en\n")
    let found = problems(trainer)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("drill.yaml:1:1: `drill.yaml` is not a playbook module") == true)
    #expect(found.first?.hasSuffix("(did you mean drills.yaml?)") == true)
  }

  @Test func notesBesideTheYAMLAreLeftAlone() {
    let trainer = TempWorkspace("coach-flat")
    trainer.write("README.md", "# Our team's playbook\n")
    trainer.write("drills.yaml", "module: drills\nlanguage: en\n")
    #expect(problems(trainer) == [])
  }
}
