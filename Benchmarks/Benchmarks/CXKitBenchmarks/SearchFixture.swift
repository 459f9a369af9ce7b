import CSQLite
import CXKitCore
import Foundation

/// The search corpus and both engines over it, built once per process: 1M synthetic posts
/// of 15–25 Zipf-distributed words, in `InMemorySearchIndex` and in SQLite FTS5.
enum SearchFixture {
    static let documentCount = 1_000_000

    static let tenant = StoreFixture.tenant

    static func documentID(_ index: Int) -> Identifier { Identifier(high: 0, low: UInt64(index + 1)) }

    struct Built: Sendable {
        let corpus: ZipfCorpus
        let texts: [String]
        let index: InMemorySearchIndex
        let fts: SQLiteDatabase
        let indexingSeconds: Double
        let ftsIndexingSeconds: Double
        let indexBytesPerDocument: Int
    }

    static let built: Built = {
        let corpus = ZipfCorpus(vocabularySize: 50_000, seed: 0x5EED)
        let texts = corpus.documents(documentCount)
        let documents = texts.enumerated().map { offset, text in
            SearchDocument(id: documentID(offset), fields: [.body(text)])
        }
        let index = InMemorySearchIndex()
        let before = residentBytes()
        let started = DispatchTime.now().uptimeNanoseconds
        do { try index.add(contentsOf: documents, in: tenant) } catch { fatalError("indexing failed: \(error)") }
        let indexingSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let growth = residentBytes() - before

        let fts: SQLiteDatabase
        let ftsStarted = DispatchTime.now().uptimeNanoseconds
        do {
            fts = try SQLiteDatabase()
            try fts.execute("CREATE VIRTUAL TABLE posts USING fts5(body)")
            try fts.execute("BEGIN")
            let insert = try fts.prepare("INSERT INTO posts (rowid, body) VALUES (?, ?)")
            for (offset, text) in texts.enumerated() {
                insert.reset()
                insert.bind(1, Int64(offset + 1))
                insert.bind(2, text)
                try insert.step()
            }
            try fts.execute("COMMIT")
        } catch { fatalError("FTS5 indexing failed: \(error)") }
        let ftsSeconds = Double(DispatchTime.now().uptimeNanoseconds - ftsStarted) / 1e9
        return Built(
            corpus: corpus, texts: texts, index: index, fts: fts, indexingSeconds: indexingSeconds,
            ftsIndexingSeconds: ftsSeconds, indexBytesPerDocument: max(0, growth) / documentCount)
    }()

    /// Query shapes of the spec: by how common their words are (Zipf rank 1 is the most
    /// common word).
    struct QueryShape: Sendable {
        let name: String
        let ours: @Sendable (ZipfCorpus, SeededRandomSource) -> SearchQuery
        let fts: @Sendable (ZipfCorpus, SeededRandomSource) -> String
    }

    static func word(_ corpus: ZipfCorpus, rank range: ClosedRange<Int>, _ random: SeededRandomSource) -> String {
        corpus.vocabulary[range.lowerBound - 1 + Int(random.next(below: UInt64(range.count)))]
    }

    static let shapes: [QueryShape] = [
        QueryShape(
            name: "rare term",
            ours: { c, r in SearchQuery(text: word(c, rank: 5_000...20_000, r)) },
            fts: { c, r in "\"\(word(c, rank: 5_000...20_000, r))\"" }),
        QueryShape(
            name: "mid term",
            ours: { c, r in SearchQuery(text: word(c, rank: 200...1_000, r)) },
            fts: { c, r in "\"\(word(c, rank: 200...1_000, r))\"" }),
        QueryShape(
            name: "common term",
            ours: { c, r in SearchQuery(text: word(c, rank: 5...30, r)) },
            fts: { c, r in "\"\(word(c, rank: 5...30, r))\"" }),
        QueryShape(
            name: "most common term",
            ours: { c, _ in SearchQuery(text: c.vocabulary[0]) },
            fts: { c, _ in "\"\(c.vocabulary[0])\"" }),
        QueryShape(
            name: "2 terms AND (common + mid)",
            ours: { c, r in SearchQuery(text: "\(word(c, rank: 5...30, r)) \(word(c, rank: 200...1_000, r))") },
            fts: { c, r in "\"\(word(c, rank: 5...30, r))\" AND \"\(word(c, rank: 200...1_000, r))\"" }),
        QueryShape(
            name: "2 terms AND (common + common)",
            ours: { c, r in SearchQuery(text: "\(word(c, rank: 2...30, r)) \(word(c, rank: 2...30, r))") },
            fts: { c, r in "\"\(word(c, rank: 2...30, r))\" AND \"\(word(c, rank: 2...30, r))\"" }),
        QueryShape(
            name: "3 terms AND (mixed)",
            ours: { c, r in
                SearchQuery(
                    text: "\(word(c, rank: 2...50, r)) \(word(c, rank: 50...500, r)) \(word(c, rank: 100...2_000, r))")
            },
            fts: { c, r in
                "\"\(word(c, rank: 2...50, r))\" AND \"\(word(c, rank: 50...500, r))\" AND \"\(word(c, rank: 100...2_000, r))\""
            }),
        QueryShape(
            name: "2 terms OR (mid)",
            ours: { c, r in
                SearchQuery(text: "\(word(c, rank: 200...1_000, r)) \(word(c, rank: 200...1_000, r))", mode: .any)
            },
            fts: { c, r in "\"\(word(c, rank: 200...1_000, r))\" OR \"\(word(c, rank: 200...1_000, r))\"" }),
        QueryShape(
            name: "phrase (common + common)",
            ours: { c, r in SearchQuery(text: "\"\(word(c, rank: 1...5, r)) \(word(c, rank: 1...5, r))\"") },
            fts: { c, r in "\"\(word(c, rank: 1...5, r)) \(word(c, rank: 1...5, r))\"" }),
        QueryShape(
            name: "prefix",
            ours: { c, r in SearchQuery(text: String(word(c, rank: 100...3_000, r).prefix(4)) + "*") },
            fts: { c, r in "\"\(String(word(c, rank: 100...3_000, r).prefix(4)))\"*" }),
    ]

    /// Runs an FTS5 query ranked by bm25, returning the top rowids.
    static func ftsTop(_ match: String, limit: Int = 10, statement: SQLiteDatabase.Statement) throws -> [Int64] {
        statement.reset()
        statement.bind(1, match)
        statement.bind(2, Int64(limit))
        var rows: [Int64] = []
        while try statement.step() { rows.append(statement.int64(0)) }
        return rows
    }
}
