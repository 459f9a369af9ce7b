/// A chart in a report, drawn as inline SVG by ``HTMLReportRenderer`` and as a table by the
/// text renderers.
public enum ReportChart: Hashable, Sendable, Codable {
    /// A small line of a KPI over the report's days (gaps for n = 0).
    case sparkline(title: String, values: [Double?])
    /// Horizontal bars (a KPI per segment).
    case bars(title: String, bars: [ReportBar])
    /// Stacked detractor / passive / promoter bars per segment.
    case netPromoterBreakdown(title: String, bars: [NetPromoterBar])
    /// A distribution (answers per score, durations per bucket).
    case distribution(title: String, buckets: [ReportBar])

    /// The chart's title.
    public var title: String {
        switch self {
        case .sparkline(let title, _), .bars(let title, _), .netPromoterBreakdown(let title, _),
            .distribution(let title, _):
            title
        }
    }
}
