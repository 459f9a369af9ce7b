/// Everything the demo found, printable and encodable as JSON.
struct DemoReport: Codable {
    struct Shop: Codable {
        var tenant: String
        var customers: Int
        var products: Int
        var orders: Int
        var deliveredOrders: Int
        var revenue: String
    }

    struct Delivery: Codable {
        var eventsCommitted: Int
        var eventsDelivered: Int
        var uniqueEventsDelivered: Int
        var streamedToSubscriber: Int
        var deadLettered: Int
        var rounds: Int
    }

    struct Query: Codable {
        var description: String
        var results: [String]
    }

    struct SearchResult: Codable {
        var query: String
        var totalHits: Int
        var topSnippets: [String]
    }

    struct Deadline: Codable {
        var createdAt: String
        var firstResponseDue: String
    }

    struct Allocation: Codable {
        var order: String
        var discount: String
        var shares: [String]
        var sumMatches: Bool
    }

    struct Eligibility: Codable {
        var order: String
        var eligible: Bool
        var reasons: [String]
    }

    struct Score: Codable {
        var name: String
        var responses: Int64
        var value: String
        var interval: String
    }

    /// One line of an order as the customer's eligibility check explains it.
    struct ReturnLine: Codable {
        var product: String
        var eligible: Bool
        var detail: String
    }

    /// One state a return request reached, and when.
    struct ReturnStep: Codable {
        var state: String
        var at: String
    }

    /// A return taken from eligibility check to refund and restock.
    struct Return: Codable {
        var order: String
        var policy: String
        var deliveredAt: String
        var checkedAt: String
        var eligibility: [ReturnLine]
        var quote: [String]
        var returnFee: String
        var quoteTotal: String
        var units: Int
        var rmaNumber: String
        var idempotencyKey: String
        var replayReturnedSameRequest: Bool
        var reviewReasons: [String]
        var label: String
        var steps: [ReturnStep]
        var dispositions: [String]
        var restockedUnits: Int
        var refunded: String
        var refundEqualsQuote: Bool
        var refundDueBy: String
        var eventsDelivered: Int
        var eventKinds: [String: Int]
    }

    var seed: UInt64
    var shop: Shop
    var delivery: Delivery
    var queries: [Query]
    var search: [SearchResult]
    var deadlines: [Deadline]
    var allocation: Allocation?
    var eligibility: [Eligibility]
    var scores: [Score]
    var returns: Return? = nil

    /// The report as the lines the demo prints.
    var lines: [String] {
        var out: [String] = []
        out.append("CXKit demo — seed \(seed)")
        out.append("")
        out.append(
            "Shop \(shop.tenant): \(shop.customers) customers, \(shop.products) products, \(shop.orders) orders"
        )
        out.append("  delivered: \(shop.deliveredOrders), revenue: \(shop.revenue)")
        out.append("")
        out.append("Outbox and delivery")
        out.append("  events committed with their orders: \(delivery.eventsCommitted)")
        out.append(
            "  delivered to the sink: \(delivery.eventsDelivered) (\(delivery.uniqueEventsDelivered) unique) in \(delivery.rounds) batches"
        )
        out.append(
            "  streamed to a live subscriber: \(delivery.streamedToSubscriber), dead-lettered: \(delivery.deadLettered)"
        )
        for query in queries {
            out.append("")
            out.append(query.description)
            for line in query.results { out.append("  \(line)") }
        }
        if !search.isEmpty {
            out.append("")
            out.append("Search (Turkish-aware folding, BM25)")
            for result in search {
                out.append("  \(result.query) — \(result.totalHits) hits")
                for snippet in result.topSnippets { out.append("    · \(snippet)") }
            }
        }
        out.append("")
        out.append("Business time (Europe/Istanbul, Mon–Fri 09:00–18:00, Sat 10:00–14:00, public holidays)")
        for deadline in deadlines {
            out.append("  ticket at \(deadline.createdAt) → first response due \(deadline.firstResponseDue)")
        }
        if let allocation {
            out.append("")
            out.append("Exact allocation of \(allocation.discount) discount on order \(allocation.order)")
            out.append(
                "  shares: \(allocation.shares.joined(separator: " + "))  (sum matches: \(allocation.sumMatches))"
            )
        }
        out.append("")
        out.append("Return eligibility rule (explained)")
        for result in eligibility {
            out.append("  order \(result.order): \(result.eligible ? "eligible" : "not eligible")")
            for reason in result.reasons { out.append("    - \(reason)") }
        }
        out.append("")
        out.append("Scores with 95% intervals")
        for score in scores {
            out.append("  \(score.name): \(score.value) \(score.interval) (n = \(score.responses))")
        }
        if let returns { out += Self.lines(of: returns) }
        return out
    }

    private static func lines(of returns: Return) -> [String] {
        var out = ["", "Return from eligibility check to refund and restock — policy \(returns.policy)"]
        out.append(
            "  order \(returns.order) delivered \(returns.deliveredAt), checked \(returns.checkedAt)")
        for line in returns.eligibility.prefix(4) {
            out.append("    \(line.eligible ? "✓" : "✗") \(line.product): \(line.detail)")
        }
        out.append(
            "  quote: \(returns.quoteTotal) for \(returns.units) unit(s), return fee \(returns.returnFee)")
        for line in returns.quote.prefix(3) { out.append("    \(line)") }
        let review =
            returns.reviewReasons.isEmpty ? "" : " (review: \(returns.reviewReasons.joined(separator: "; ")))"
        out.append(
            "  submitted RMA \(returns.rmaNumber) with key \(returns.idempotencyKey.prefix(24))…; "
                + "replay gave the same request: \(returns.replayReturnedSameRequest)\(review)")
        out.append("  label \(returns.label); states: \(returns.steps.map(\.state).joined(separator: " → "))")
        out.append(
            "  warehouse: dispositions \(returns.dispositions.joined(separator: ", ")), "
                + "units restocked: \(returns.restockedUnits)")
        out.append(
            "  refunded \(returns.refunded) (equals quote: \(returns.refundEqualsQuote)), due by \(returns.refundDueBy)"
        )
        let kinds = returns.eventKinds.sorted { $0.key < $1.key }.map {
            "\($0.key.hasPrefix("returns.") ? String($0.key.dropFirst(8)) : $0.key) \($0.value)"
        }
        out.append("  events delivered: \(returns.eventsDelivered) — \(kinds.joined(separator: ", "))")
        return out
    }
}
