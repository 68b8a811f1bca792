import PipelineModel

/// What became of one seed after extraction: a document or a failure.
public enum StageResult: Sendable {
    case document(Document)
    case failure(Failure)

    /// The seed's index, which orders every output.
    public var index: Int {
        switch self {
        case .document(let document): document.index
        case .failure(let failure): failure.seed.index
        }
    }
}
