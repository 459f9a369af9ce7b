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

    var seed: UInt64
    var shop: Shop
    var delivery: Delivery
    var queries: [Query]
    var search: [SearchResult]
    var deadlines: [Deadline]
    var allocation: Allocation?
    var eligibility: [Eligibility]
    var scores: [Score]

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
        return out
    }
}
