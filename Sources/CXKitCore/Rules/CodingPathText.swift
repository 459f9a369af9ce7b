/// Renders a `Codable` coding path as the field text CXKit puts in validation errors:
/// keys joined with dots, array positions in brackets (`"condition.all[2].value"`).
enum CodingPathText {
    /// The field text for `path`, or `root` when the path is empty.
    static func field(_ path: [any CodingKey], root: String) -> String {
        guard !path.isEmpty else { return root }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }

    /// The field text for `path` followed by `key`.
    static func field(_ path: [any CodingKey], appending key: String) -> String {
        path.isEmpty ? key : field(path, root: "") + "." + key
    }
}
