/// A query over one secondary index of one record type: an exact partition, an optional
/// range over the sort part, an order, a page size and an optional cursor.
///
/// ```swift
/// let page = try await store.query(
///     RecordQuery<Ticket>(index: "byRequester", partition: [.id(customer)], order: .descending, limit: 50),
///     in: tenant)
/// ```
public struct RecordQuery<Record: StoredRecord>: Sendable {
    /// The name of the built-in index over every record of the type, ordered by
    /// identifier (partition `[]`, sort `[]`).
    public static var primaryIndex: String { "id" }

    /// The default largest page a store returns.
    public static var maximumLimit: Int { 1000 }

    /// The index to read: one of `Record.indexes` or ``primaryIndex``.
    public var index: String
    /// The partition values records must match exactly.
    public var partition: [IndexValue]
    /// The lower bound on the sort part, if any.
    public var lowerBound: IndexBound?
    /// The upper bound on the sort part, if any.
    public var upperBound: IndexBound?
    /// The order of the results.
    public var order: SortOrder
    /// The largest number of records to return (1 ... ``maximumLimit``).
    public var limit: Int
    /// Where to resume: the cursor of the previous page.
    public var cursor: PageCursor?

    /// Creates a query.
    ///
    /// - Parameters:
    ///   - index: The index to read.
    ///   - partition: The partition values to match.
    ///   - lowerBound: The lower bound on the sort part.
    ///   - upperBound: The upper bound on the sort part.
    ///   - order: The order of the results.
    ///   - limit: The page size.
    ///   - cursor: The cursor of the previous page.
    public init(
        index: String = Self.primaryIndex, partition: [IndexValue] = [], lowerBound: IndexBound? = nil,
        upperBound: IndexBound? = nil, order: SortOrder = .ascending, limit: Int = 50,
        cursor: PageCursor? = nil
    ) {
        self.index = index
        self.partition = partition
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.order = order
        self.limit = limit
        self.cursor = cursor
    }

    /// Checks the parts of the query that do not depend on the store.
    ///
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `limit` when it is
    ///   outside 1 ... ``maximumLimit``, or `index` when it is not declared by `Record`.
    public func validate() throws(CoreError) {
        guard limit >= 1, limit <= Self.maximumLimit else {
            throw .validation(field: "limit", reason: "must be between 1 and \(Self.maximumLimit)")
        }
        guard index == Self.primaryIndex || Record.indexes.contains(where: { $0.name == index }) else {
            throw .validation(
                field: "index", reason: "is not an index of \(Record.recordType.name)")
        }
    }
}

/// The order of query results.
public enum SortOrder: String, Hashable, Sendable, Codable {
    /// Smallest sort key first.
    case ascending
    /// Largest sort key first.
    case descending
}

/// One end of a range over an index's sort part.
///
/// A bound with fewer components than the sort key compares as a prefix: the inclusive
/// upper bound `[.date(d)]` admits `[.date(d), anything]`, the exclusive lower bound
/// `[.date(d)]` skips every key starting with `.date(d)`.
public struct IndexBound: Hashable, Sendable, Codable {
    /// The bound's values (a prefix of the sort key).
    public var values: [IndexValue]
    /// Whether keys equal to the bound (on its prefix) are included.
    public var isInclusive: Bool

    /// Creates a bound.
    ///
    /// - Parameters:
    ///   - values: The bound's values.
    ///   - isInclusive: Whether equal keys are included.
    public init(_ values: [IndexValue], isInclusive: Bool = true) {
        self.values = values
        self.isInclusive = isInclusive
    }

    /// An inclusive bound.
    ///
    /// - Parameter values: The bound's values.
    public static func including(_ values: IndexValue...) -> IndexBound {
        IndexBound(values, isInclusive: true)
    }

    /// An exclusive bound.
    ///
    /// - Parameter values: The bound's values.
    public static func excluding(_ values: IndexValue...) -> IndexBound {
        IndexBound(values, isInclusive: false)
    }

    /// Whether `key` lies on the allowed side of this bound used as a lower bound.
    ///
    /// - Parameter key: A full sort key.
    public func admitsAsLower(_ key: [IndexValue]) -> Bool {
        let prefix = Array(key.prefix(values.count))
        if prefix == values { return isInclusive }
        return values.precedes(prefix)
    }

    /// Whether `key` lies on the allowed side of this bound used as an upper bound.
    ///
    /// - Parameter key: A full sort key.
    public func admitsAsUpper(_ key: [IndexValue]) -> Bool {
        let prefix = Array(key.prefix(values.count))
        if prefix == values { return isInclusive }
        return prefix.precedes(values)
    }
}
