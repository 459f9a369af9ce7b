import CXKitCore
import CXKitMetrics
import CXKitTesting
import Foundation
import Testing

@Suite("Alerts: hysteresis, cooldown, significance")
struct AlertTests {
    let start = Fixtures.day(0)

    func nps(_ value: Double, n: Int64 = 200, halfWidth: Double = 8) -> KPIValue {
        KPIValue(
            name: "nps", value: value, unit: .points, sampleSize: n, confidenceLevel: 0.95,
            lowerBound: value - halfWidth, upperBound: value + halfWidth)
    }

    func run(_ rule: AlertRule, _ script: [(day: Int, value: KPIValue?, baseline: Double?)])
        -> [(Int, AlertTransition.Change)]
    {
        var state = AlertState.initial
        var log: [(Int, AlertTransition.Change)] = []
        for tick in script {
            let (next, transitions) = AlertStateMachine.step(
                state, evaluation: AlertEvaluation(value: tick.value, baseline: tick.baseline), rule: rule,
                now: start.addingTimeInterval(Double(tick.day) * 86_400))
            log += transitions.map { (tick.day, $0.change) }
            state = next
        }
        return log
    }

    @Test("a scripted NPS series fires once per breach, does not flap and honours the cooldown")
    func scriptedSeries() throws {
        let rule = try AlertRule(
            name: "nps-low", kind: .netPromoterScore, kpi: .netPromoterScore, condition: .below(30),
            minimumSampleSize: 50, hysteresis: 5, cooldown: 7 * 86_400)
        let script: [(day: Int, value: KPIValue?, baseline: Double?)] = [
            (0, nps(40), nil),
            (1, nps(25), nil),  // interval 17…33 straddles 30: not significant
            (2, nps(20), nil),  // interval 12…28 clears 30: triggers
            (3, nps(31), nil),  // back above 30 but within hysteresis: still firing
            (4, nps(28), nil),
            (5, nps(33), nil),
            (6, nps(36), nil),  // ≥ 35: resolves
            (7, nps(18), nil),  // breach inside the 7-day cooldown: suppressed
            (8, nps(36), nil),
            (9, nps(0, n: 10, halfWidth: 60), nil),  // n below minimum: ignored
            (10, nil, nil),  // empty day: ignored
            (11, nps(15), nil),  // 9 days after the first trigger: fires again
            (12, nps(40), nil),
        ]
        let log = run(rule, script)
        #expect(log.map(\.0) == [2, 6, 11, 12])
        #expect(log.map(\.1) == [.triggered, .resolved, .triggered, .resolved])
    }

    @Test("a rule without significance awareness fires on the point value")
    func pointValueRule() throws {
        let rule = try AlertRule(
            name: "nps-low", kind: .netPromoterScore, kpi: .netPromoterScore, condition: .below(30),
            isSignificanceAware: false, cooldown: 0)
        let log = run(rule, [(0, nps(25), nil), (1, nps(31), nil), (2, nps(29), nil)])
        #expect(log.map(\.1) == [.triggered, .resolved, .triggered])
    }

    @Test("consecutive breaches are required before a trigger")
    func consecutiveBreaches() throws {
        let rule = try AlertRule(
            name: "frt-high", kind: .firstResponseTime, kpi: .durationQuantile(name: "frt", quantile: 0.9),
            condition: .above(120), minimumSampleSize: 1, consecutiveBreaches: 3)
        let value = { (seconds: Double) in
            KPIValue(name: "frt", value: seconds, unit: .seconds, sampleSize: 40)
        }
        let log = run(
            rule,
            [
                (0, value(150), nil), (1, value(160), nil), (2, value(100), nil), (3, value(150), nil),
                (4, value(150), nil), (5, value(150), nil),
            ])
        #expect(log.map(\.0) == [5])
    }

    @Test("relative rules compare with the trailing 7-point baseline from a series")
    func relativeBaseline() throws {
        let rule = try AlertRule(
            name: "csat-drop", kind: .customerSatisfaction, kpi: .customerSatisfaction,
            condition: .belowBaseline(by: 10),
            minimumSampleSize: 20, isSignificanceAware: false)
        var accumulator = RollupAccumulator(
            tenant: try Fixtures.tenant, configuration: try MetricsConfiguration(timeZoneIdentifier: "UTC"))
        for day in 0..<8 {
            let good = day < 7 ? 16 : 10  // 80 % for a week, then 50 %
            for index in 0..<20 {
                try accumulator.add(
                    try Observation(
                        kind: .customerSatisfaction,
                        value: .score(index < good ? 5 : 2, scale: .satisfaction5),
                        time: Fixtures.day(day), tenant: try Fixtures.tenant))
            }
        }
        let series = try accumulator.collection.series(
            of: .customerSatisfaction, by: .day,
            covering: DateInterval(start: Fixtures.day(0, hour: 0), end: Fixtures.day(8, hour: 0)))
        let evaluation = try AlertEvaluation(rule: rule, series: series)
        #expect(evaluation.baseline == 80)
        #expect(evaluation.value?.value == 50)
        let (state, transitions) = AlertStateMachine.step(
            .initial, evaluation: evaluation, rule: rule, now: Fixtures.day(7))
        #expect(state.status == .firing)
        #expect(transitions.first?.threshold == 70)
    }

    @Test("bad rule parameters are typed errors naming the field")
    func badRules() {
        expectError(.validationFailed, field: "name") {
            _ = try AlertRule(name: "", kind: .netPromoterScore, kpi: .netPromoterScore, condition: .below(1))
        }
        expectError(.validationFailed, field: "condition") {
            _ = try AlertRule(
                name: "x", kind: .netPromoterScore, kpi: .netPromoterScore, condition: .below(.nan))
        }
        expectError(.validationFailed, field: "cooldown") {
            _ = try AlertRule(
                name: "x", kind: .netPromoterScore, kpi: .netPromoterScore, condition: .below(1), cooldown: -1
            )
        }
        expectError(.validationFailed, field: "hysteresis") {
            _ = try AlertRule(
                name: "x", kind: .netPromoterScore, kpi: .netPromoterScore, condition: .below(1),
                hysteresis: -1)
        }
        expectError(.validationFailed, field: "consecutiveBreaches") {
            _ = try AlertRule(
                name: "x", kind: .netPromoterScore, kpi: .netPromoterScore, condition: .below(1),
                consecutiveBreaches: 0)
        }
    }

    @Test("the monitor commits state and one outbox event per transition")
    func monitorCommitsEvents() async throws {
        let store = InMemoryRecordStore()
        let clock = ManualClock(start: start)
        let monitor = AlertMonitor(
            store: store,
            identifiers: TimeOrderedIdentifierSource(timestamps: clock, random: SeededRandomSource(seed: 1)),
            clock: clock)
        let rule = try AlertRule(
            name: "nps-low", kind: .netPromoterScore, kpi: .netPromoterScore, condition: .below(30),
            hysteresis: 5)
        let tenant = try Fixtures.tenant
        #expect(try await monitor.evaluate(rule, with: AlertEvaluation(value: nps(40)), in: tenant).isEmpty)
        clock.advance(by: .seconds(3_600))
        #expect(
            try await monitor.evaluate(rule, with: AlertEvaluation(value: nps(10)), in: tenant).map(\.change)
                == [.triggered])
        clock.advance(by: .seconds(3_600))
        #expect(try await monitor.evaluate(rule, with: AlertEvaluation(value: nps(12)), in: tenant).isEmpty)
        clock.advance(by: .seconds(3_600))
        #expect(
            try await monitor.evaluate(rule, with: AlertEvaluation(value: nps(50)), in: tenant).map(\.change)
                == [.resolved])
        let entries = try await store.outboxEntries(status: .pending, in: tenant, after: nil, limit: 10)
        #expect(entries.map(\.event.kind) == [AlertMonitor.triggeredKind, AlertMonitor.resolvedKind])
        let payload = try entries[0].event.payload.decode(AlertTransition.self)
        #expect(payload.rule == "nps-low")
        #expect(payload.value.value == 10)
        #expect(try await monitor.state(ofRule: "nps-low", in: tenant).status == .normal)
    }

    @Test("over random seeded series, triggers alternate with resolutions and respect the cooldown")
    func randomSeriesProperty() throws {
        for seed in UInt64(1)...20 {
            let random = SeededRandomSource(seed: seed)
            let cooldown = Double(1 + random.next(below: 5)) * 86_400
            let rule = try AlertRule(
                name: "p", kind: .netPromoterScore, kpi: .netPromoterScore, condition: .below(30),
                minimumSampleSize: 30, hysteresis: Double(random.next(below: 10)), cooldown: cooldown,
                consecutiveBreaches: 1 + Int(random.next(below: 3)))
            var state = AlertState.initial
            var last: (change: AlertTransition.Change, at: Date)?
            var lastTrigger: Date?
            for tick in 0..<300 {
                let now = start.addingTimeInterval(Double(tick) * 21_600)
                let value =
                    random.next(below: 10) == 0
                    ? nil : nps(Double(random.next(below: 80)) - 10, n: Int64(random.next(below: 200)))
                let (next, transitions) = AlertStateMachine.step(
                    state, evaluation: AlertEvaluation(value: value), rule: rule, now: now)
                #expect(transitions.count <= 1)
                for transition in transitions {
                    #expect(
                        transition.change != last?.change, "seed \(seed): two \(transition.change) in a row")
                    if transition.change == .triggered {
                        if let lastTrigger {
                            #expect(now.timeIntervalSince(lastTrigger) >= cooldown, "seed \(seed)")
                        }
                        lastTrigger = now
                        #expect((transition.value.upperBound ?? 0) < 30)
                    } else {
                        #expect(transition.value.value >= 30 + rule.hysteresis)
                    }
                    last = (transition.change, now)
                }
                #expect((next.status == .firing) == (last?.change == .triggered))
                state = next
            }
        }
    }
}
