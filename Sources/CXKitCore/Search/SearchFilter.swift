/// A keyword filter: a document passes when its keyword field holds any of the values.
/// All filters of a query must pass.
public struct SearchFilter: Sendable, Hashable {
    /// The keyword field (`"space"`, `"status"`, `"tags"`).
    public var field: String
    /// The accepted values, compared exactly; at least one, at most
    /// ``SearchFilter/maximumValueCount``.
    public var values: [String]

    /// The largest number of values in one filter.
    public static let maximumValueCount = 256

    /// Creates a filter that passes documents whose `field` holds any of `values`.
    ///
    /// - Parameters:
    ///   - field: The keyword field.
    ///   - values: The accepted values.
    public init(field: String, anyOf values: [String]) {
        self.field = field
        self.values = values
    }

    /// Creates a filter that passes documents whose `field` holds `value`.
    ///
    /// - Parameters:
    ///   - field: The keyword field.
    ///   - value: The accepted value.
    public init(field: String, equals value: String) {
        self.init(field: field, anyOf: [value])
    }
}
