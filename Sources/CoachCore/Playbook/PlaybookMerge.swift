/// Lays a trainer's file over the built-in one: fields replace fields, lists of plain text are
/// extended, and list items with an `id` are merged into the item with the same id (or added).
public enum PlaybookMerge {
  public static func overlay(_ base: YAMLNode, with top: YAMLNode) -> YAMLNode {
    switch (base.value, top.value) {
    case (.mapping(var entries), .mapping(let topEntries)):
      for entry in topEntries {
        if let i = entries.firstIndex(where: { $0.key == entry.key }) {
          entries[i].value = overlay(entries[i].value, with: entry.value)
        } else {
          entries.append(entry)
        }
      }
      return YAMLNode(.mapping(entries), at: base.location)
    case (.sequence(var items), .sequence(let topItems)):
      for item in topItems {
        if let id = item["id"]?.scalar, let i = items.firstIndex(where: { $0["id"]?.scalar == id }) {
          items[i] = overlay(items[i], with: item)
        } else if let text = item.scalar, items.contains(where: { $0.scalar == text }) {
          continue
        } else {
          items.append(item)
        }
      }
      return YAMLNode(.sequence(items), at: base.location)
    case (_, .scalar(let s)) where s.isEmpty:
      return base
    default:
      return top
    }
  }
}
