import Foundation
import Testing

@testable import CoachTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// A pipe whose read end is a `FILE*` for `PlainLineReader`; bytes are written from another
/// thread, so writes larger than the pipe's buffer do not deadlock.
private final class Pipe: @unchecked Sendable {
  let reading: UnsafeMutablePointer<FILE>
  private let writeEnd: Int32
  private let written = DispatchSemaphore(value: 0)

  init(writing bytes: [UInt8]) {
    var fds: [Int32] = [-1, -1]
    precondition(pipe(&fds) == 0)
    reading = fdopen(fds[0], "r")!
    writeEnd = fds[1]
    Thread.detachNewThread { [self] in
      var rest = bytes[...]
      while !rest.isEmpty {
        let n = rest.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
        if n < 0 {
          if errno == EINTR { continue }
          break
        }
        rest = rest.dropFirst(n)
      }
      Glibc.close(writeEnd)
      written.signal()
    }
  }

  convenience init(writing text: String) { self.init(writing: Array(text.utf8)) }

  func close() {
    written.wait()
    fclose(reading)
  }
}

@Suite struct PlainLineReaderTests {
  @Test func readsLinesThenEndOfInput() {
    let pipe = Pipe(writing: "one\ntwo\r\n\n商談 café\nlast without newline")
    let reader = PlainLineReader(input: pipe.reading)
    defer { pipe.close() }
    #expect(!reader.isInteractive)
    #expect(reader.readLine(prompt: "> ") == .line("one"))
    #expect(reader.readLine(prompt: "> ") == .line("two"))
    #expect(reader.readLine(prompt: "> ") == .line(""))
    #expect(reader.readLine(prompt: "> ") == .line("商談 café"))
    #expect(reader.readLine(prompt: "> ") == .line("last without newline"))
    #expect(reader.readLine(prompt: "> ") == .endOfInput)
    #expect(reader.readLine(prompt: "> ") == .endOfInput)
    reader.close()
  }

  @Test func emptyInputIsEndOfInput() {
    let pipe = Pipe(writing: "")
    let reader = PlainLineReader(input: pipe.reading)
    defer { pipe.close() }
    #expect(reader.readLine(prompt: "> ") == .endOfInput)
  }

  @Test func copesWithATwoMegabyteLine() {
    let long = String(repeating: "商談 plan ", count: 2 * 1024 * 1024 / 12 + 1)  // > 2 MB of UTF-8
    #expect(long.utf8.count > 2 * 1024 * 1024)
    let pipe = Pipe(writing: long + "\nafter\n")
    let reader = PlainLineReader(input: pipe.reading)
    defer { pipe.close() }
    #expect(reader.readLine(prompt: "") == .line(long))
    #expect(reader.readLine(prompt: "") == .line("after"))
    #expect(reader.readLine(prompt: "") == .endOfInput)
  }

  @Test func invalidUTF8BecomesTheReplacementCharacter() {
    let pipe = Pipe(writing: [0x61, 0xFF, 0x62, 0x0A])
    let reader = PlainLineReader(input: pipe.reading)
    defer { pipe.close() }
    #expect(reader.readLine(prompt: "") == .line("a\u{FFFD}b"))
  }

  @Test func pipesAreNotTerminals() {
    var fds: [Int32] = [-1, -1]
    #expect(pipe(&fds) == 0)
    defer {
      Glibc.close(fds[0])
      Glibc.close(fds[1])
    }
    #expect(!isTerminal(fds[0]))
    #expect(!isTerminal(fds[0], term: "xterm-256color"))
  }
}
