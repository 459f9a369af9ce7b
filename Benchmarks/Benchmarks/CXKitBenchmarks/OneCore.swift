import COneCore

/// Pins the benchmark process to one CPU, as the spec's targets are stated ("one core").
///
/// Every thread the process has (and so every thread they start later) is restricted to
/// the highest CPU it may run on. Besides matching the targets' definition, this keeps the
/// scheduler from moving a sample between CPUs halfway, which on a small virtual machine
/// spreads the same code's timings by tens of percent. Where CPU affinity is unavailable
/// (macOS) or cannot be set, the run stays unpinned.
enum OneCore {
    static func pin() { _ = cxkit_pin_to_one_cpu() }
}
