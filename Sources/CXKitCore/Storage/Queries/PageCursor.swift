import Foundation

/// An opaque position in an index: the sort key and identifier of the last record of a
/// page. The next page starts strictly after it, so records inserted or removed between
/// pages are never repeated or skipped among the records that stay.
///
/// Hand ``token`` to clients and rebuild the cursor with ``init(token:)``.
public struct PageCursor: Hashable, Sendable, Codable {
    /// The sort key of the last record returned.
    public let sort: [IndexValue]
    /// The identifier of the last record returned.
    public let recordID: Identifier

    /// Creates a cursor positioned at a record.
    ///
    /// - Parameters:
    ///   - sort: The record's sort key.
    ///   - recordID: The record's identifier.
    public init(sort: [IndexValue], recordID: Identifier) {
        self.sort = sort
        self.recordID = recordID
    }

    /// The cursor as a URL-safe string for clients to pass back.
    public var token: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Rebuilds a cursor from ``token``.
    ///
    /// - Parameter token: A token produced by ``token``.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` for the field `cursor`
    ///   when the token is malformed or longer than 4096 characters.
    public init(token: String) throws(CoreError) {
        guard token.utf8.count <= 4096 else {
            throw .validation(field: "cursor", reason: "must be at most 4096 characters")
        }
        var base64 = token.replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
            let cursor = try? JSONDecoder().decode(PageCursor.self, from: data)
        else {
            throw .validation(field: "cursor", reason: "is not a valid page cursor")
        }
        self = cursor
    }
}

/// One page of query results.
public struct RecordPage<Record: StoredRecord>: Sendable {
    /// The records of this page, in query order.
    public let records: [Versioned<Record>]
    /// The cursor to pass for the next page; `nil` when this is the last page.
    public let nextCursor: PageCursor?

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - records: The records, in query order.
    ///   - nextCursor: The cursor for the next page, or `nil` on the last page.
    public init(records: [Versioned<Record>], nextCursor: PageCursor?) {
        self.records = records
        self.nextCursor = nextCursor
    }
}

/// One page of a tenant-wide enumeration (privacy export and erasure scans).
public struct RecordEnumerationPage: Sendable {
    /// The records of this page, ordered by type name then identifier.
    public let records: [StoredRecordSnapshot]
    /// Where to resume; `nil` when the enumeration is complete.
    public let nextCursor: PageCursor?

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - records: The records of this page.
    ///   - nextCursor: Where to resume, or `nil` at the end.
    public init(records: [StoredRecordSnapshot], nextCursor: PageCursor?) {
        self.records = records
        self.nextCursor = nextCursor
    }
}
