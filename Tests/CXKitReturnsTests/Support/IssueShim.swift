import Testing

/// Keeps the harness free of a direct source-location parameter.
struct SourceLocationShim {}

func recordIssue(_ message: String) { Issue.record(Comment(rawValue: message)) }
