import CXKitCore
import Foundation

/// A synthetic forum corpus: documents of about 20 pseudo-words drawn from a Zipf
/// (s = 1) vocabulary, the shape used by the search anchors (reliability-perf.md, B2).
struct ZipfCorpus: Sendable {
    let vocabulary: [String]
    private let cumulative: [Double]
    private let random: SeededRandomSource

    init(vocabularySize: Int = 50_000, seed: UInt64 = 0x5EED) {
        random = SeededRandomSource(seed: seed)
        let syllables = ["ka", "ri", "mo", "te", "su", "la", "ne", "po", "di", "ve", "gu", "ba", "şe", "çi", "öz", "ün"]
        var words: [String] = []
        words.reserveCapacity(vocabularySize)
        var seen = Set<String>()
        var n = 0
        while words.count < vocabularySize {
            var value = n
            var word = ""
            repeat {
                word += syllables[value % syllables.count]
                value /= syllables.count
            } while value > 0
            n += 1
            if seen.insert(word).inserted { words.append(word) }
        }
        vocabulary = words
        var total = 0.0
        var sums: [Double] = []
        sums.reserveCapacity(vocabularySize)
        for rank in 1...vocabularySize {
            total += 1.0 / Double(rank)
            sums.append(total)
        }
        cumulative = sums.map { $0 / total }
    }

    func word() -> String {
        let u = random.nextUnitInterval()
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < u { low = mid + 1 } else { high = mid }
        }
        return vocabulary[low]
    }

    func document(words count: Int = 20) -> String {
        (0..<count).map { _ in word() }.joined(separator: " ")
    }

    func documents(_ count: Int) -> [String] {
        (0..<count).map { _ in document(words: 15 + Int(random.next(below: 11))) }
    }
}
