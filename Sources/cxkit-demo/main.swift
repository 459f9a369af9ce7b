import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let options: DemoOptions
do {
    guard let parsed = try DemoOptions.parse(arguments) else {
        print(DemoOptions.usage)
        exit(0)
    }
    options = parsed
} catch {
    FileHandle.standardError.write(Data("cxkit-demo: \(error)\n\n\(DemoOptions.usage)\n".utf8))
    exit(2)
}

do {
    let report = try await DemoRun(options: options).run()
    for line in report.lines { print(line) }
    if let path = options.jsonPath {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: URL(fileURLWithPath: path))
        print("\nJSON report written to \(path)")
    }
} catch {
    FileHandle.standardError.write(Data("cxkit-demo failed: \(error)\n".utf8))
    exit(1)
}
