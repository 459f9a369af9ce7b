/// A condition returned items must meet, checked at inspection.
public enum ItemCondition: String, Hashable, Sendable, Codable, CaseIterable {
    /// Not used or worn.
    case unused
    /// In the original packaging.
    case originalPackaging
    /// With tags attached.
    case tagsAttached
    /// Not damaged.
    case undamaged
}
