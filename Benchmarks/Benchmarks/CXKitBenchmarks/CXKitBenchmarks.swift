import Benchmark

let benchmarks: @Sendable () -> Void = {
    OneCore.pin()
    registerStoreBenchmarks()
    registerMemoryBenchmarks()
    registerCalendarBenchmarks()
    registerRuleBenchmarks()
    registerRelayBenchmarks()
    registerSearchBenchmarks()
    registerMetricsBenchmarks()
    registerReturnsBenchmarks()
}
