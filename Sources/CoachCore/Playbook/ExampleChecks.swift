/// Checks the example lists the classifiers compare new wording with (`ExampleIndex`): an
/// objection listed under two categories, or a question under two types, would vote for both,
/// so it is reported where it is written (the second place), with the first place named.
enum ExampleChecks {
  static func check(merged: [String: YAMLNode], problems: ProblemList) {
    check(merged["objections"], items: "categories", lists: ["wordings", "compareWith"], what: Bilingual("objection", "客户说法"), problems: problems)
    // Closed questions (`weak: closed`, `compareWith`) count as one more label.
    check(merged["questions"], items: "types", lists: ["examples", "compareWith"], what: Bilingual("question", "问题"), problems: problems, also: "weak")
  }

  static func check(_ module: YAMLNode?, items: String, lists: [String], what: Bilingual, problems: ProblemList, also: String? = nil) {
    var first: [String: (id: String, at: YAMLLocation)] = [:]
    let extra = also.map { module?[$0]?.items ?? [] } ?? []
    for item in (module?[items]?.items ?? []) + extra {
      guard let id = item["id"]?.scalar else { continue }
      for list in lists {
        for entry in item[list]?.items ?? [] {
          guard let text = entry.scalar, !text.isEmpty else { continue }
          let key = TextMatcher.normalise(text)
          if let seen = first[key] {
            if seen.id != id {
              problems.add(
                entry.location,
                "this \(what.en) is also listed under `\(seen.id)` (\(seen.at.file):\(seen.at.line)); an example may belong to one \(items == "types" ? "type" : "category") only",
                "这条\(what.zh)也列在 `\(seen.id)` 下（\(seen.at.file):\(seen.at.line)）；一条示例只能属于一个\(items == "types" ? "类型" : "类别")")
            }
          } else {
            first[key] = (id, entry.location)
          }
        }
      }
    }
  }
}
