import CXKitCore
import CXKitTesting
import Foundation
import Testing

@Suite("Fixture generator")
struct FixtureGeneratorTests {
    private let tenant = try? TenantID("fixture-shop")

    private func shop(seed: UInt64 = 42, customers: Int = 120) throws -> TenantFixture {
        try FixtureGenerator(seed: seed).makeTenant(#require(tenant), customers: customers, products: 60)
    }

    @Test("the same seed gives identical tenants, identifiers included")
    func deterministic() throws {
        let first = try shop()
        let second = try shop()
        #expect(first == second)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(first) == encoder.encode(second))
        let texts = try FixtureGenerator(seed: 42).sampleSentences(language: .turkish, count: 50)
        #expect(texts == (try FixtureGenerator(seed: 42).sampleSentences(language: .turkish, count: 50)))
    }

    @Test("different seeds and different tenants give different data")
    func seedsAndTenantsDiffer() throws {
        let first = try shop(seed: 1)
        let second = try shop(seed: 2)
        #expect(first.customers.map(\.email) != second.customers.map(\.email))
        let other = try FixtureGenerator(seed: 1).makeTenant(
            TenantID("other-shop"), customers: 120, products: 60)
        #expect(other.customers.map(\.id) != first.customers.map(\.id))
    }

    @Test("every identifier is unique across products, variants, customers, orders and lines")
    func identifiersUnique() throws {
        let fixture = try shop()
        var all: [Identifier] = []
        all += fixture.products.map(\.id.rawValue)
        all += fixture.products.flatMap { $0.variants.map(\.id.rawValue) }
        all += fixture.customers.map(\.id.rawValue)
        all += fixture.orders.map(\.id.rawValue)
        all += fixture.orders.flatMap { $0.lines.map(\.id.rawValue) }
        #expect(Set(all).count == all.count)
        #expect(Set(fixture.customers.map(\.email)).count == fixture.customers.count)
    }

    @Test("order totals equal line sums minus discounts plus shipping, in integers")
    func orderArithmetic() throws {
        let fixture = try shop()
        #expect(!fixture.orders.isEmpty)
        for order in fixture.orders {
            #expect(!order.lines.isEmpty)
            #expect(order.currency == "TRY")
            for line in order.lines {
                #expect(line.quantity >= 1)
                #expect(line.grossMinorUnits == line.unitPriceMinorUnits * Int64(line.quantity))
                #expect(line.totalMinorUnits == line.grossMinorUnits - line.discountMinorUnits)
                #expect(line.discountMinorUnits >= 0 && line.discountMinorUnits < line.grossMinorUnits)
                #expect(line.orderDiscountShareMinorUnits >= 0)
                let paid = line.totalMinorUnits - line.orderDiscountShareMinorUnits
                let rate = Int64(line.taxRateBasisPoints)
                #expect(line.taxMinorUnits >= 0 && line.taxMinorUnits <= paid)
                #expect(abs(line.taxMinorUnits * (10_000 + rate) - paid * rate) <= (10_000 + rate))
            }
            #expect(order.subtotalMinorUnits == order.lines.map(\.totalMinorUnits).reduce(0, +))
            #expect(order.discountMinorUnits >= 0 && order.discountMinorUnits <= order.subtotalMinorUnits)
            #expect(order.lines.map(\.orderDiscountShareMinorUnits).reduce(0, +) == order.discountMinorUnits)
            #expect(
                order.totalMinorUnits == order.subtotalMinorUnits - order.discountMinorUnits
                    + order.shippingMinorUnits)
            #expect(order.taxMinorUnits == order.lines.map(\.taxMinorUnits).reduce(0, +))
            #expect(order.shippingMinorUnits >= 0)
        }
        #expect(fixture.orders.contains { $0.discountMinorUnits > 0 })
        #expect(fixture.orders.contains { $0.lines.contains { $0.discountMinorUnits > 0 } })
        #expect(fixture.orders.contains { $0.shippingMinorUnits == 0 })
        #expect(fixture.orders.contains { $0.shippingMinorUnits > 0 })
    }

    @Test("orders reference existing customers and products and are placed after signup")
    func referentialConsistency() throws {
        let fixture = try shop()
        let customers = Dictionary(uniqueKeysWithValues: fixture.customers.map { ($0.id, $0) })
        let products = Dictionary(uniqueKeysWithValues: fixture.products.map { ($0.id, $0) })
        let reference = FixtureGenerator.defaultReferenceDate
        for order in fixture.orders {
            let customer = try #require(customers[order.customer])
            #expect(order.placedAt >= customer.signedUpAt)
            #expect(order.placedAt < reference)
            if let deliveredAt = order.deliveredAt {
                #expect(deliveredAt > order.placedAt)
                #expect(deliveredAt <= reference)
            }
            #expect(Set(order.lines.map(\.product)).count == order.lines.count)
            for line in order.lines {
                let product = try #require(products[line.product])
                #expect(line.unitPriceMinorUnits == product.unitPriceMinorUnits)
                #expect(line.category == product.category)
                #expect(line.variant == nil || product.variants.contains { $0.id == line.variant })
                #expect((line.variant == nil) == product.variants.isEmpty)
            }
        }
        #expect(fixture.orders.contains { $0.deliveredAt != nil })
        #expect(fixture.orders.map(\.placedAt) == fixture.orders.map(\.placedAt).sorted())
        #expect(fixture.orders.map(\.id) == fixture.orders.map(\.id).sorted())
        #expect(
            fixture.orders(of: fixture.customers[0].id).allSatisfy { $0.customer == fixture.customers[0].id })
    }

    @Test("customers look realistic in both languages")
    func customersRealistic() throws {
        let customers = try FixtureGenerator(seed: 7).customers(count: 300)
        #expect(customers.contains { $0.language == .turkish })
        #expect(customers.contains { $0.language == .english })
        #expect(Set(customers.map(\.countryCode)).isSuperset(of: ["TR", "GB"]))
        #expect(customers.contains { $0.acceptsMarketing } && customers.contains { !$0.acceptsMarketing })
        for customer in customers {
            #expect(
                customer.email.hasSuffix("@example.com") || customer.email.hasSuffix("@example.org")
                    || customer.email.hasSuffix("@example.net"))
            #expect(customer.email.unicodeScalars.allSatisfy { $0.isASCII })
            #expect(customer.phone.hasPrefix("+"))
            #expect(customer.signedUpAt < FixtureGenerator.defaultReferenceDate)
        }
        #expect(customers.map(\.signedUpAt) == customers.map(\.signedUpAt).sorted())
    }

    @Test("the catalogue covers every category with integer prices and sizes for apparel")
    func catalogue() throws {
        let products = try FixtureGenerator(seed: 3).products(count: 200)
        #expect(Set(products.map(\.category)) == Set(ProductCategory.allCases))
        #expect(products.allSatisfy { $0.unitPriceMinorUnits > 0 && $0.currency == "TRY" })
        #expect(products.filter { $0.category == .apparel }.allSatisfy { !$0.variants.isEmpty })
        let euro = try FixtureGenerator(seed: 3).products(count: 20, currency: "EUR")
        #expect(euro.allSatisfy { $0.currency == "EUR" && $0.unitPriceMinorUnits > 0 })
    }

    @Test("sample sentences come in Turkish, unaccented Turkish and English")
    func sampleSentences() throws {
        let fixtures = FixtureGenerator(seed: 5)
        let turkish = try fixtures.sampleSentences(language: .turkish, count: 300)
        #expect(turkish.count == 300)
        #expect(turkish.contains { $0.contains("ş") || $0.contains("ı") || $0.contains("İ") })
        #expect(turkish.contains { !$0.contains("{") && $0.unicodeScalars.allSatisfy { $0.isASCII } })
        let english = try fixtures.sampleSentences(language: .english, count: 100)
        #expect(english.allSatisfy { !$0.contains("{") })
        #expect(english != Array(turkish.prefix(100)))
    }

    @Test("bad counts and currencies are validation or limit errors naming the field")
    func badInput() throws {
        let fixtures = FixtureGenerator(seed: 1)
        let tenant = try #require(tenant)
        let cases: [(ErrorCode, String, () throws -> Void)] = [
            (.validationFailed, "customers", { _ = try fixtures.customers(count: -1) }),
            (
                .limitExceeded, "customers",
                { _ = try fixtures.customers(count: FixtureGenerator.maximumCount + 1) }
            ),
            (.validationFailed, "products", { _ = try fixtures.products(count: -1) }),
            (.validationFailed, "currency", { _ = try fixtures.products(count: 1, currency: "try") }),
            (.validationFailed, "count", { _ = try fixtures.sampleSentences(language: .english, count: -5) }),
            (
                .validationFailed, "ordersPerCustomer",
                { _ = try fixtures.makeTenant(tenant, ordersPerCustomer: -1...2) }
            ),
            (
                .limitExceeded, "ordersPerCustomer",
                { _ = try fixtures.makeTenant(tenant, ordersPerCustomer: 0...5_000) }
            ),
            (
                .validationFailed, "products",
                { _ = try fixtures.makeTenant(tenant, customers: 3, products: 0) }
            ),
        ]
        let catalogue = try fixtures.products(count: 3)
        let people = try fixtures.customers(count: 2)
        let overpriced = catalogue.enumerated().map { index, product in
            ProductFixture(
                id: product.id, name: product.name, category: product.category,
                unitPriceMinorUnits: index == 1 ? Int64.max : product.unitPriceMinorUnits,
                currency: product.currency, taxRateBasisPoints: product.taxRateBasisPoints,
                variants: product.variants)
        }
        let untaxable = catalogue.map { product in
            ProductFixture(
                id: product.id, name: product.name, category: product.category,
                unitPriceMinorUnits: product.unitPriceMinorUnits, currency: product.currency,
                taxRateBasisPoints: -10_000, variants: product.variants)
        }
        let productCases: [(String, [ProductFixture])] = [
            ("products[1].unitPriceMinorUnits", overpriced), ("products[0].taxRateBasisPoints", untaxable),
        ]
        for (field, products) in productCases {
            let error = #expect(throws: CoreError.self) {
                try fixtures.orders(for: people, products: products, perCustomer: 1...1)
            }
            #expect(error?.code == .validationFailed)
            #expect(error?.field == field)
        }
        let farFuture = FixtureGenerator(seed: 1, referenceDate: Date(timeIntervalSince1970: .infinity))
        let dateError = #expect(throws: CoreError.self) { try farFuture.makeTenant(tenant) }
        #expect(dateError?.field == "referenceDate")
        for (code, field, body) in cases {
            let error = #expect(throws: CoreError.self) { try body() }
            #expect(error?.code == code)
            #expect(error?.field == field)
        }
    }
}
