import Benchmark
import CXKitCore
import Foundation

func registerSearchBenchmarks() {
    let latency = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 5,
        scalingFactor: .one, maxDuration: .seconds(3), maxIterations: 2_000)

    for shape in SearchFixture.shapes {
        Benchmark("Search/CXKit \(shape.name)", configuration: latency) { benchmark in
            let built = SearchFixture.built
            let random = SeededRandomSource(seed: 41)
            let queries = (0..<256).map { _ in shape.ours(built.corpus, random) }
            benchmark.startMeasurement()
            for iteration in benchmark.scaledIterations {
                blackHole(try built.index.search(queries[iteration & 255], in: SearchFixture.tenant))
            }
        }
        Benchmark("Search/FTS5 \(shape.name) (baseline)", configuration: latency) { benchmark in
            let built = SearchFixture.built
            let random = SeededRandomSource(seed: 41)
            let queries = (0..<256).map { _ in shape.fts(built.corpus, random) }
            let statement = try built.fts.prepare(
                "SELECT rowid FROM posts WHERE posts MATCH ? ORDER BY rank LIMIT ?")
            benchmark.startMeasurement()
            for iteration in benchmark.scaledIterations {
                blackHole(try SearchFixture.ftsTop(queries[iteration & 255], statement: statement))
            }
        }
    }

    let overlap = BenchmarkMetric.custom("top-10 overlap with FTS5 (%)", polarity: .prefersLarger, useScalingFactor: false)
    let bulkRate = BenchmarkMetric.custom("bulk indexing (docs/s)", polarity: .prefersLarger, useScalingFactor: false)
    let ftsBulkRate = BenchmarkMetric.custom("FTS5 bulk indexing (docs/s)", polarity: .prefersLarger, useScalingFactor: false)
    let bytesPerDocument = BenchmarkMetric.custom("index RSS per document (B)", useScalingFactor: false)
    Benchmark(
        "Search/indexing and ranking agreement",
        configuration: .init(metrics: [overlap, bulkRate, ftsBulkRate, bytesPerDocument], maxIterations: 1)
    ) { benchmark in
        let built = SearchFixture.built
        let statement = try built.fts.prepare("SELECT rowid FROM posts WHERE posts MATCH ? ORDER BY rank LIMIT ?")
        let random = SeededRandomSource(seed: 42)
        var shared = 0
        var compared = 0
        // Plain term queries (one or two AND-ed words) from rare to common.
        for query in 0..<200 {
            let ranks: [ClosedRange<Int>] = [200...20_000, 50...5_000, 20...2_000, 100...10_000]
            let first = SearchFixture.word(built.corpus, rank: ranks[query % 4], random)
            let words = query % 2 == 0 ? [first] : [first, SearchFixture.word(built.corpus, rank: 2...200, random)]
            let ours = try built.index.search(SearchQuery(text: words.joined(separator: " ")), in: SearchFixture.tenant)
            let theirs = try SearchFixture.ftsTop(words.map { "\"\($0)\"" }.joined(separator: " AND "), statement: statement)
            let ourIDs = Set(ours.hits.map { Int64($0.id.low) })
            shared += theirs.filter { ourIDs.contains($0) }.count
            compared += theirs.count
        }
        benchmark.measurement(overlap, compared == 0 ? 0 : shared * 100 / compared)
        benchmark.measurement(bulkRate, Int(Double(SearchFixture.documentCount) / built.indexingSeconds))
        benchmark.measurement(ftsBulkRate, Int(Double(SearchFixture.documentCount) / built.ftsIndexingSeconds))
        benchmark.measurement(bytesPerDocument, built.indexBytesPerDocument)
    }

    Benchmark(
        "Search/incremental add to a 1M-document index",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, scalingFactor: .one,
            maxDuration: .seconds(2), maxIterations: 5_000)
    ) { benchmark in
        let built = SearchFixture.built
        let random = SeededRandomSource(seed: 43)
        let documents = (0..<5_000).map { offset in
            SearchDocument(
                id: SearchFixture.documentID(SearchFixture.documentCount + 10_000 + offset),
                fields: [.body(built.corpus.document(words: 15 + Int(random.next(below: 11))))])
        }
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            try built.index.upsert([documents[iteration % documents.count]], in: SearchFixture.tenant)
        }
    }
}
