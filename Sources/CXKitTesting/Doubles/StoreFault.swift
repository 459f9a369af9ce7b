/// A fault ``FaultInjectingRecordStore`` injects into one call.
public enum StoreFault: Sendable, CustomStringConvertible {
    /// Throws ``ErrorCode/storageFailure`` without calling the wrapped store: for a commit,
    /// nothing is written.
    case failBefore
    /// Calls the wrapped store, then throws ``ErrorCode/storageFailure`` anyway: for a
    /// commit, everything is written but the caller is told it failed (the ambiguous case).
    case failAfter
    /// Throws ``ErrorCode/versionConflict`` without calling the wrapped store; for a commit
    /// the error names the first change's record (with no current version).
    case conflict
    /// Suspends on the store's clock for the duration, then calls the wrapped store.
    case delay(Duration)
    /// Suspends until the gate opens, then calls the wrapped store.
    case wait(FaultGate)

    /// The fault's name (`"failBefore"`, `"delay(5.0 seconds)"` …).
    public var description: String {
        switch self {
        case .failBefore: "failBefore"
        case .failAfter: "failAfter"
        case .conflict: "conflict"
        case .delay(let duration): "delay(\(duration))"
        case .wait: "wait"
        }
    }
}
