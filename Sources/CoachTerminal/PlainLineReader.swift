import CLibEditShim

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a pipe or file, without libedit: no prompt, no echo, no history.
///
/// - Lines end at `\n`; a trailing `\r\n` is stripped too (the same rule as Swift's
///   `readLine(strippingNewline:)`). A last line without a newline is still returned.
/// - Bytes are decoded as UTF-8 by Swift itself, so no locale is needed; invalid UTF-8 bytes
///   become U+FFFD (the replacement character) rather than failing the read.
/// - Lines of any length work (`getline(3)` grows its buffer), e.g. a 2 MB line.
/// - End of input is `.endOfInput`, every time it is asked again. A read cut short by a
///   signal (`EINTR`, only possible if someone installed a SIGINT handler) is `.interrupted`.
public final class PlainLineReader: LineReader {
  private let input: UnsafeMutablePointer<FILE>
  private var buffer: UnsafeMutablePointer<CChar>?
  private var capacity = 0

  /// Reads from `input`, which the caller keeps open and closes (`close()` does not).
  public init(input: UnsafeMutablePointer<FILE>) {
    self.input = input
  }

  /// Reads from the process's standard input.
  public convenience init() {
    self.init(input: coach_stdin())
  }

  deinit {
    free(buffer)
  }

  public var isInteractive: Bool { false }

  /// Returns the next line; `prompt` is ignored (nobody is watching a pipe).
  public func readLine(prompt: String) -> LineInput {
    errno = 0
    let count = getline(&buffer, &capacity, input)
    guard count >= 0, let buffer else {
      let error = errno
      if ferror(input) != 0, error == EINTR {
        clearerr(input)
        return .interrupted
      }
      return .endOfInput
    }
    var length = count
    if length > 0, buffer[length - 1] == 0x0A {
      length -= 1
      if length > 0, buffer[length - 1] == 0x0D { length -= 1 }
    }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
    return .line(String(decoding: bytes, as: UTF8.self))
  }

  /// Nothing to save.
  public func close() {}
}
