import Benchmark
import CXKitCore
import Foundation

/// One benchmark process builds the 1M-document corpus in both engines once and measures
/// everything the spec asks of search, so the expensive fixture is not rebuilt per metric.
func registerSearchBenchmarks() {
    func metric(_ name: String, larger: Bool = false) -> BenchmarkMetric {
        .custom(name, polarity: larger ? .prefersLarger : .prefersSmaller, useScalingFactor: false)
    }
    var metrics: [BenchmarkMetric] = []
    for shape in SearchFixture.shapes {
        for engine in ["CXKit", "FTS5"] {
            metrics.append(metric("\(engine) \(shape.name) p50 (µs)"))
            metrics.append(metric("\(engine) \(shape.name) p99 (µs)"))
        }
        metrics.append(metric("FTS5/CXKit p50 ratio \(shape.name)", larger: true))
    }
    let overlap = metric("top-10 overlap with FTS5 bm25 (%)", larger: true)
    let bulkRate = metric("CXKit bulk indexing (docs/s)", larger: true)
    let ftsBulkRate = metric("FTS5 bulk indexing (docs/s)", larger: true)
    let bytesPerDocument = metric("CXKit index RSS per document (B)")
    let addP50 = metric("CXKit incremental add p50 (µs)")
    let addP99 = metric("CXKit incremental add p99 (µs)")
    metrics += [overlap, bulkRate, ftsBulkRate, bytesPerDocument, addP50, addP99]

    Benchmark(
        "Search/1M documents: CXKit vs SQLite FTS5",
        configuration: .init(metrics: metrics, maxDuration: .seconds(600), maxIterations: 1)
    ) { benchmark in
        let built = SearchFixture.built
        let statement = try built.fts.prepare("SELECT rowid FROM posts WHERE posts MATCH ? ORDER BY rank LIMIT ?")
        for shape in SearchFixture.shapes {
            let random = SeededRandomSource(seed: 41)
            let expensive = shape.name.hasPrefix("most common") || shape.name.hasPrefix("phrase")
            let count = 300
            let ftsCount = expensive ? 20 : 100
            var ours = LatencySampler(capacity: count)
            for _ in 0..<count {
                let query = shape.ours(built.corpus, random)
                blackHole(try ours.measure { try built.index.search(query, in: SearchFixture.tenant) })
            }
            let ftsRandom = SeededRandomSource(seed: 41)
            var theirs = LatencySampler(capacity: ftsCount)
            for _ in 0..<ftsCount {
                let match = shape.fts(built.corpus, ftsRandom)
                blackHole(try theirs.measure { try SearchFixture.ftsTop(match, statement: statement) })
            }
            benchmark.measurement(metric("CXKit \(shape.name) p50 (µs)"), ours.percentile(50) / 1_000)
            benchmark.measurement(metric("CXKit \(shape.name) p99 (µs)"), ours.percentile(99) / 1_000)
            benchmark.measurement(metric("FTS5 \(shape.name) p50 (µs)"), theirs.percentile(50) / 1_000)
            benchmark.measurement(metric("FTS5 \(shape.name) p99 (µs)"), theirs.percentile(99) / 1_000)
            benchmark.measurement(
                metric("FTS5/CXKit p50 ratio \(shape.name)", larger: true),
                theirs.percentile(50) / max(1, ours.percentile(50)))
        }

        // Ranking agreement on plain term queries (one or two AND-ed words, rare to common).
        let random = SeededRandomSource(seed: 42)
        var shared = 0
        var compared = 0
        for query in 0..<200 {
            let ranks: [ClosedRange<Int>] = [200...20_000, 50...5_000, 20...2_000, 100...10_000]
            let first = SearchFixture.word(built.corpus, rank: ranks[query % 4], random)
            let words = query % 2 == 0 ? [first] : [first, SearchFixture.word(built.corpus, rank: 2...200, random)]
            let ours = try built.index.search(SearchQuery(text: words.joined(separator: " ")), in: SearchFixture.tenant)
            let theirs = try SearchFixture.ftsTop(
                words.map { "\"\($0)\"" }.joined(separator: " AND "), statement: statement)
            let ourIDs = Set(ours.hits.map { Int64($0.id.low) })
            shared += theirs.filter { ourIDs.contains($0) }.count
            compared += theirs.count
        }
        benchmark.measurement(overlap, compared == 0 ? 0 : shared * 100 / compared)
        benchmark.measurement(bulkRate, Int(Double(SearchFixture.documentCount) / built.indexingSeconds))
        benchmark.measurement(ftsBulkRate, Int(Double(SearchFixture.documentCount) / built.ftsIndexingSeconds))
        benchmark.measurement(bytesPerDocument, built.indexBytesPerDocument)

        // Incremental adds of new documents to the 1M-document index.
        let addRandom = SeededRandomSource(seed: 43)
        var adds = LatencySampler(capacity: 5_000)
        for offset in 0..<5_000 {
            let document = SearchDocument(
                id: SearchFixture.documentID(SearchFixture.documentCount + 10_000 + offset),
                fields: [.body(built.corpus.document(words: 15 + Int(addRandom.next(below: 11))))])
            try adds.measure { try built.index.upsert([document], in: SearchFixture.tenant) }
        }
        benchmark.measurement(addP50, adds.percentile(50) / 1_000)
        benchmark.measurement(addP99, adds.percentile(99) / 1_000)
    }
}
