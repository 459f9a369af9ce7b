/// A customisable parent/child tree of return reasons; requests must use leaf reasons.
///
/// ```swift
/// let taxonomy = try ReturnReasonTaxonomy([
///     ReturnReason(code: "fit", title: "Fit"),
///     ReturnReason(code: "too-small", title: "Too small", parent: "fit"),
/// ])
/// let reason = try taxonomy.leaf("too-small", field: "items[0].reason")
/// ```
public struct ReturnReasonTaxonomy: Hashable, Sendable, Codable {
    /// The reasons, in the order given.
    public let reasons: [ReturnReason]
    private let indexByCode: [String: Int]
    private let parents: Set<String>

    /// The largest number of reasons a taxonomy may hold.
    public static let maximumReasons = 500

    /// Builds and validates a taxonomy.
    ///
    /// - Parameter reasons: The nodes; parents may come after their children.
    /// - Throws: ``ReturnsError`` with `.validationFailed` and field
    ///   `reasons[i].code` for an empty, malformed or duplicate code, `reasons[i].parent`
    ///   for an unknown parent or a cycle; `.limitExceeded` with field `reasons`
    ///   above ``maximumReasons``.
    public init(_ reasons: [ReturnReason]) throws(ReturnsError) {
        guard reasons.count <= Self.maximumReasons else {
            throw ReturnsError.limit(field: "reasons", reason: "at most \(Self.maximumReasons) reasons")
        }
        var index: [String: Int] = [:]
        for (position, reason) in reasons.enumerated() {
            guard Self.isValidCode(reason.code) else {
                throw ReturnsError.validation(
                    field: "reasons[\(position)].code",
                    reason: "must be 1-64 characters of a-z, 0-9, '-', '_', '.'")
            }
            guard index.updateValue(position, forKey: reason.code) == nil else {
                throw ReturnsError.validation(
                    field: "reasons[\(position)].code", reason: "duplicates another reason")
            }
        }
        var parents: Set<String> = []
        for (position, reason) in reasons.enumerated() {
            guard let parent = reason.parent else { continue }
            guard index[parent] != nil else {
                throw ReturnsError.validation(field: "reasons[\(position)].parent", reason: "names no reason")
            }
            parents.insert(parent)
            var seen: Set<String> = [reason.code]
            var cursor: String? = parent
            while let current = cursor {
                guard seen.insert(current).inserted else {
                    throw ReturnsError.validation(
                        field: "reasons[\(position)].parent", reason: "forms a cycle")
                }
                cursor = index[current].flatMap { reasons[$0].parent }
            }
        }
        self.reasons = reasons
        self.indexByCode = index
        self.parents = parents
    }

    /// The reason with this code, if any.
    ///
    /// - Parameter code: The code.
    /// - Returns: The reason or `nil`.
    public func reason(_ code: String) -> ReturnReason? { indexByCode[code].map { reasons[$0] } }

    /// Whether the code names a reason without children.
    ///
    /// - Parameter code: The code.
    public func isLeaf(_ code: String) -> Bool { indexByCode[code] != nil && !parents.contains(code) }

    /// The leaf reasons, in order.
    public var leaves: [ReturnReason] { reasons.filter { !parents.contains($0.code) } }

    /// Looks up a leaf reason for a request.
    ///
    /// - Parameters:
    ///   - code: The code the customer picked.
    ///   - field: The input field, for the error (only evaluated when there is one).
    /// - Returns: The reason.
    /// - Throws: ``ReturnsError`` with `.validationFailed` naming `field` when the
    ///   code is unknown or not a leaf.
    public func leaf(_ code: String, field: @autoclosure () -> String) throws(ReturnsError) -> ReturnReason {
        guard let reason = reason(code) else {
            throw ReturnsError.validation(field: field(), reason: "is not a known return reason")
        }
        guard !parents.contains(code) else {
            throw ReturnsError.validation(field: field(), reason: "must be a leaf reason, not a reason group")
        }
        return reason
    }

    /// A sensible default tree: fit, quality (damaged and defective need photos, shop's
    /// fault), wrong item (shop's fault), changed mind.
    public static let standard: ReturnReasonTaxonomy = {
        let nodes = [
            ReturnReason(code: "fit", title: "Size or fit"),
            ReturnReason(code: "too-small", title: "Too small", parent: "fit"),
            ReturnReason(code: "too-large", title: "Too large", parent: "fit"),
            ReturnReason(code: "quality", title: "Quality"),
            ReturnReason(
                code: "damaged", title: "Arrived damaged", parent: "quality", isShopFault: true,
                requiresEvidence: true),
            ReturnReason(
                code: "defective", title: "Defective", parent: "quality", isShopFault: true,
                requiresEvidence: true
            ),
            ReturnReason(
                code: "not-as-described", title: "Not as described", parent: "quality", isShopFault: true),
            ReturnReason(code: "wrong-item", title: "Wrong item sent", isShopFault: true),
            ReturnReason(code: "changed-mind", title: "Changed my mind"),
            ReturnReason(code: "other", title: "Other"),
        ]
        do { return try ReturnReasonTaxonomy(nodes) } catch { return ReturnReasonTaxonomy(trusted: nodes) }
    }()

    private init(trusted reasons: [ReturnReason]) {
        self.reasons = reasons
        var index: [String: Int] = [:]
        for (position, reason) in reasons.enumerated() { index[reason.code] = position }
        self.indexByCode = index
        self.parents = Set(reasons.compactMap(\.parent))
    }

    private static func isValidCode(_ code: String) -> Bool {
        guard !code.isEmpty, code.utf8.count <= 64 else { return false }
        return code.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }

    private enum CodingKeys: String, CodingKey { case reasons }

    /// Decodes and validates a taxonomy.
    ///
    /// - Throws: `DecodingError`, or ``ReturnsError`` when the tree is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(container.decode([ReturnReason].self, forKey: .reasons))
    }

    /// Encodes the reasons.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reasons, forKey: .reasons)
    }

    /// Two taxonomies are equal when they hold the same reasons in the same order.
    public static func == (lhs: ReturnReasonTaxonomy, rhs: ReturnReasonTaxonomy) -> Bool {
        lhs.reasons == rhs.reasons
    }

    /// Hashes the reasons.
    public func hash(into hasher: inout Hasher) { hasher.combine(reasons) }
}
