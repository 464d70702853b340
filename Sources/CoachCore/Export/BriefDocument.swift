/// The meeting brief as a document of plain values: sections of paragraphs, label–value fields,
/// tables and lists, with a little inline emphasis. `BriefBuilder` fills it from a plan; the
/// Markdown and HTML renderers turn it into text, each escaping every string it writes. Nothing
/// in here is escaped or formatted for one output: the same document renders to both.
public struct BriefDocument: Equatable, Sendable {
  public var lang: Lang
  public var title: String
  /// One line under the title: the account's name, dates, whether this is the full variant.
  public var subtitle: [BriefInline]
  public var sections: [BriefSection]
  /// True for the `--full` variant (every answer, not a one-page selection).
  public var full: Bool

  public init(lang: Lang, title: String, subtitle: [BriefInline], sections: [BriefSection], full: Bool) {
    self.lang = lang
    self.title = title
    self.subtitle = subtitle
    self.sections = sections
    self.full = full
  }
}

public struct BriefSection: Equatable, Sendable {
  /// A stable id (used as the HTML class and anchor): account, stakeholders, discovery, …
  public var id: String
  public var title: String
  public var blocks: [BriefBlock]

  public init(id: String, title: String, blocks: [BriefBlock]) {
    self.id = id
    self.title = title
    self.blocks = blocks
  }
}

/// A titled part of a section: `id` is stable (a stage id, "goals", "objection-2"), the title
/// and the quiet note after it are shown.
public struct BriefGroup: Equatable, Sendable {
  public var id: String
  public var title: String
  public var note: String?
  public var blocks: [BriefBlock]

  public init(id: String, title: String, note: String? = nil, blocks: [BriefBlock]) {
    self.id = id
    self.title = title
    self.note = note
    self.blocks = blocks
  }
}

/// Inline text: plain, strong, emphasised (quiet), or marked with a tone (overdue, open, done).
public enum BriefInline: Equatable, Sendable {
  case text(String)
  case strong(String)
  case quiet(String)
  case tone(String, BriefTone)
  /// A line break inside a paragraph or list item (a space inside a table cell).
  case lineBreak
}

public enum BriefTone: String, Equatable, Sendable { case good, warn, bad }

public struct BriefField: Equatable, Sendable {
  public var label: String
  public var value: [BriefInline]
  public init(_ label: String, _ value: [BriefInline]) {
    self.label = label
    self.value = value
  }
}

public struct BriefTable: Equatable, Sendable {
  public var header: [String]
  public var rows: [[[BriefInline]]]
  /// Columns whose cells are numbers (right-aligned).
  public var numeric: Set<Int>
  /// A last row of totals, set apart.
  public var footer: [[BriefInline]]?
  /// An extra class for the HTML table (e.g. "matrix", "ladder").
  public var kind: String?

  public init(header: [String], rows: [[[BriefInline]]] = [], numeric: Set<Int> = [], footer: [[BriefInline]]? = nil, kind: String? = nil) {
    self.header = header
    self.rows = rows
    self.numeric = numeric
    self.footer = footer
    self.kind = kind
  }
}

/// One bar of the value score: a dimension, its subtotal and the maximum.
public struct BriefBar: Equatable, Sendable {
  public var label: String
  public var value: Int
  public var maximum: Int
  public var detail: String
}

/// The price ZOPA on one axis, for the HTML picture (the words are a paragraph beside it).
public struct BriefZOPA: Equatable, Sendable {
  public struct Mark: Equatable, Sendable {
    /// W, E, B or T.
    public var key: String
    public var label: String
    public var value: Double
  }
  public var marks: [Mark]
  /// The zone of possible agreement, low to high, when there is one.
  public var zone: (Double, Double)?

  public static func == (a: BriefZOPA, b: BriefZOPA) -> Bool {
    a.marks == b.marks && a.zone?.0 == b.zone?.0 && a.zone?.1 == b.zone?.1
  }
}

public enum BriefBlock: Equatable, Sendable {
  case paragraph([BriefInline])
  /// A titled part of a section (a discovery stage, an objection, the goals …).
  case group(BriefGroup)
  case fields([BriefField])
  case table(BriefTable)
  case list([[BriefInline]])
  /// The customer's words, quoted.
  case quote([BriefInline])
  case bars([BriefBar])
  case zopa(BriefZOPA)
  /// A numbered list (the agenda): `1.` `2.` in Markdown, `<ol>` in HTML.
  case numbered([[BriefInline]])
}

extension BriefInline {
  /// The run's text as given (empty for a line break).
  public var raw: String {
    switch self {
    case .text(let s), .strong(let s), .quiet(let s), .tone(let s, _): return s
    case .lineBreak: return ""
    }
  }
}

extension Array where Element == BriefInline {
  /// The text without emphasis, line breaks as spaces (for tests and plain summaries).
  public var plainText: String {
    map { inline -> String in
      switch inline {
      case .text(let s), .strong(let s), .quiet(let s), .tone(let s, _): return s
      case .lineBreak: return " "
      }
    }.joined()
  }
}
