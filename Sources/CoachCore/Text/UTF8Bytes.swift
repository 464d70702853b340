extension StringProtocol {
  /// Whether the text's UTF-8 holds `byte`, read on its contiguous bytes when it has them.
  /// Measured (callgrind, warm `agenda` over 10,000 plans): `utf8.contains` through the generic
  /// view cost about 800 instructions a call, and every table line and cell asks it.
  func utf8Contains(_ byte: UInt8) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
  }
}

/// Whether the 8 bytes at `i` are all printable ASCII (0x20…0x7E), tested together as one
/// 64-bit word; false when fewer than 8 bytes are left. Lets the byte loops of widths and
/// sanitising take ordinary text 8 bytes a step.
@inline(__always) func eightPrintableASCII(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
  guard i + 8 <= b.count, let base = b.baseAddress else { return false }
  let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
  let ones: UInt64 = 0x0101_0101_0101_0101
  let high: UInt64 = 0x8080_8080_8080_8080
  // A byte of 0x80 or more; a byte below 0x20 (its high bit set by the subtraction while
  // clear in the byte); a byte equal to 0x7F (a zero byte after the exclusive or).
  let above = w & high
  let below = (w &- ones &* 0x20) & ~w & high
  let x = w ^ (ones &* 0x7F)
  let del = (x &- ones) & ~x & high
  return above | below | del == 0
}
