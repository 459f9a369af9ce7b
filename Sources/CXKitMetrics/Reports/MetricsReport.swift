import CXKitCore
import Foundation

/// A weekly or monthly report as a plain `Codable` value, for custom front-ends or for the
/// CSV, Markdown and HTML renderers.
public struct MetricsReport: Hashable, Sendable, Codable {
    /// The report's title.
    public let title: String
    /// Weekly or monthly.
    public let cadence: ReportCadence
    /// The period reported on.
    public let period: ReportingPeriod
    /// When it was produced (by the injected clock).
    public let generatedAt: Date
    /// Its sections.
    public let sections: [ReportSection]

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - title: The title.
    ///   - cadence: Weekly or monthly.
    ///   - period: The period reported on.
    ///   - generatedAt: When it was produced.
    ///   - sections: The sections.
    public init(
        title: String, cadence: ReportCadence, period: ReportingPeriod, generatedAt: Date,
        sections: [ReportSection]
    ) {
        self.title = title
        self.cadence = cadence
        self.period = period
        self.generatedAt = generatedAt
        self.sections = sections
    }
}
