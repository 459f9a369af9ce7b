/// A document as a ``SearchIndex`` stores it: an identifier, weighted text fields and
/// keyword fields used for filtering.
///
/// Keyword fields hold exact values (`"space": ["returns"]`, `"status": ["open"]`,
/// `"tags": ["refund", "shipping"]`); a query filter on a field matches when the document
/// has any of the requested values. Keyword values are compared exactly, without folding.
public struct SearchDocument: Sendable, Hashable {
    /// The document's identifier, unique within a tenant; adding a document with an existing
    /// identifier replaces it.
    public var id: Identifier
    /// The searchable text fields.
    public var fields: [SearchField]
    /// Keyword fields for filtering: field name → values (multi-valued, such as tags).
    public var keywords: [String: [String]]

    /// The largest number of text fields.
    public static let maximumFieldCount = 32
    /// The largest total size of all text fields, in UTF-8 bytes.
    public static let maximumTextLength = 1 << 20
    /// The largest number of keyword fields.
    public static let maximumKeywordFieldCount = 32
    /// The largest number of values in one keyword field.
    public static let maximumKeywordValueCount = 256
    /// The largest size of a field name or keyword value, in UTF-8 bytes.
    public static let maximumNameLength = 256

    /// Creates a document.
    ///
    /// - Parameters:
    ///   - id: The document's identifier.
    ///   - fields: The searchable text fields.
    ///   - keywords: Keyword fields for filtering.
    public init(id: Identifier, fields: [SearchField], keywords: [String: [String]] = [:]) {
        self.id = id
        self.fields = fields
        self.keywords = keywords
    }

    /// Checks the document against the limits above.
    ///
    /// - Throws: ``CoreError`` with code ``ErrorCode/limitExceeded`` (field `fields` or
    ///   `keywords`) when a count or size limit is exceeded, or
    ///   ``ErrorCode/validationFailed`` (field `fields.name`, `fields.weight`,
    ///   `keywords.name` or `keywords.value`) for an empty or over-long name or value, or
    ///   a weight that is not finite or outside the accepted range.
    public func validate() throws(CoreError) {
        guard fields.count <= Self.maximumFieldCount else {
            throw CoreError.limit(
                field: "fields", reason: "must have at most \(Self.maximumFieldCount) text fields")
        }
        var textLength = 0
        for field in fields {
            let nameLength = field.name.utf8.count
            guard nameLength > 0 && nameLength <= Self.maximumNameLength else {
                throw CoreError.validation(
                    field: "fields.name", reason: "must have 1 to \(Self.maximumNameLength) bytes")
            }
            guard
                field.weight.isFinite && field.weight >= SearchField.minimumWeight
                    && field.weight <= SearchField.maximumWeight
            else {
                throw CoreError.validation(
                    field: "fields.weight",
                    reason: "must be between \(SearchField.minimumWeight) and \(SearchField.maximumWeight)")
            }
            textLength += field.text.utf8.count
        }
        guard textLength <= Self.maximumTextLength else {
            throw CoreError.limit(
                field: "fields", reason: "text must be at most \(Self.maximumTextLength) bytes in total")
        }
        guard keywords.count <= Self.maximumKeywordFieldCount else {
            throw CoreError.limit(
                field: "keywords", reason: "must have at most \(Self.maximumKeywordFieldCount) fields")
        }
        for (name, values) in keywords {
            let nameLength = name.utf8.count
            guard nameLength > 0 && nameLength <= Self.maximumNameLength else {
                throw CoreError.validation(
                    field: "keywords.name", reason: "must have 1 to \(Self.maximumNameLength) bytes")
            }
            guard values.count <= Self.maximumKeywordValueCount else {
                throw CoreError.limit(
                    field: "keywords",
                    reason: "a field may have at most \(Self.maximumKeywordValueCount) values")
            }
            for value in values where value.utf8.count > Self.maximumNameLength {
                throw CoreError.validation(
                    field: "keywords.value", reason: "must be at most \(Self.maximumNameLength) bytes")
            }
        }
    }
}
