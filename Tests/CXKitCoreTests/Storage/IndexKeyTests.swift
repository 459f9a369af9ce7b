import CXKitCore
import Foundation
import Testing

@Suite("IndexKey")
struct IndexKeyTests {
    private let customer = Identifier(high: 0x0190_0000_0000_7000, low: 0x8000_0000_0000_0001)
    private let placedAt = Date(timeIntervalSince1970: 1_700_000_123.25)

    @Test("reads back the partition and sort values it was made from, long strings included")
    func readsBackItsValues() {
        let long = String(repeating: "iade ", count: 20) + "\u{0}sonu"
        let key = IndexKey(
            partition: [.identifier(customer), .string(long)], sort: [.date(placedAt), .int(-7), .bool(true)])
        #expect(key.partition == [.identifier(customer), .string(long)])
        #expect(key.sort == [.date(placedAt), .int(-7), .bool(true)])
        #expect(IndexKey().partition.isEmpty && IndexKey().sort.isEmpty)
    }

    @Test("single-value keys equal the array-built keys of the same values, for every kind of value")
    func singleValueKeysMatchArrayKeys() {
        let long = String(repeating: "iade ", count: 10) + "\u{0}sonu"
        let values: [IndexValue] = [
            .bool(true), .int(-7), .int(.max), .double(-0.0), .double(.nan), .string(""), .string(long),
            .identifier(customer), .date(placedAt),
        ]
        // Values read back are compared as keys, under which two NaNs are one value.
        for partition in values {
            #expect(IndexKey(partition: partition) == IndexKey(partition: [partition]))
            #expect(
                IndexKey(partition: IndexKey(partition: partition).partition)
                    == IndexKey(partition: [partition]))
            #expect(IndexKey(sort: partition) == IndexKey(sort: [partition]))
            #expect(IndexKey(sort: IndexKey(sort: partition).sort) == IndexKey(sort: [partition]))
            for sort in values {
                let single = IndexKey(partition: partition, sort: sort)
                let built = IndexKey(partition: [partition], sort: [sort])
                #expect(single == built)
                #expect(single.hashValue == built.hashValue)
                #expect(IndexKey(partition: single.partition, sort: single.sort) == built)
            }
        }
    }

    @Test("setting one part keeps the other")
    func settersKeepTheOtherPart() {
        var key = IndexKey(partition: [.int(1)], sort: [.string("a")])
        key.sort = [.string("b"), .double(2.5)]
        #expect(key == IndexKey(partition: [.int(1)], sort: [.string("b"), .double(2.5)]))
        key.partition = [.bool(false)]
        #expect(key.partition == [.bool(false)])
        #expect(key.sort == [.string("b"), .double(2.5)])
    }

    @Test("equality and hashing follow the values: the two zeros are one key, partitions are not sorts")
    func equalityFollowsValues() {
        #expect(IndexKey(sort: [.double(0)]) == IndexKey(sort: [.double(-0.0)]))
        #expect(Set([IndexKey(sort: [.double(0)]), IndexKey(sort: [.double(-0.0)])]).count == 1)
        #expect(IndexKey(partition: [.int(1)]) != IndexKey(sort: [.int(1)]))
        #expect(IndexKey(partition: [.int(1), .int(2)]) != IndexKey(partition: [.int(1)], sort: [.int(2)]))
    }

    @Test("encodes as its partition and sort arrays and decodes to an equal key")
    func codableRoundTrip() throws {
        let key = IndexKey(partition: [.string("açık")], sort: [.date(placedAt), .identifier(customer)])
        let data = try JSONEncoder().encode(key)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["partition", "sort"])
        #expect(try JSONDecoder().decode(IndexKey.self, from: data) == key)
    }
}
