import Foundation

/// Escaping and number formatting shared by the report renderers.
enum ReportText {
    /// Replaces control characters (other than none) with spaces so no renderer can be
    /// tricked into line breaks or terminal sequences.
    static func clean(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// HTML/SVG/XML text and attribute escaping (`& < > " '`).
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in clean(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Markdown escaping: backslash before every punctuation character Markdown gives
    /// meaning to, and HTML escaping of `& < >` so embedded HTML never renders.
    static func markdown(_ text: String) -> String {
        var result = ""
        for scalar in clean(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "~", "\"",
                "'":
                result += "\\"
                result.unicodeScalars.append(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An RFC 4180 CSV field: quoted when needed, quotes doubled, and text that a
    /// spreadsheet would run as a formula (`= + - @` and tab/CR first) prefixed with `'`.
    static func csv(_ text: String) -> String {
        var value = clean(text)
        if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || value.hasPrefix(" ")
            || value.hasSuffix(" ")
        {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    /// A number with `decimals` digits, `–` for `nil`; never `nan` or `inf`.
    static func number(_ value: Double?, decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(decimals)f", value)
    }

    /// A signed change (`+4.2`, `−3.0`), `–` for `nil`.
    static func change(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return (value >= 0 ? "+" : "") + String(format: "%.1f", value)
    }

    /// The value of a row with its unit and interval, e.g. `42.0 [35.1, 48.2]`.
    static func value(_ value: KPIValue?) -> String {
        guard let value else { return "no data (n = 0)" }
        var text = number(value.value, decimals: value.unit == .ratio ? 3 : 1) + unitSuffix(value.unit)
        if let interval = value.interval {
            text += " [\(number(interval.lowerBound)), \(number(interval.upperBound))]"
        }
        return text
    }

    static func unitSuffix(_ unit: KPIUnit) -> String {
        switch unit {
        case .percent: " %"
        case .seconds: " s"
        case .points, .scaleUnits, .ratio: ""
        }
    }

    /// "met", "missed" or "–".
    static func attainment(_ attainment: TargetAttainment?) -> String {
        guard let attainment, let met = attainment.isMet else { return "–" }
        return met ? "met" : "missed"
    }

    /// "yes", "no" or "–".
    static func significance(_ comparison: PeriodComparison?) -> String {
        guard let comparison, comparison.difference != nil else { return "–" }
        if !comparison.isReliable { return "n too small" }
        return comparison.isSignificant ? "yes" : "no"
    }
}
