/// An operation subject to access control: one public service operation of a module,
/// identified by a stable, namespaced name such as `"returns.request.submit"`.
///
/// Modules declare their operations as constants, list them in an ``OperationCatalog`` and
/// give them default grants in a ``PermissionMatrix``. Every service operation asks the
/// ``AccessPolicy`` about its operation before it does anything.
///
/// ```swift
/// extension AccessOperation {
///     static let submitReturn = AccessOperation(
///         "returns.request.submit", module: "returns",
///         summary: "Submit a return request for a delivered order",
///         scopes: [.own, .others])
/// }
/// ```
///
/// The type is not called `Operation` because Foundation already exports a class of that
/// name, which would make the bare name ambiguous in every file importing both.
///
/// Two operations are equal when every field is equal; a permission matrix looks
/// operations up by ``name``.
public struct AccessOperation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stable, namespaced name: the module, then dot-separated segments
    /// (`"returns.request.submit"`). Stored in overrides and idempotency scopes; never
    /// rename a released operation.
    public let name: String
    /// The module that exposes the operation (`"returns"`); the first segment of ``name``.
    public let module: String
    /// What the operation does, in one line, for the documentation table.
    public let summary: String
    /// The targets the operation can apply to. A decision for any other ownership is a
    /// denial, whatever the grants say.
    public let scopes: OwnershipScope
    /// Whether a `system` principal (scheduled sweeps, cross-module flows) may perform it.
    /// System principals never receive role grants; this flag alone admits them.
    public let isSystemCallable: Bool

    /// A 64-bit FNV-1a hash of ``name``, computed once so lookups hash 8 bytes.
    let fingerprint: UInt64

    /// The largest number of UTF-8 bytes an operation name may have.
    public static let maximumNameLength = 128

    /// Creates an operation. Validation happens when it is registered (see
    /// ``validate()``), so operations can be declared as constants.
    ///
    /// - Parameters:
    ///   - name: The stable, namespaced name.
    ///   - module: The exposing module; must equal the first segment of `name`.
    ///   - summary: One line saying what the operation does.
    ///   - scopes: The targets it can apply to.
    ///   - isSystemCallable: Whether `system` principals may perform it.
    public init(
        _ name: String, module: String, summary: String, scopes: OwnershipScope,
        isSystemCallable: Bool = false
    ) {
        self.name = name
        self.module = module
        self.summary = summary
        self.scopes = scopes
        self.isSystemCallable = isSystemCallable
        self.fingerprint = Self.fingerprint(of: name)
    }

    /// The operation's name.
    public var description: String { name }

    /// Checks that the operation is well formed.
    ///
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field
    ///   `operation.name` when the name is empty, longer than ``maximumNameLength``, has
    ///   fewer than two segments, an empty segment or characters other than
    ///   `A–Z a–z 0–9 _ -`; field `operation.module` when the module is not the name's
    ///   first segment; field `operation.scopes` when the scopes are empty.
    public func validate() throws(CoreError) {
        let bytes = name.utf8
        guard !bytes.isEmpty else {
            throw CoreError.validation(field: "operation.name", reason: "must not be empty")
        }
        guard bytes.count <= Self.maximumNameLength else {
            throw CoreError.validation(
                field: "operation.name", reason: "must be at most \(Self.maximumNameLength) bytes")
        }
        let segments = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count >= 2 else {
            throw CoreError.validation(
                field: "operation.name", reason: "must have the form module.segment[.segment…]")
        }
        for segment in segments {
            guard !segment.isEmpty else {
                throw CoreError.validation(field: "operation.name", reason: "must not have empty segments")
            }
            guard segment.allSatisfy(Self.isAllowedInSegment) else {
                throw CoreError.validation(
                    field: "operation.name", reason: "segments may only contain A-Z, a-z, 0-9, '_' and '-'")
            }
        }
        guard let first = segments.first, first.elementsEqual(module.utf8) else {
            throw CoreError.validation(
                field: "operation.module", reason: "must equal the first segment of the operation name")
        }
        guard !scopes.isEmpty else {
            throw CoreError.validation(field: "operation.scopes", reason: "must name at least one ownership")
        }
    }

    private static func isAllowedInSegment(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    static func fingerprint(of name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    private enum CodingKeys: String, CodingKey {
        case name, module, summary, scopes, isSystemCallable
    }

    /// Decodes an operation.
    ///
    /// - Throws: `DecodingError` when a field is missing or has the wrong type. The
    ///   operation is not validated here; registering it does that.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .name),
            module: try container.decode(String.self, forKey: .module),
            summary: try container.decode(String.self, forKey: .summary),
            scopes: try container.decode(OwnershipScope.self, forKey: .scopes),
            isSystemCallable: try container.decodeIfPresent(Bool.self, forKey: .isSystemCallable) ?? false)
    }

    /// Encodes the operation's name, module, summary, scopes and system flag.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(module, forKey: .module)
        try container.encode(summary, forKey: .summary)
        try container.encode(scopes, forKey: .scopes)
        try container.encode(isSystemCallable, forKey: .isSystemCallable)
    }
}
