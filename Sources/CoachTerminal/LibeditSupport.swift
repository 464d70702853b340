import CLibEditShim

/// Pure helpers for `LibeditLineReader`: the prompt's literal-mode encoding, display widths,
/// and the layout of a completion list. Internal; tested directly.
enum LibeditText {
  /// The literal-mode character given to libedit with `EL_PROMPT_ESC`.
  static let literalMode: Unicode.Scalar = "\u{1}"

  /// Display columns of one scalar in the current locale (`wcwidth`): CJK is 2, combining
  /// marks 0. Unprintable scalars (negative `wcwidth`) count as 0 when control characters and 1
  /// otherwise, so a stray scalar never makes a layout collapse.
  static func width(_ scalar: Unicode.Scalar) -> Int {
    let w = Int(coach_wcwidth(wchar_t(bitPattern: scalar.value)))
    if w >= 0 { return w }
    return scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) ? 0 : 1
  }

  /// Display columns of a string.
  static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + width($1) }
  }

  /// The prompt as libedit must see it with `EL_PROMPT_ESC` and `literalMode`.
  ///
  /// libedit 3.1-20221030 (`prompt.c`, `literal.c`) does not give a literal region zero width
  /// on its own: it glues the region to the *next* character, sends region + character together,
  /// and counts that character's `wcwidth`. If that character's width is not positive the region
  /// is dropped (and the character with it), and a region closed by the prompt's last character
  /// is dropped along with the rest of the prompt ("XXX: We lose the last literal"). So:
  /// - consecutive escape sequences become one region, glued to the next positive-width scalar
  ///   (zero-width scalars in between are emitted first; they belong to the previous character);
  /// - escape sequences after the last visible character are moved in front of it (into its
  ///   region if it has one), so they take effect one character early: `coach> ESC[0m` shows
  ///   as `coach>ESC[0m ` — identical on screen for colour resets before a trailing space;
  /// - a prompt without any positive-width character loses its escape sequences;
  /// - literal-mode characters already in the prompt are removed.
  static func libeditPrompt(_ prompt: String) -> [Unicode.Scalar] {
    enum Piece {
      case escape([Unicode.Scalar])
      case visible(Unicode.Scalar)
    }
    var pieces: [Piece] = []
    let scalars = Array(prompt.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let s = scalars[i]
      if s == literalMode {
        i += 1
        continue
      }
      guard s == "\u{1B}" else {
        pieces.append(.visible(s))
        i += 1
        continue
      }
      let end = escapeEnd(scalars, from: i)
      pieces.append(.escape(Array(scalars[i..<end])))
      i = end
    }

    // Each visible scalar, with the escape sequences glued in front of it (if any).
    var cells: [(glued: [Unicode.Scalar], scalar: Unicode.Scalar)] = []
    var pending: [Unicode.Scalar] = []
    for piece in pieces {
      switch piece {
      case .escape(let sequence):
        pending += sequence
      case .visible(let scalar):
        if !pending.isEmpty, width(scalar) > 0 {
          cells.append((pending, scalar))
          pending = []
        } else {
          cells.append(([], scalar))
        }
      }
    }
    if !pending.isEmpty, let last = cells.lastIndex(where: { width($0.scalar) > 0 }) {
      cells[last].glued += pending
    }

    var out: [Unicode.Scalar] = []
    for cell in cells {
      if !cell.glued.isEmpty {
        out.append(literalMode)
        out += cell.glued
        out.append(literalMode)
      }
      out.append(cell.scalar)
    }
    return out
  }

  /// The index just past the escape sequence starting at `start` (an ESC): CSI (`ESC [` …
  /// final byte 0x40–0x7E), OSC/DCS/APC/PM/SOS strings (ended by BEL or `ESC \`), or
  /// `ESC` + intermediates (0x20–0x2F) + one final character.
  private static func escapeEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
    var i = start + 1
    guard i < s.count else { return i }
    switch s[i] {
    case "[":
      i += 1
      while i < s.count {
        let v = s[i].value
        i += 1
        if (0x40...0x7E).contains(v) { break }
      }
      return i
    case "]", "P", "_", "^", "X":
      i += 1
      while i < s.count {
        if s[i] == "\u{07}" { return i + 1 }
        if s[i] == "\u{1B}", i + 1 < s.count, s[i + 1] == "\\" { return i + 2 }
        i += 1
      }
      return i
    default:
      while i < s.count, (0x20...0x2F).contains(s[i].value) { i += 1 }
      return min(i + 1, s.count)
    }
  }

  /// The text of a bracketed paste as one answer: `\r\n` and `\r` become `\n`, trailing line
  /// breaks are dropped, other control characters (but tabs, which become a space) are dropped.
  static func pastedText(_ scalars: [Unicode.Scalar]) -> String {
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      let s = scalars[i]
      switch s.value {
      case 0x0D:
        out.append("\n")
        if i + 1 < scalars.count, scalars[i + 1].value == 0x0A { i += 1 }
      case 0x0A: out.append("\n")
      case 0x09: out.append(" ")
      case 0..<0x20, 0x7F: break
      default: out.append(s)
      }
      i += 1
    }
    var text = String(out)
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  /// `text` without its escape sequences (what the terminal shows).
  static func visible(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      if scalars[i] == "\u{1B}" {
        i = escapeEnd(scalars, from: i)
        continue
      }
      if scalars[i] != literalMode { out.append(scalars[i]) }
      i += 1
    }
    return String(out)
  }

  /// `candidates` laid out in columns for a terminal `columns` wide, filled down then across
  /// (as `ls` and libedit's own file completion do), two spaces between columns, no trailing
  /// spaces. One line per row, each ending in `\n`. Widths are display widths.
  static func completionList(_ candidates: [String], columns: Int) -> String {
    guard !candidates.isEmpty else { return "" }
    let widths = candidates.map { width($0) }
    let gap = 2
    let cellWidth = (widths.max() ?? 0) + gap
    let perRow = max(1, (max(columns, 1) + gap) / cellWidth)
    let rows = (candidates.count + perRow - 1) / perRow
    var out = ""
    for row in 0..<rows {
      var line = ""
      var column = row
      while column < candidates.count {
        let next = column + rows
        line += candidates[column]
        if next < candidates.count {
          line += String(repeating: " ", count: cellWidth - widths[column])
        }
        column = next
      }
      out += line + "\n"
    }
    return out
  }

  /// The longest common prefix of `strings`, by grapheme clusters (never splits a character).
  static func commonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map({ Array($0) }) else { return "" }
    for string in strings.dropFirst() {
      let other = Array(string)
      var n = 0
      while n < prefix.count, n < other.count, prefix[n] == other[n] { n += 1 }
      prefix.removeLast(prefix.count - n)
    }
    return String(prefix)
  }
}
