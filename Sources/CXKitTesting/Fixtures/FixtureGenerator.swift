import CXKitCore
import Foundation

/// Makes realistic, deterministic synthetic tenants for tests, the demo and benchmarks: a
/// product catalogue, customers with Turkish and English names, orders with lines,
/// discounts and shipping, and community-style sample sentences.
///
/// The same seed always gives the same output, field for field, including identifiers:
/// every method draws from its own random stream derived from the seed (and, for
/// ``makeTenant(_:customers:products:ordersPerCustomer:currency:)``, the tenant), and
/// identifiers come from a ``TimeOrderedIdentifierSource`` over a ``ManualClock`` and a
/// ``SeededRandomSource``, so an order's identifier carries its placement time.
///
/// ```swift
/// let fixtures = FixtureGenerator(seed: 42)
/// let shop = try fixtures.makeTenant(try TenantID("demo-shop"), customers: 200)
/// let posts = try fixtures.sampleSentences(language: .turkish, count: 1_000)
/// ```
///
/// Amounts are integer minor units with a currency code (two decimal places); all order
/// arithmetic is integer and consistent (see ``OrderFixture``). Modules extend the
/// generator with their own fixtures (survey responses, tickets, returns …) in extensions
/// that follow the same rule: one derived stream per method, no shared state.
public struct FixtureGenerator: Hashable, Sendable {
    /// The seed every stream derives from.
    public let seed: UInt64
    /// The instant the fixtures treat as "now": signups and orders lie before it.
    public let referenceDate: Date

    /// The default reference date, 2026-01-05T09:00:00Z (a Monday), the same instant a
    /// new ``ManualClock`` reads.
    public static let defaultReferenceDate = Date(timeIntervalSince1970: 1_767_603_600)
    /// The most customers, products or sentences one call makes.
    public static let maximumCount = 1_000_000
    /// The most orders one customer may be given.
    public static let maximumOrdersPerCustomer = 1_000
    /// The largest unit price, in minor units, of a product given to
    /// ``orders(for:products:perCustomer:)``.
    public static let maximumUnitPriceMinorUnits: Int64 = 10_000_000_000

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - seed: The seed; equal seeds give equal fixtures.
    ///   - referenceDate: The instant the fixtures treat as "now".
    public init(seed: UInt64, referenceDate: Date = FixtureGenerator.defaultReferenceDate) {
        self.seed = seed
        self.referenceDate = referenceDate
    }

    // MARK: - Tenants

    /// Makes a whole tenant: a catalogue, customers and their orders.
    ///
    /// - Parameters:
    ///   - tenant: The tenant; different tenants get different data from one generator.
    ///   - customers: How many customers.
    ///   - products: How many products.
    ///   - ordersPerCustomer: How many orders each customer places.
    ///   - currency: The ISO 4217 code of every amount (two decimal places).
    /// - Returns: The tenant fixture.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` for a negative
    ///   count (field `customers`, `products` or `ordersPerCustomer`), no products while
    ///   orders are wanted (field `products`) or a currency that is not three upper-case
    ///   letters (field `currency`), or a ``referenceDate`` outside 1971…9999 (field
    ///   `referenceDate`); code ``ErrorCode/limitExceeded`` for counts above
    ///   ``maximumCount`` or ``maximumOrdersPerCustomer``.
    public func makeTenant(
        _ tenant: TenantID, customers: Int = 50, products: Int = 40,
        ordersPerCustomer: ClosedRange<Int> = 0...4,
        currency: String = "TRY"
    ) throws(CoreError) -> TenantFixture {
        let salt = TenantSalt.of(tenant)
        let scoped = FixtureGenerator(seed: seed ^ salt, referenceDate: referenceDate)
        let catalogue = try scoped.products(count: products, currency: currency)
        let people = try scoped.customers(count: customers)
        let orders = try scoped.orders(for: people, products: catalogue, perCustomer: ordersPerCustomer)
        return TenantFixture(
            tenant: tenant, currency: currency, products: catalogue, customers: people, orders: orders)
    }

    // MARK: - Products

    /// Makes a product catalogue across every ``ProductCategory``, with sizes for apparel
    /// and colours for some electronics.
    ///
    /// - Parameters:
    ///   - count: How many products.
    ///   - currency: The ISO 4217 code of the prices (two decimal places).
    /// - Returns: The products, in creation order.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field `products`
    ///   for a negative count, `currency` for a malformed code or `referenceDate` for a
    ///   reference date outside 1971…9999; ``ErrorCode/limitExceeded`` and field `products`
    ///   above ``maximumCount``.
    public func products(count: Int, currency: String = "TRY") throws(CoreError) -> [ProductFixture] {
        try validateReferenceDate()
        try Self.validate(count: count, field: "products")
        try Self.validate(currency: currency)
        let random = FixtureRandom(seed: streamSeed(1))
        let ids = identifiers(stream: 1)
        let weights = FixtureVocabulary.categories.map(\.weight)
        var products: [ProductFixture] = []
        products.reserveCapacity(count)
        for _ in 0..<count {
            let spec = FixtureVocabulary.categories[random.weightedIndex(weights)]
            var name = random.pick(spec.names)
            if spec.category == .apparel { name = random.pick(FixtureVocabulary.colours) + " " + name }
            var price = Int64(random.int(in: spec.lira)) * 100 - 10
            if currency != "TRY" { price = max(99, (price / 40 / 100) * 100 + 99) }
            var variants: [ProductFixture.Variant] = []
            if spec.category == .apparel || (spec.category == .electronics && random.chance(50)) {
                variants = spec.variants.map { ProductFixture.Variant(id: ids.make(), label: $0) }
            }
            products.append(
                ProductFixture(
                    id: ids.make(), name: name, category: spec.category, unitPriceMinorUnits: price,
                    currency: currency, taxRateBasisPoints: spec.tax, variants: variants))
        }
        return products
    }

    // MARK: - Customers

    /// Makes customers: mostly in Türkiye, some in the UK and Germany, with names matching
    /// their language, unique `example.*` email addresses and signup dates within three
    /// years before ``referenceDate``.
    ///
    /// - Parameter count: How many customers.
    /// - Returns: The customers in signup order; identifiers carry the signup time.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field
    ///   `customers` for a negative count or `referenceDate` for a reference date outside
    ///   1971…9999; ``ErrorCode/limitExceeded`` above ``maximumCount``.
    public func customers(count: Int) throws(CoreError) -> [CustomerFixture] {
        try validateReferenceDate()
        try Self.validate(count: count, field: "customers")
        let random = FixtureRandom(seed: streamSeed(2))
        let threeYears = 3 * 365 * 86_400
        var signups = (0..<count).map { _ in
            referenceDate.addingTimeInterval(-random.seconds(in: 86_400...threeYears))
        }
        signups.sort()
        let clock = ManualClock(start: signups.first ?? referenceDate)
        let ids = TimeOrderedIdentifierSource(
            timestamps: clock, random: SeededRandomSource(seed: streamSeed(102)))
        let countryWeights = FixtureVocabulary.countries.map(\.weight)
        var customers: [CustomerFixture] = []
        customers.reserveCapacity(count)
        for (index, signedUpAt) in signups.enumerated() {
            let country = FixtureVocabulary.countries[random.weightedIndex(countryWeights)]
            let language: FixtureLanguage = random.chance(country.turkishPercent) ? .turkish : .english
            let given = random.pick(
                language == .turkish
                    ? FixtureVocabulary.turkishGivenNames : FixtureVocabulary.englishGivenNames)
            let family = random.pick(
                language == .turkish
                    ? FixtureVocabulary.turkishFamilyNames : FixtureVocabulary.englishFamilyNames)
            let email =
                "\(Self.emailLocalPart(given)).\(Self.emailLocalPart(family))\(index + 1)@"
                + random.pick(FixtureVocabulary.emailDomains)
            let phone = Self.phoneNumber(country: country.code, random: random)
            clock.advance(to: signedUpAt)
            customers.append(
                CustomerFixture(
                    id: ids.make(), givenName: given, familyName: family, email: email, phone: phone,
                    countryCode: country.code, city: random.pick(country.cities), language: language,
                    signedUpAt: signedUpAt, acceptsMarketing: random.chance(45)))
        }
        return customers
    }

    // MARK: - Orders

    /// Makes orders for customers from a catalogue: one to four lines of distinct products
    /// (quantities mostly 1), occasional line discounts and coupons, free shipping above
    /// 500 TRY (or 15 in other currencies), and deliveries one to six days after placement
    /// for most orders older than a week.
    ///
    /// - Parameters:
    ///   - customers: Who places orders; each places a number in `perCustomer`, after
    ///     signing up and within the year before ``referenceDate``.
    ///   - products: The catalogue; every line's currency is the first product's.
    ///   - perCustomer: How many orders each customer places.
    /// - Returns: The orders sorted by placement time; identifiers carry that time.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field
    ///   `referenceDate` for a reference date outside 1971…9999, `ordersPerCustomer` for a
    ///   negative bound, field `products` when the catalogue is
    ///   empty (while orders are wanted), field `products[i].currency`,
    ///   `products[i].unitPriceMinorUnits` or `products[i].taxRateBasisPoints` when a product
    ///   uses another currency than the first, a price outside
    ///   1…``maximumUnitPriceMinorUnits`` or a tax rate outside 0…10000; ``ErrorCode/limitExceeded``
    ///   and field `ordersPerCustomer` above ``maximumOrdersPerCustomer``.
    public func orders(
        for customers: [CustomerFixture], products: [ProductFixture], perCustomer: ClosedRange<Int> = 0...4
    ) throws(CoreError) -> [OrderFixture] {
        try validateReferenceDate()
        guard perCustomer.lowerBound >= 0 else {
            throw CoreError.validation(field: "ordersPerCustomer", reason: "must not be negative")
        }
        guard perCustomer.upperBound <= Self.maximumOrdersPerCustomer else {
            throw CoreError.limit(
                field: "ordersPerCustomer", reason: "must be at most \(Self.maximumOrdersPerCustomer)")
        }
        guard perCustomer.upperBound > 0, !customers.isEmpty else { return [] }
        guard let currency = products.first?.currency else {
            throw CoreError.validation(field: "products", reason: "must not be empty when orders are wanted")
        }
        for (index, product) in products.enumerated() {
            guard product.currency == currency else {
                throw CoreError.validation(
                    field: "products[\(index)].currency", reason: "must equal the first product's currency")
            }
            guard (1...Self.maximumUnitPriceMinorUnits).contains(product.unitPriceMinorUnits) else {
                throw CoreError.validation(
                    field: "products[\(index)].unitPriceMinorUnits",
                    reason: "must be between 1 and \(Self.maximumUnitPriceMinorUnits)")
            }
            guard (0...10_000).contains(product.taxRateBasisPoints) else {
                throw CoreError.validation(
                    field: "products[\(index)].taxRateBasisPoints", reason: "must be between 0 and 10000")
            }
        }
        let random = FixtureRandom(seed: streamSeed(3))
        let yearAgo = referenceDate.addingTimeInterval(-365 * 86_400)
        var drafts: [(customer: CustomerID, placedAt: Date, random: UInt64)] = []
        for customer in customers {
            let earliest = max(customer.signedUpAt, yearAgo)
            let interval = referenceDate.timeIntervalSince(earliest)
            guard interval.isFinite, interval > 3_600 else { continue }
            let span = Int(min(interval, 366 * 86_400)) - 3_600
            for _ in 0..<random.int(in: perCustomer) {
                let placedAt = earliest.addingTimeInterval(random.seconds(in: 0...span))
                drafts.append((customer.id, placedAt, random.source.nextUInt64()))
            }
        }
        drafts.sort { $0.placedAt < $1.placedAt }
        let clock = ManualClock(start: drafts.first?.placedAt ?? referenceDate)
        let ids = TimeOrderedIdentifierSource(
            timestamps: clock, random: SeededRandomSource(seed: streamSeed(103)))
        var orders: [OrderFixture] = []
        orders.reserveCapacity(drafts.count)
        for draft in drafts {
            clock.advance(to: draft.placedAt)
            orders.append(
                makeOrder(
                    customer: draft.customer, placedAt: draft.placedAt, products: products,
                    currency: currency,
                    random: FixtureRandom(seed: draft.random), ids: ids))
        }
        return orders
    }

    private func makeOrder(
        customer: CustomerID, placedAt: Date, products: [ProductFixture], currency: String,
        random: FixtureRandom,
        ids: TimeOrderedIdentifierSource
    ) -> OrderFixture {
        let orderID: OrderID = ids.make()
        let lineCount = min(products.count, [1, 1, 1, 2, 2, 3, 4][random.int(in: 0...6)])
        var chosen = Set<Int>()
        while chosen.count < lineCount { chosen.insert(random.int(in: 0...(products.count - 1))) }
        var drafts:
            [(product: ProductFixture, variant: VariantID?, quantity: Int, gross: Int64, discount: Int64)] =
                []
        for index in chosen.sorted() {
            let product = products[index]
            let quantity = [1, 1, 1, 1, 2, 2, 3][random.int(in: 0...6)]
            let gross = product.unitPriceMinorUnits * Int64(quantity)
            var discount: Int64 = 0
            if random.chance(20) {
                let percent = Int64(random.int(in: 5...25))
                discount = min(gross - 1, (gross * percent / 100) / 100 * 100)
            }
            let variant = product.variants.isEmpty ? nil : random.pick(product.variants).id
            drafts.append((product, variant, quantity, gross, max(0, discount)))
        }
        let lineTotals = drafts.map { $0.gross - $0.discount }
        let subtotal = lineTotals.reduce(0, +)
        let scale: Int64 = currency == "TRY" ? 1 : 40
        var orderDiscount: Int64 = 0
        if random.chance(15) {
            let coupon = Int64(random.pick([50, 100, 200])) * 100 / scale
            orderDiscount = min(coupon, subtotal / 2)
        }
        let freeShippingFrom: Int64 = scale == 1 ? 50_000 : 1_500
        let shipping: Int64 = subtotal - orderDiscount >= freeShippingFrom ? 0 : (scale == 1 ? 4_990 : 499)
        let shares = Self.allocate(orderDiscount, proportionalTo: lineTotals)
        var lines: [OrderLineFixture] = []
        var tax: Int64 = 0
        for (index, draft) in drafts.enumerated() {
            let paid = lineTotals[index] - shares[index]
            let rate = Int64(draft.product.taxRateBasisPoints)
            let lineTax = (paid * rate * 2 + (10_000 + rate)) / (2 * (10_000 + rate))
            tax += lineTax
            lines.append(
                OrderLineFixture(
                    id: ids.make(), product: draft.product.id, variant: draft.variant,
                    productName: draft.product.name,
                    category: draft.product.category, unitPriceMinorUnits: draft.product.unitPriceMinorUnits,
                    quantity: draft.quantity, taxRateBasisPoints: draft.product.taxRateBasisPoints,
                    discountMinorUnits: draft.discount, grossMinorUnits: draft.gross,
                    totalMinorUnits: lineTotals[index],
                    orderDiscountShareMinorUnits: shares[index], taxMinorUnits: lineTax))
        }
        var deliveredAt: Date?
        let delivery = placedAt.addingTimeInterval(random.seconds(in: 86_400...(6 * 86_400)))
        let isOld = placedAt.addingTimeInterval(7 * 86_400) < referenceDate
        if delivery < referenceDate && random.chance(isOld ? 92 : 50) { deliveredAt = delivery }
        return OrderFixture(
            id: orderID, customer: customer, placedAt: placedAt, deliveredAt: deliveredAt, currency: currency,
            lines: lines, discountMinorUnits: orderDiscount, shippingMinorUnits: shipping,
            subtotalMinorUnits: subtotal, totalMinorUnits: subtotal - orderDiscount + shipping,
            taxMinorUnits: tax)
    }

    /// Splits `total` in proportion to `weights` with the largest-remainder method, so the
    /// parts always sum to `total`.
    static func allocate(_ total: Int64, proportionalTo weights: [Int64]) -> [Int64] {
        let sum = weights.reduce(0, +)
        guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
        // total × weight can exceed 64 bits; divide the 128-bit product. The quotient fits
        // because weight ≤ sum.
        let divided = weights.map { weight in
            sum.dividingFullWidth(total.multipliedFullWidth(by: weight))
        }
        var parts = divided.map(\.quotient)
        var left = total - parts.reduce(0, +)
        let order = divided.indices.sorted {
            divided[$0].remainder != divided[$1].remainder
                ? divided[$0].remainder > divided[$1].remainder : $0 < $1
        }
        for index in order where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }

    // MARK: - Sample texts

    /// Community-style sentences (questions, complaints, praise about orders, returns and
    /// delivery) for search and moderation demos. About one in ten Turkish sentences is
    /// written without Turkish letters (`"musteri"` for `"müşteri"`) and some in capitals,
    /// as people type them.
    ///
    /// - Parameters:
    ///   - language: The language.
    ///   - count: How many sentences.
    /// - Returns: The sentences.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field `count`
    ///   for a negative count; ``ErrorCode/limitExceeded`` above ``maximumCount``.
    public func sampleSentences(language: FixtureLanguage, count: Int) throws(CoreError) -> [String] {
        try Self.validate(count: count, field: "count")
        let random = FixtureRandom(seed: streamSeed(language == .turkish ? 4 : 5))
        let templates =
            language == .turkish ? FixtureVocabulary.turkishSentences : FixtureVocabulary.englishSentences
        let nouns =
            language == .turkish
            ? FixtureVocabulary.turkishProductNouns : FixtureVocabulary.englishProductNouns
        var sentences: [String] = []
        sentences.reserveCapacity(count)
        for _ in 0..<count {
            var sentence = random.pick(templates)
                .replacingOccurrences(of: "{p}", with: random.pick(nouns))
                .replacingOccurrences(of: "{n}", with: String(random.int(in: 2...14)))
            if language == .turkish && random.chance(10) {
                sentence = Self.asciiFolded(sentence)
            } else if random.chance(4) {
                sentence = sentence.uppercased(with: Locale(identifier: language.rawValue))
            }
            sentences.append(sentence)
        }
        return sentences
    }

    // MARK: - Helpers

    private func streamSeed(_ stream: UInt64) -> UInt64 {
        PropertyCheck.caseSeed(seed, index: Int(truncatingIfNeeded: stream))
    }

    private func identifiers(stream: UInt64) -> TimeOrderedIdentifierSource {
        TimeOrderedIdentifierSource(
            timestamps: ManualClock(start: referenceDate.addingTimeInterval(-4 * 365 * 86_400)),
            random: SeededRandomSource(seed: streamSeed(100 + stream)))
    }

    /// The earliest and latest accepted reference dates: 1971-01-01 and 9999-12-31.
    static let referenceDateRange: ClosedRange<Double> = 31_536_000...253_402_214_400

    private func validateReferenceDate() throws(CoreError) {
        guard Self.referenceDateRange.contains(referenceDate.timeIntervalSince1970) else {
            throw CoreError.validation(field: "referenceDate", reason: "must lie between 1971 and 9999")
        }
    }

    private static func validate(count: Int, field: String) throws(CoreError) {
        guard count >= 0 else { throw CoreError.validation(field: field, reason: "must not be negative") }
        guard count <= maximumCount else {
            throw CoreError.limit(field: field, reason: "must be at most \(maximumCount)")
        }
    }

    private static func validate(currency: String) throws(CoreError) {
        guard currency.utf8.count == 3, currency.utf8.allSatisfy({ (65...90).contains($0) }) else {
            throw CoreError.validation(
                field: "currency", reason: "must be three upper-case letters (ISO 4217)")
        }
    }

    private static func digits(_ random: FixtureRandom, count: Int) -> String {
        String((0..<count).map { _ in Character(String(random.int(in: 0...9))) })
    }

    /// A phone number in the country's international format: Turkish mobiles
    /// (`+90 5xx xxx xx xx`), UK numbers from Ofcom's range reserved for drama
    /// (`+44 7700 900xxx`), German mobiles (`+49 15x xxxxxxxx`).
    private static func phoneNumber(country: String, random: FixtureRandom) -> String {
        switch country {
        case "GB":
            return "+44 7700 900" + digits(random, count: 3)
        case "DE":
            return "+49 15" + digits(random, count: 1) + " " + digits(random, count: 8)
        default:
            return "+90 5" + digits(random, count: 2) + " " + digits(random, count: 3) + " "
                + digits(random, count: 2) + " " + digits(random, count: 2)
        }
    }

    private static func emailLocalPart(_ name: String) -> String {
        String(
            asciiFolded(name).lowercased().unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic)
            })
    }

    /// Replaces Turkish and other accented letters with their plain ASCII base letters.
    static func asciiFolded(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "ı": result.append("i")
            case "İ": result.append("I")
            case "ş": result.append("s")
            case "Ş": result.append("S")
            case "ğ": result.append("g")
            case "Ğ": result.append("G")
            case "ç": result.append("c")
            case "Ç": result.append("C")
            case "ö": result.append("o")
            case "Ö": result.append("O")
            case "ü": result.append("u")
            case "Ü": result.append("U")
            case "â": result.append("a")
            case "ë": result.append("e")
            default:
                let folded = String(character).folding(options: .diacriticInsensitive, locale: nil)
                result += folded
            }
        }
        return result
    }
}

/// A 64-bit FNV-1a hash of a tenant slug, so one generator gives each tenant its own data.
private enum TenantSalt {
    static func of(_ tenant: TenantID) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in tenant.rawValue.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
