import CSQLite
import Foundation

/// A minimal wrapper over the SQLite C API for the baselines measured next to CXKit.
/// Used from one benchmark at a time, never concurrently.
final class SQLiteDatabase: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private(set) var handle: OpaquePointer?

    init(path: String = ":memory:") throws {
        guard sqlite3_open(path, &handle) == SQLITE_OK else {
            throw Failure(message: "cannot open \(path)")
        }
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw Failure(message: message)
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(message: String(cString: sqlite3_errmsg(handle)))
        }
        return Statement(statement)
    }

    var changes: Int { Int(sqlite3_changes(handle)) }

    final class Statement {
        let pointer: OpaquePointer

        init(_ pointer: OpaquePointer) { self.pointer = pointer }

        deinit { sqlite3_finalize(pointer) }

        func reset() {
            sqlite3_reset(pointer)
            sqlite3_clear_bindings(pointer)
        }

        func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(pointer, index, value) }

        func bind(_ index: Int32, _ value: String) {
            sqlite3_bind_text(pointer, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }

        func bind(_ index: Int32, blob: [UInt8]) {
            blob.withUnsafeBytes { bytes in
                _ = sqlite3_bind_blob(
                    pointer, index, bytes.baseAddress, Int32(bytes.count),
                    unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }

        /// Steps once; returns true while a row is available.
        @discardableResult
        func step() throws -> Bool {
            let result = sqlite3_step(pointer)
            if result == SQLITE_ROW { return true }
            if result == SQLITE_DONE { return false }
            throw Failure(message: "step failed with code \(result)")
        }

        func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(pointer, column) }

        func text(_ column: Int32) -> String {
            guard let text = sqlite3_column_text(pointer, column) else { return "" }
            return String(cString: text)
        }
    }
}
