/// Every item that names its `source` (lesson pages, quiz items, walk prompts with a hint,
/// objection strategies, findings), in file order, for `playbook sources`.
public enum PlaybookSources {
  public struct Row: Equatable, Sendable {
    public var module: String
    public var item: String
    public var source: String
  }

  /// The modules whose items carry a source, in the playbook's module order.
  public static let modules = ["account", "discovery", "relationships", "objections", "negotiation", "checks", "lessons", "quiz", "management"]

  public static func rows(_ book: Playbook, module: String? = nil) -> [Row] {
    var rows: [Row] = []
    func add(_ m: String, _ item: String, _ source: String?) {
      if let source, module == nil || module == m { rows.append(Row(module: m, item: item, source: source)) }
    }
    for m in modules {
      switch m {
      case "negotiation":
        for part in book.negotiationParts { for p in part.prompts { add(m, "\(part.id) / \(p.id)", p.source) } }
      case "checks":
        for f in book.findings.values.sorted(by: { $0.id < $1.id }) { add(m, f.id, f.source) }
      case "lessons":
        for l in book.lessons { for p in l.pages { add(m, "\(l.id) / \(p.id)", p.source) } }
      case "quiz":
        for q in book.quiz { add(m, q.id, q.source) }
      default:
        for (wm, id) in book.walkOrder where wm == m {
          for p in book.walks[id]?.prompts ?? [] {
            add(m, "\(id) / \(p.id)", p.source)
            for v in p.industries { add(m, "\(id) / \(p.id) / \(v.id)", v.source) }
          }
        }
        if m == "objections" {
          for c in book.categories { for s in c.strategies { add(m, "\(c.id) / \(s.id)", s.source) } }
        }
      }
    }
    return rows
  }
}
