/// The management module against what coach stores (ManagementWalks): every walk `manage`
/// starts is there, each has every prompt coach stores with the kind, field and optionality it
/// stores it as, the choices are exactly coach's ids, and nothing is there that coach would drop.
enum ManagementWalkChecks {
  static func check(_ book: Playbook, merged: [String: YAMLNode], problems: ProblemList) {
    guard let module = merged["management"] else { return }
    let walkNodes = module["walks"]?.items ?? []
    for (id, slots) in ManagementWalks.walks {
      let command = ManagementWalks.commands[id] ?? id
      guard let walkNode = walkNodes.first(where: { $0["id"]?.scalar == id }) else {
        problems.add(
          module.location, "the walk `\(id)` is missing; coach needs it for `\(command)`", "缺少引导流程 `\(id)`；coach 的 `\(command)` 需要它")
        continue
      }
      let promptNodes = walkNode["prompts"]?.items ?? []
      for slot in slots where !promptNodes.contains(where: { $0["id"]?.scalar == slot.id }) {
        problems.add(
          walkNode.location,
          "the `\(id)` walk needs the prompt `\(slot.id)` (kind: \(slot.kind.rawValue), fills: \(slot.fills)); coach stores its answer",
          "`\(id)` 引导流程缺少提示 `\(slot.id)`（kind: \(slot.kind.rawValue)，fills: \(slot.fills)）；coach 要保存它的回答")
      }
      for node in promptNodes {
        guard let pid = node["id"]?.scalar else { continue }
        guard let slot = slots.first(where: { $0.id == pid }) else {
          problems.add(
            node["id"]?.location ?? node.location,
            "coach stores no prompt `\(pid)` in the `\(id)` walk, so its answer would be dropped; its prompts are: \(slots.map(\.id).joined(separator: ", "))",
            "coach 不会保存 `\(id)` 引导流程中的提示 `\(pid)`，回答会被丢弃；这个流程的提示只有：\(slots.map(\.id).joined(separator: "、"))")
          continue
        }
        checkPrompt(node, slot: slot, walk: id, problems: problems)
      }
    }
    for node in walkNodes {
      guard let id = node["id"]?.scalar, ManagementWalks.slots(id) == nil else { continue }
      let known = ManagementWalks.walks.map(\.id)
      problems.add(
        node["id"]?.location ?? node.location,
        "`manage` has no walk `\(id)`, so nothing would ask it; the management walks are: \(known.joined(separator: ", "))",
        "`manage` 没有 `\(id)` 这个引导流程，它永远不会被用到；客户管理的引导流程只有：\(known.joined(separator: "、"))")
    }
  }

  static func checkPrompt(_ node: YAMLNode, slot: ManagementWalks.Slot, walk: String, problems: ProblemList) {
    if let kindNode = node["kind"], let kind = kindNode.scalar, PromptKind(rawValue: kind) != nil, kind != slot.kind.rawValue {
      problems.add(
        kindNode.location, "prompt `\(slot.id)` of the `\(walk)` walk must be of kind `\(slot.kind.rawValue)`, not `\(kind)`: coach stores it so",
        "`\(walk)` 引导流程的提示 `\(slot.id)` 的类型必须是 `\(slot.kind.rawValue)`，而不是 `\(kind)`：coach 按这个类型保存它")
    }
    if let fillsNode = node["fills"], let fills = fillsNode.scalar, !fills.isEmpty, fills != slot.fills {
      problems.add(
        fillsNode.location, "prompt `\(slot.id)` of the `\(walk)` walk fills `\(slot.fills)`, not `\(fills)`",
        "`\(walk)` 引导流程的提示 `\(slot.id)` 填写的是 `\(slot.fills)`，而不是 `\(fills)`")
    }
    let optional = node["optional"]?.scalar == "true"
    if optional != slot.optional {
      problems.add(
        node["optional"]?.location ?? node["id"]?.location ?? node.location,
        slot.optional
          ? "prompt `\(slot.id)` of the `\(walk)` walk may be skipped: write `optional: true`"
          : "prompt `\(slot.id)` of the `\(walk)` walk cannot be skipped (coach needs its answer): remove `optional: true`",
        slot.optional
          ? "`\(walk)` 引导流程的提示 `\(slot.id)` 可以跳过：请写 `optional: true`"
          : "`\(walk)` 引导流程的提示 `\(slot.id)` 不能跳过（coach 需要它的回答）：请去掉 `optional: true`")
    }
    guard slot.kind == .choice else { return }
    PlaybookChecks.requireOptions(node, fills: slot.fills, allowed: slot.options, problems: problems)
  }
}
