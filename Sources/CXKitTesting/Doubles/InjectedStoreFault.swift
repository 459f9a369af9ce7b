/// A fault ``FaultInjectingRecordStore`` injected, for assertions.
public struct InjectedStoreFault: Sendable, CustomStringConvertible {
    /// The call that received it.
    public let operation: StoreOperation
    /// Which call of that operation it was (1 for the first).
    public let call: Int
    /// The fault.
    public let fault: StoreFault

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - operation: The call that received it.
    ///   - call: Which call of that operation it was.
    ///   - fault: The fault.
    public init(operation: StoreOperation, call: Int, fault: StoreFault) {
        self.operation = operation
        self.call = call
        self.fault = fault
    }

    /// `operation#call: fault`.
    public var description: String { "\(operation.rawValue)#\(call): \(fault)" }
}
