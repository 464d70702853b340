import CoachCore
import CoachStore
import CoachTestSupport
import Testing

@testable import CoachApp

/// A trainer's folder as typed (`my-team/`, `./my-team`): every path in the messages reads
/// without `//`; and `playbook list` names each file it did not load, with why, as `playbook
/// validate` does.
@Suite struct PlaybookTrainerFolderSessionTests {
  /// A flat copy of the English playbook with two files that cannot be loaded.
  func flatFolder() -> TempWorkspace {
    let trainer = TempWorkspace("coach-my-team")
    trainer.write("drills.yaml", "module: drills\ntitle: Ours\n")
    trainer.write("notes.yaml", "hello: 1\n")
    trainer.write("objections.yaml", "module: objections\nlanguage: en\ncategories:\n  - id: price\n    wordings: [Our ceiling is 50k.]\n")
    return trainer
  }

  @Test(arguments: ["/", "//", "/./", "/../" + "coach-my-team-x/"])
  func validateReadsTheFolderWithoutDoubleSlashes(_ tail: String) {
    let trainer = flatFolder()
    let h = SessionHarness()
    // `…/x/../coach-my-team-x/` resolves to a sibling that does not exist; the others are the folder.
    let typed = tail.hasPrefix("/../") ? trainer.root + tail : trainer.root + tail
    let r = h.run(["playbook validate " + typed])
    if tail.hasPrefix("/../") {
      #expect(r.status == 66)
      return
    }
    #expect(r.status == 65)
    #expect(r.err.contains(trainer.root + "/drills.yaml:1:1: not loaded: a playbook file directly in the folder"), "\(r.err)")
    #expect(r.err.contains(trainer.root + "/notes.yaml:1:1: `notes.yaml` is not a playbook module"))
    #expect(!r.err.contains("//") && !r.out.contains("//"), "\(r.err)")
  }

  @Test func listNamesTheFilesItSkippedAndWhy() {
    let trainer = flatFolder()
    let h = SessionHarness()
    h.width = 300
    h.playbookDirectories.append(trainer.root)
    let r = h.run(["playbook list"])
    #expect(r.status == 0)
    #expect(r.out.contains("Not loaded (2):"))
    #expect(r.out.contains("/drills.yaml:1:1: not loaded: a playbook file directly in the folder (not in en/ or zh/) needs `language: en` or `language: zh`"))
    #expect(r.out.contains("/notes.yaml:1:1: `notes.yaml` is not a playbook module"))
    #expect(r.out.contains("objections.yaml + ") && r.out.contains("/objections.yaml"), "the loaded file is listed under its module")
    h.lang = .zh
    let zh = h.run(["playbook list"])
    #expect(zh.out.contains("未加载（2 项）：") && zh.out.contains("/drills.yaml:1:1: 未加载：直接放在文件夹中"))
    // Nothing skipped: no section.
    let clean = SessionHarness()
    #expect(!clean.run(["playbook list"]).out.contains("Not loaded"))
  }
}
