import Testing

@testable import CXKitCore

@Suite("Huge page advice")
struct HugePagesTests {
    @Test("advises only the whole 2 MiB pages inside a buffer, and nothing for a small one")
    func wholePagesLieInsideTheBuffer() {
        let page = HugePages.pageSize
        #expect(HugePages.wholePages(from: page, byteCount: HugePages.minimumByteCount - 1) == nil)
        #expect(HugePages.wholePages(from: 3 * page, byteCount: 2 * page) == (3 * page)..<(5 * page))
        // An unaligned buffer gives up its partial pages at both ends.
        #expect(HugePages.wholePages(from: 3 * page + 16, byteCount: 3 * page) == (4 * page)..<(6 * page))
        #expect(HugePages.wholePages(from: 3 * page + 16, byteCount: 2 * page) == (4 * page)..<(5 * page))
        // Two megabytes and a bit, straddling a boundary, hold no whole page.
        #expect(HugePages.wholePages(from: page - 64, byteCount: page + 32) == nil)
    }

    @Test("an advised array and buffer hold what they were given")
    func advisedMemoryWorksAsUsual() {
        let count = HugePages.minimumByteCount / MemoryLayout<UInt64>.stride + 7
        let array = HugePages.array(repeating: UInt64(42), count: count)
        #expect(array.count == count)
        #expect(array.allSatisfy { $0 == 42 })
        let buffer = HugePages.allocate(UInt64.self, capacity: count)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: 7, count: count)
        #expect(buffer[0] == 7 && buffer[count - 1] == 7)
    }
}
