// Flow sequences of scalars on one line: `[a, "b, c", 'd']`. Nested flow collections and flow
// mappings are rejected.

extension YAMLParser {
  mutating func unclosedFlow(_ p: Int) -> YAMLError {
    fail(p, "this flow sequence ('[') is not closed with ']' on the same line; flow sequences must fit on one line (a '#' after a space starts a comment) — for longer lists use indented '- ' items")
  }

  /// Parses `[a, "b", 'c']` on the current line; returns the node and the offset after `]`.
  mutating func parseFlowSequence(at p: Int, depth: Int) throws(YAMLError) -> (YAMLNode, Int) {
    try checkDepth(depth, p)
    let sequenceLocation = location(p)
    var items: [YAMLNode] = []
    var i = p + 1
    while true {
      i = try skipSpaces(i)
      if i >= lineEnd || bytes[i] == YAMLByte.hash { throw unclosedFlow(p) }
      let c = bytes[i]
      if c == YAMLByte.rbracket { i += 1; break }
      if c == YAMLByte.comma {
        throw fail(i, "found an empty item in a flow sequence; remove the extra ',' (or write \"\" for an empty text)")
      }
      let itemLocation = location(i)
      if c == YAMLByte.dquote || c == YAMLByte.squote {
        let (value, after) = try scanQuoted(at: i)
        items.append(try node(.scalar(value), itemLocation))
        i = after
      } else {
        try checkFlowItemStart(i)
        var j = i
        scan: while j < lineEnd {
          switch bytes[j] {
          case YAMLByte.comma, YAMLByte.rbracket:
            break scan
          case YAMLByte.lbracket:
            throw fail(j, "nested flow collections are not supported; a flow sequence ('[...]') may hold only plain or quoted text (put text containing '[' in quotes)")
          case YAMLByte.lbrace, YAMLByte.rbrace:
            throw fail(j, "flow mappings ('{...}') are not supported in playbooks; put text containing '{' or '}' in quotes")
          case YAMLByte.question:
            throw fail(j, "found '?' inside an item of a flow sequence ('[...]'), where YAML reads it as a key marker; put the item in quotes")
          case YAMLByte.colon:
            if j + 1 >= lineEnd || isFlowBreakAfterColon(bytes[j + 1]) {
              throw fail(j, "found ':' inside an item of a flow sequence ('[...]'), where YAML reads it as a mapping; put the item in quotes")
            }
          case YAMLByte.space:
            if j + 1 < lineEnd && bytes[j + 1] == YAMLByte.hash { break scan }
          case YAMLByte.tab:
            throw tabError(j)
          default:
            break
          }
          j += 1
        }
        var e = j
        while e > i && bytes[e - 1] == YAMLByte.space { e -= 1 }
        let value = text(i, e)
        try checkSpecialPlain(value, i)
        items.append(try node(.scalar(value), itemLocation))
        i = j
      }
      i = try skipSpaces(i)
      if i >= lineEnd || bytes[i] == YAMLByte.hash { throw unclosedFlow(p) }
      if bytes[i] == YAMLByte.comma { i += 1; continue }
      if bytes[i] == YAMLByte.rbracket { i += 1; break }
      if bytes[i] == YAMLByte.colon {
        throw fail(i, "found ':' after an item of a flow sequence ('[...]'); flow mappings are not supported — put the item in quotes")
      }
      throw fail(i, "expected ',' or ']' after an item of the flow sequence but found '\(excerpt(i))'")
    }
    return (try node(.sequence(items), sequenceLocation), i)
  }

  @inline(__always)
  func isFlowBreakAfterColon(_ b: UInt8) -> Bool {
    b == YAMLByte.space || b == YAMLByte.tab || b == YAMLByte.comma || b == YAMLByte.lbracket || b == YAMLByte.rbracket
      || b == YAMLByte.lbrace || b == YAMLByte.rbrace
  }

  mutating func checkFlowItemStart(_ i: Int) throws(YAMLError) {
    let c = bytes[i]
    switch c {
    case YAMLByte.lbracket:
      throw fail(i, "nested flow collections are not supported; a flow sequence ('[...]') may hold only plain or quoted text — write nested lists as indented '- ' items")
    case YAMLByte.lbrace, YAMLByte.amp, YAMLByte.star, YAMLByte.bang:
      try checkValueStart(i, afterKey: false)
    case YAMLByte.dash:
      if isBlankOrEnd(i + 1) {
        throw fail(i, "an item of a flow sequence ('[...]') cannot start with '- '; put the item in quotes (nested lists are written as indented '- ' items)")
      }
    case YAMLByte.question, YAMLByte.colon, YAMLByte.pipe, YAMLByte.gt, YAMLByte.percent, YAMLByte.at, YAMLByte.backtick, YAMLByte.rbrace:
      throw fail(i, "an item of a flow sequence ('[...]') cannot start with '\(text(i, i + 1))'; put the item in quotes")
    default:
      break
    }
  }
}
