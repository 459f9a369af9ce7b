import Benchmark
import CSQLite
import CXKitCore

let benchmarks: @Sendable () -> Void = {
    Benchmark("Identifier/make") { benchmark in
        let ids = TimeOrderedIdentifierSource()
        for _ in benchmark.scaledIterations {
            blackHole(ids.nextIdentifier())
        }
    }
    Benchmark("SQLite/open") { benchmark in
        for _ in benchmark.scaledIterations {
            var db: OpaquePointer?
            sqlite3_open(":memory:", &db)
            sqlite3_close(db)
        }
    }
}
