import CXKitCore
import Foundation
import Testing

@Suite("Score scales and distributions")
struct ScoreDistributionTests {
    private func expectValidation(
        field: String, _ body: () throws -> some Any, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try body()
            Issue.record("expected a validation error on \(field)", sourceLocation: sourceLocation)
        } catch let error as CoreError {
            #expect(error.code == .validationFailed, sourceLocation: sourceLocation)
            #expect(error.field == field, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("scales classify scores into positive, neutral and negative")
    func classification() throws {
        let nps = try (0...10).map { try ScoreScale.netPromoter.category(of: $0) }
        #expect(nps == Array(repeating: .negative, count: 7) + [.neutral, .neutral, .positive, .positive])
        #expect(
            try (1...5).map { try ScoreScale.satisfaction5.category(of: $0) } == [
                .negative, .negative, .neutral, .positive, .positive,
            ])
        #expect(try ScoreScale.satisfaction10.category(of: 9) == .positive)
        #expect(try ScoreScale.satisfaction10.category(of: 8) == .neutral)
        #expect(try ScoreScale.satisfaction10.category(of: 3) == .neutral)
        #expect(try ScoreScale.satisfaction10.category(of: 2) == .negative)
        #expect(
            try (1...7).map { try ScoreScale.effort7.category(of: $0) } == [
                .negative, .negative, .negative, .neutral, .positive, .positive, .positive,
            ])
        #expect(try ScoreScale.effort5.category(of: 4) == .positive)
        #expect(ScoreScale.netPromoter.valueCount == 11)
        #expect(ScoreScale.effort7.metric == .effort)
        let data = try JSONEncoder().encode(ScoreScale.satisfaction10)
        #expect(String(decoding: data, as: UTF8.self) == "\"csat10\"")
    }

    @Test(
        "scores off the scale are validation errors on field score",
        arguments: [
            (ScoreScale.netPromoter, -1), (.netPromoter, 11), (.satisfaction5, 0), (.satisfaction5, 6),
            (.satisfaction10, 11), (.effort5, 0), (.effort7, 8),
        ])
    func offScale(scale: ScoreScale, score: Int) {
        var distribution = ScoreDistribution(scale: scale)
        for body in [
            { try scale.validate(score) },
            { _ = try scale.category(of: score) },
            { try distribution.add(score) },
        ] as [() throws -> Void] {
            do {
                try body()
                Issue.record("expected an error")
            } catch let error as CoreError {
                #expect(error.code == .validationFailed)
                #expect(error.field == "score")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        #expect(distribution.isEmpty)
    }

    @Test("distributions count, merge and compute scores exactly")
    func counting() throws {
        var distribution = try ScoreDistribution(
            scale: .netPromoter,
            scores: Array(repeating: 10, count: 60) + Array(repeating: 9, count: 40)
                + Array(repeating: 7, count: 60)
                + Array(repeating: 0, count: 40))
        #expect(distribution.total == 200)
        #expect(distribution.positiveCount == 100)
        #expect(distribution.neutralCount == 60)
        #expect(distribution.negativeCount == 40)
        #expect(try distribution.netScore()?.value == 30)
        #expect(try distribution.positiveShare()?.value == 50)
        var other = ScoreDistribution(scale: .netPromoter)
        try other.add(6, count: 5)
        try distribution.merge(other)
        #expect(distribution.total == 205)
        #expect(distribution.count(of: 6) == 5)
        #expect(distribution.count(of: 42) == 0)
        try distribution.remove(6, count: 5)
        #expect(distribution.total == 200)
        expectValidation(field: "count") { try distribution.remove(6) }
        expectValidation(field: "scale") { try distribution.merge(ScoreDistribution(scale: .effort7)) }
        expectValidation(field: "count") { try distribution.add(5, count: -1) }
        expectValidation(field: "score") { try distribution.remove(11) }
        #expect(distribution.total == 200)
        var huge = ScoreDistribution(scale: .effort5)
        try huge.add(5, count: .max)
        #expect {
            try huge.add(5)
        } throws: { ($0 as? CoreError)?.code == .arithmeticOverflow }
        #expect(huge.total == .max)

        let effort = try ScoreDistribution(scale: .effort7, scores: [7, 6, 5, 4, 1, 2, 7, 7])
        // 5 easy, 1 neutral, 2 difficult: net easy = 100·(5 − 2)/8 = 37.5; % agree = 62.5.
        #expect(try effort.netScore()?.value == 37.5)
        #expect(try effort.positiveShare()?.value == 62.5)
        #expect(try effort.mean()?.value == 39.0 / 8)
    }

    @Test("distributions encode their counts and validate them on decode")
    func codable() throws {
        let distribution = try ScoreDistribution(scale: .satisfaction5, scores: [5, 5, 4, 1])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(distribution), as: UTF8.self)
        #expect(json == #"{"counts":[1,0,0,1,2],"scale":"csat5"}"#)
        #expect(try JSONDecoder().decode(ScoreDistribution.self, from: Data(json.utf8)) == distribution)
        #expect {
            try JSONDecoder().decode(
                ScoreDistribution.self, from: Data(#"{"counts":[1,0],"scale":"csat5"}"#.utf8))
        } throws: { ($0 as? CoreError)?.field == "counts" }
        #expect {
            try ScoreDistribution(scale: .satisfaction5, counts: [1, 0, -1, 0, 0])
        } throws: { ($0 as? CoreError)?.field == "counts[2]" }
    }

    @Test("comparing distributions runs the matching z-test")
    func comparisons() throws {
        let current = try ScoreDistribution(
            scale: .netPromoter, counts: [40, 0, 0, 0, 0, 0, 0, 60, 0, 100, 0])
        let previous = try ScoreDistribution(
            scale: .netPromoter, counts: [60, 0, 0, 0, 0, 0, 0, 60, 0, 80, 0])
        let test = try #require(try current.netScoreDifference(from: previous))
        #expect(abs(test.z - 2.480_694_691_784_169_2) < 1e-9)
        let share = try #require(try current.positiveShareDifference(from: previous))
        #expect(abs(share.difference - 10) < 1e-9)
        expectValidation(field: "scale") {
            try current.netScoreDifference(from: ScoreDistribution(scale: .effort5))
        }
        expectValidation(field: "scale") {
            try current.positiveShareDifference(from: ScoreDistribution(scale: .effort5))
        }
        expectValidation(field: "confidence") { try current.netScore(confidenceLevel: 1) }
        expectValidation(field: "confidence") { try current.positiveShare(confidenceLevel: 0) }
        expectValidation(field: "confidence") { try current.mean(confidenceLevel: 2) }
    }
}
