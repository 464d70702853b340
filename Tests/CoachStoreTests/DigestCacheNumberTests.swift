import Testing

@testable import CoachStore

/// The cache's section figures are read on their bytes when they are short decimals; the value
/// must be the one `Double(String)` reads, bit for bit.
@Suite struct DigestCacheNumberTests {
  static func fast(_ text: String) -> Double? { Array(text.utf8).withUnsafeBufferPointer { DigestCache.shortDecimal($0) } }

  @Test func shortDecimalsReadAsDoubleReadsThem() {
    var values: [Double] = [0, 1, 0.5, 0.1, 0.2, 0.3, 0.0625, 0.9, 0.8666666666666667, 1e-7, 123_456.789]
    for n in 0...80 { for d in 1...80 where n <= d { values.append(Double(n) / Double(d)) } }
    var read = 0
    for v in values {
      let text = "\(v)"
      if let fast = Self.fast(text) {
        read += 1
        #expect(fast.bitPattern == Double(text)!.bitPattern, "\(text)")
      }
    }
    #expect(read > values.count / 2)
  }

  @Test(arguments: [
    "", ".", "1.", ".5", "00.5", "1e5", "-0.5", "+1", "0.1234567890123456789012", "0.12345678901234567890123", "9007199254740992",
    "9007199254740993", "9007199254740992.0", "1.2.3", "0x1p3", " 1", "1 ", "nan", "inf", "0,5", "12345678901234567890",
  ])
  func otherTextIsLeftToDoubleOrReadAlike(_ text: String) {
    if let fast = Self.fast(text) {
      #expect(fast.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }
}

/// Plan file names are read on their bytes when they are ASCII; the ids must be those the
/// character tests gave.
@Suite struct PlanFileNameTests {
  @Test(arguments: [
    "acme.json", "a.json", ".json", "json", ".hidden.json", "a.JSON", "acme.json.tmp", "acme-logistics-1012.json", "中文.json",
    "\u{600}.json", ".\u{301}x.json", "a\r\n.json", "x.json\u{301}", "café.json", "acme..json", "",
  ])
  func idsAreTheOnesTheCharacterTestsGave(_ name: String) {
    let expected: String? = name.hasSuffix(".json") && !name.hasPrefix(".") ? String(name.dropLast(5)) : nil
    #expect(PlanRepository.planID(name).map { Array($0.utf8) } == expected.map { Array($0.utf8) })
  }
}
