/// Facts about the CXKitFeedback module. Surveys (NPS, CSAT, CES), responses, ideas, complaints and the closed loop.
public enum FeedbackModule {
    /// The module's stable name, used as the prefix of its record types, event kinds and
    /// operation names (`"feedback.…"`).
    public static let name = "feedback"
}
