/// The demo's command-line options.
struct DemoOptions {
    var seed: UInt64 = 2026
    var customers = 200
    var language: Language = .turkish
    var jsonPath: String?

    enum Language: String {
        case turkish = "tr"
        case english = "en"
    }

    static let usage = """
        Usage: swift run cxkit-demo [options]

          --seed N          seed for every random choice (default 2026)
          --customers N     customers in the simulated shop, 1...100000 (default 200)
          --language tr|en  language of the report's sample texts (default tr)
          --json PATH       also write the report as JSON to PATH
          --help            show this help
        """

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws(Problem) -> DemoOptions? {
        var options = DemoOptions()
        var iterator = arguments.makeIterator()
        func value(for flag: String) throws(Problem) -> String {
            guard let value = iterator.next() else { throw Problem(description: "\(flag) needs a value") }
            return value
        }
        while let argument = iterator.next() {
            switch argument {
            case "--help", "-h":
                return nil
            case "--seed":
                let text = try value(for: argument)
                guard let seed = UInt64(text) else {
                    throw Problem(description: "--seed must be a whole number")
                }
                options.seed = seed
            case "--customers":
                let text = try value(for: argument)
                guard let count = Int(text), (1...100_000).contains(count) else {
                    throw Problem(description: "--customers must be between 1 and 100000")
                }
                options.customers = count
            case "--language":
                let text = try value(for: argument)
                guard let language = Language(rawValue: text) else {
                    throw Problem(description: "--language must be tr or en")
                }
                options.language = language
            case "--json":
                options.jsonPath = try value(for: argument)
            default:
                throw Problem(description: "unknown option \(argument)")
            }
        }
        return options
    }
}
