import CXKitCore
import Foundation

/// A synthetic customer: names from Turkish and English pools, an `example.*` email
/// address, a phone number, a country and city, a preferred language, a signup date and a
/// marketing consent. None of it belongs to a real person.
public struct CustomerFixture: Hashable, Sendable, Codable, Identifiable {
    /// The customer's identifier.
    public let id: CustomerID
    /// The given name.
    public let givenName: String
    /// The family name.
    public let familyName: String
    /// A unique email address on a reserved `example.com/.org/.net` domain.
    public let email: String
    /// A phone number in international format.
    public let phone: String
    /// The ISO 3166-1 alpha-2 country code (`"TR"`, `"GB"`, `"DE"`).
    public let countryCode: String
    /// The city.
    public let city: String
    /// The preferred language.
    public let language: FixtureLanguage
    /// When the customer signed up.
    public let signedUpAt: Date
    /// Whether the customer accepts marketing messages.
    public let acceptsMarketing: Bool

    /// Creates a customer.
    ///
    /// - Parameters:
    ///   - id: The identifier.
    ///   - givenName: The given name.
    ///   - familyName: The family name.
    ///   - email: The email address.
    ///   - phone: The phone number.
    ///   - countryCode: The ISO 3166-1 alpha-2 country code.
    ///   - city: The city.
    ///   - language: The preferred language.
    ///   - signedUpAt: The signup instant.
    ///   - acceptsMarketing: The marketing consent.
    public init(
        id: CustomerID, givenName: String, familyName: String, email: String, phone: String,
        countryCode: String, city: String, language: FixtureLanguage, signedUpAt: Date, acceptsMarketing: Bool
    ) {
        self.id = id
        self.givenName = givenName
        self.familyName = familyName
        self.email = email
        self.phone = phone
        self.countryCode = countryCode
        self.city = city
        self.language = language
        self.signedUpAt = signedUpAt
        self.acceptsMarketing = acceptsMarketing
    }

    /// Given and family name separated by a space.
    public var fullName: String { "\(givenName) \(familyName)" }
}
