#if canImport(Glibc)
    import Glibc
#endif

/// Asks the kernel to back large, randomly read buffers with 2 MiB pages.
///
/// A point read at a million records lands on a random 4 KiB page of the identifier map's
/// cells and another of the record buffer. Those buffers span about 200 MiB, far more
/// than the TLB covers in small pages, so each read also pays for page-table walks (two
/// dimensional ones in a virtual machine). In 2 MiB pages the same buffers take about a
/// hundred TLB entries.
///
/// Linux backs memory with huge pages only where a program asks (the usual setting of
/// `/sys/kernel/mm/transparent_hugepage/enabled` is `madvise`), and only for pages first
/// touched after asking, so owners advise a buffer between allocating and initialising it.
/// Elsewhere, and for buffers under ``minimumByteCount``, this does nothing. See
/// `Documentation/Decisions/0012-huge-pages-for-large-buffers.md`.
enum HugePages {
    /// The size of a huge page.
    static let pageSize = 2 << 20

    /// The smallest buffer worth advising: one that surely holds a whole huge page.
    static let minimumByteCount = 2 * pageSize

    /// Advises huge pages for the whole 2 MiB pages within `byteCount` bytes from `start`.
    ///
    /// Advice is a hint: when the kernel refuses it or has no huge page free, the buffer
    /// keeps small pages and works the same.
    static func advise(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        #if canImport(Glibc)
            guard let range = wholePages(from: Int(bitPattern: start), byteCount: byteCount),
                let aligned = UnsafeMutableRawPointer(bitPattern: range.lowerBound)
            else { return }
            _ = madvise(aligned, range.count, MADV_HUGEPAGE)
        #endif
    }

    /// The addresses of the whole huge pages within `byteCount` bytes from `address`, or
    /// `nil` when the buffer is under ``minimumByteCount``.
    static func wholePages(from address: Int, byteCount: Int) -> Range<Int>? {
        guard byteCount >= minimumByteCount else { return nil }
        let first = (address &+ pageSize &- 1) & ~(pageSize &- 1)
        let end = (address &+ byteCount) & ~(pageSize &- 1)
        return end > first ? first..<end : nil
    }

    /// An array of `count` copies of `value`, its buffer advised before it is filled.
    static func array<Element>(repeating value: Element, count: Int) -> ContiguousArray<Element> {
        ContiguousArray(unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                advise(UnsafeMutableRawPointer(base), byteCount: count &* MemoryLayout<Element>.stride)
            }
            buffer.initialize(repeating: value)
            initialized = count
        }
    }

    /// Allocates uninitialised memory for `capacity` values of `Element`, advised.
    static func allocate<Element>(_: Element.Type, capacity: Int) -> UnsafeMutablePointer<Element> {
        let pointer = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        advise(UnsafeMutableRawPointer(pointer), byteCount: capacity &* MemoryLayout<Element>.stride)
        return pointer
    }
}
