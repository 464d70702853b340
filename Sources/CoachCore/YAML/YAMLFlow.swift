// Flow sequences of scalars on one line: `[a, "b, c", 'd']`. Nested flow collections and flow
// mappings are rejected.

extension YAMLParser {
  mutating func unclosedFlow(_ p: Int) -> YAMLError {
    fail(
      p,
      "this flow sequence ('[') is not closed with ']' on the same line; flow sequences must fit on one line (a '#' after a space starts a comment) — for longer lists use indented '- ' items",
      "这个行内列表（'['）没有在同一行用 ']' 闭合；行内列表必须写在一行内（空格后的 '#' 表示注释开始）——较长的列表请用缩进的 '- ' 项")
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
      if c == YAMLByte.rbracket {
        i += 1
        break
      }
      if c == YAMLByte.comma {
        throw fail(i, "found an empty item in a flow sequence; remove the extra ',' (or write \"\" for an empty text)", "行内列表中有一个空项；请删除多余的 ','（空文本请写 \"\"）")
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
            throw fail(
              j, "nested flow collections are not supported; a flow sequence ('[...]') may hold only plain or quoted text (put text containing '[' in quotes)",
              "不支持嵌套的行内集合；行内列表（'[...]'）只能包含不加引号或带引号的文本（含有 '[' 的文本请加上引号）")
          case YAMLByte.lbrace, YAMLByte.rbrace:
            throw fail(j, "flow mappings ('{...}') are not supported in playbooks; put text containing '{' or '}' in quotes", "剧本不支持行内映射（'{...}'）；含有 '{' 或 '}' 的文本请加上引号")
          case YAMLByte.question:
            throw fail(
              j, "found '?' inside an item of a flow sequence ('[...]'), where YAML reads it as a key marker; put the item in quotes",
              "行内列表（'[...]'）的一项中有 '?'，YAML 会把它读成键的标记；请给这一项加上引号")
          case YAMLByte.colon:
            if j + 1 >= lineEnd || isFlowBreakAfterColon(bytes[j + 1]) {
              throw fail(
                j, "found ':' inside an item of a flow sequence ('[...]'), where YAML reads it as a mapping; put the item in quotes",
                "行内列表（'[...]'）的一项中有 ':'，YAML 会把它读成映射；请给这一项加上引号")
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
      if bytes[i] == YAMLByte.comma {
        i += 1
        continue
      }
      if bytes[i] == YAMLByte.rbracket {
        i += 1
        break
      }
      if bytes[i] == YAMLByte.colon {
        throw fail(
          i, "found ':' after an item of a flow sequence ('[...]'); flow mappings are not supported — put the item in quotes",
          "行内列表（'[...]'）的一项后面有 ':'；不支持行内映射——请给这一项加上引号")
      }
      let found = excerpt(i)
      throw fail(i, "expected ',' or ']' after an item of the flow sequence but found '\(found)'", "行内列表的一项之后应为 ',' 或 ']'，实际是 '\(found)'")
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
      throw fail(
        i, "nested flow collections are not supported; a flow sequence ('[...]') may hold only plain or quoted text — write nested lists as indented '- ' items",
        "不支持嵌套的行内集合；行内列表（'[...]'）只能包含不加引号或带引号的文本——嵌套列表请写成缩进的 '- ' 项")
    case YAMLByte.lbrace, YAMLByte.amp, YAMLByte.star, YAMLByte.bang:
      try checkValueStart(i, afterKey: false)
    case YAMLByte.dash:
      if isBlankOrEnd(i + 1) {
        throw fail(
          i, "an item of a flow sequence ('[...]') cannot start with '- '; put the item in quotes (nested lists are written as indented '- ' items)",
          "行内列表（'[...]'）的项不能以 '- ' 开头；请给这一项加上引号（嵌套列表请写成缩进的 '- ' 项）")
      }
    case YAMLByte.question, YAMLByte.colon, YAMLByte.pipe, YAMLByte.gt, YAMLByte.percent, YAMLByte.at, YAMLByte.backtick, YAMLByte.rbrace:
      let first = text(i, i + 1)
      throw fail(i, "an item of a flow sequence ('[...]') cannot start with '\(first)'; put the item in quotes", "行内列表（'[...]'）的项不能以 '\(first)' 开头；请给这一项加上引号")
    default:
      break
    }
  }
}
