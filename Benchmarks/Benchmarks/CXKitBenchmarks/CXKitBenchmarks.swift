import Benchmark

let benchmarks: @Sendable () -> Void = {
    registerStoreBenchmarks()
    registerMemoryBenchmarks()
    registerCalendarBenchmarks()
    registerRuleBenchmarks()
    registerRelayBenchmarks()
    registerSearchBenchmarks()
    registerMetricsBenchmarks()
    registerReturnsBenchmarks()
}
