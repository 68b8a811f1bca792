import ArgumentParser
import Foundation
import Stages

/// The `pipeline` command: fetch web pages, keep their main text, find entities, write NDJSON.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Fetch web pages, keep their main text, find the people, laws, dates and places in it, and write NDJSON.",
        discussion: """
            Exit status: 0 when every input became a document, 1 when the run finished with some \
            failures (see failures.ndjson), 2 when it could not run (bad arguments, unreadable seeds, \
            unwritable output folder).
            """,
        version: Pipeline.version,
        subcommands: [Run.self, Fetch.self, Extract.self, Load.self, Entities.self]
    )
}

/// Runs the command line and maps outcomes to the documented exit status.
@main
enum Main {
    static func main() {
        do {
            var command = try PipelineCommand.parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            PipelineCommand.exit(withError: error)
        } catch {
            if PipelineCommand.exitCode(for: error) == .success {
                PipelineCommand.exit(withError: error)
            }
            FileHandle.standardError.write(Data((PipelineCommand.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.couldNotRun.rawValue)
        }
    }
}

/// The exit status of every subcommand.
enum ExitStatus: Int32 {
    case success = 0
    case someFailures = 1
    case couldNotRun = 2

    /// Exits with this status unless it is success.
    func exitIfFailed() throws {
        if self != .success { throw ExitCode(rawValue) }
    }
}
