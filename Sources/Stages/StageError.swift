/// A problem that stops a command before or during a run: a missing input, an unwritable folder.
public struct StageError: Error, Sendable, CustomStringConvertible {
    /// One sentence a user can act on.
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
