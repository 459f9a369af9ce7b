import Benchmark
import CXKitCore
import Foundation

/// A sink that accepts everything and does nothing.
struct NoOpSink: NotificationSink {
    let name = "bench.no-op"
    func deliver(_ events: [EventEnvelope]) async throws {}
}

/// A clock frozen at one instant (the relay never needs to sleep here).
struct FrozenClock: TimestampSource {
    let instant = Date(timeIntervalSince1970: 1_767_603_600)
    func now() -> Date { instant }
    func sleep(until deadline: Date) async throws {}
}

func registerRelayBenchmarks() {
    Benchmark(
        "Relay/end-to-end: commit 1 event per transaction, deliver to a no-op sink",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .microseconds, scalingFactor: .kilo,
            maxDuration: .seconds(3))
    ) { benchmark in
        let store = InMemoryRecordStore()
        let clock = FrozenClock()
        let ids = TimeOrderedIdentifierSource(timestamps: clock, random: SeededRandomSource(seed: 31))
        let relay = try OutboxRelay(
            store: store, sinks: [NoOpSink()], clock: clock, random: SeededRandomSource(seed: 32))
        let tenant = StoreFixture.tenant
        let aggregates = (0..<1024).map { _ in ids.nextIdentifier() }
        benchmark.startMeasurement()
        // One scaled iteration is one event: committed on its own, then delivered in batches.
        var pending = 0
        for iteration in benchmark.scaledIterations {
            var transaction = StoreTransaction()
            transaction.append(
                EventEnvelope(
                    id: ids.make(), tenant: tenant, kind: "bench.event",
                    aggregate: AggregateReference(type: "bench.aggregate", id: aggregates[iteration & 1023]),
                    occurredAt: clock.instant, actor: nil, payload: Payload(iteration)))
            _ = try await store.commit(transaction, in: tenant)
            pending += 1
            if pending == 1_000 {
                blackHole(try await relay.deliverPending())
                pending = 0
            }
        }
        blackHole(try await relay.deliverPending())
    }
}
