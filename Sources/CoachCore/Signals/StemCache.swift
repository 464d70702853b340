import Synchronization

/// Stems already computed, shared by every tokenizer in the process: a playbook's example index
/// tokenises some 1,300 example lines at load, and they repeat most of their words. Stemming is a
/// pure function of the word, so the cache changes no result; it stops growing at 100,000 words.
enum StemCache {
  static let cache = Mutex<[String: String]>([:])

  static func stem(_ word: String) -> String {
    if let hit = cache.withLock({ $0[word] }) { return hit }
    let stem = Stemmer.stem(word)
    cache.withLock { if $0.count < 100_000 { $0[word] = stem } }
    return stem
  }
}
