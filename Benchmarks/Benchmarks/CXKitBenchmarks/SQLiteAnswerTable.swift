import CXKitCore
import CXKitMetrics
import Foundation

/// The SQLite baseline for NPS by day: the same 10 M raw answers as
/// ``MetricsFixture/netPromoterScores`` in an in-memory table `answers(day, score)` with a
/// covering index on `(day, score)`, grouped by `day, score`; NPS per day is then computed in
/// Swift from the counts with the same KPI function CXKit uses. Used by one benchmark at a time.
final class SQLiteAnswerTable: @unchecked Sendable {
    static let shared: SQLiteAnswerTable = {
        do { return try SQLiteAnswerTable() } catch { fatalError("SQLite setup failed: \(error)") }
    }()

    let database: SQLiteDatabase
    let grouped: SQLiteDatabase.Statement
    /// SQLite's plan for the query, checked to use the covering index.
    let plan: String

    private init() throws {
        database = try SQLiteDatabase()
        try database.execute("CREATE TABLE answers (day INTEGER NOT NULL, score INTEGER NOT NULL)")
        let insert = try database.prepare("INSERT INTO answers (day, score) VALUES (?, ?)")
        let days = MetricsFixture.days
        let scores = MetricsFixture.netPromoterScores
        try database.execute("BEGIN")
        for row in 0..<MetricsFixture.rowCount {
            insert.reset()
            insert.bind(1, Int64(days[row]))
            insert.bind(2, Int64(scores[row]))
            try insert.step()
        }
        try database.execute("COMMIT")
        try database.execute("CREATE INDEX answers_by_day_score ON answers (day, score)")
        try database.execute("ANALYZE")
        let sql = "SELECT day, score, COUNT(*) FROM answers GROUP BY day, score"
        let explain = try database.prepare("EXPLAIN QUERY PLAN " + sql)
        var details: [String] = []
        while try explain.step() { details.append(explain.text(3)) }
        plan = details.joined(separator: "; ")
        guard plan.contains("COVERING INDEX answers_by_day_score") else {
            throw SQLiteDatabase.Failure(message: "the query does not use the covering index: \(plan)")
        }
        grouped = try database.prepare(sql)
    }

    /// Runs the `GROUP BY` and computes NPS per day from the counts.
    func netPromoterScoresByDay() throws -> [KPIValue?] {
        let width = ScoreScale.netPromoter.valueCount
        let dayCount = MetricsFixture.dayCount
        var counts = [Int64](repeating: 0, count: dayCount * width)
        grouped.reset()
        while try grouped.step() {
            let day = Int(grouped.int64(0))
            let score = Int(grouped.int64(1))
            guard (0..<dayCount).contains(day), (0..<width).contains(score) else {
                throw SQLiteDatabase.Failure(message: "unexpected row (\(day), \(score))")
            }
            counts[day * width + score] = grouped.int64(2)
        }
        var values: [KPIValue?] = []
        values.reserveCapacity(dayCount)
        for day in 0..<dayCount {
            let distribution = try ScoreDistribution(
                scale: .netPromoter, counts: Array(counts[day * width..<(day + 1) * width]))
            values.append(try KPI.netPromoterScore(distribution))
        }
        return values
    }
}
