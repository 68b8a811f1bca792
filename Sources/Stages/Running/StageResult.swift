import PipelineModel

/// What became of one seed after extraction: a document or a failure.
public enum StageResult: Sendable {
    case document(Document)
    case failure(Failure)
    /// The page did not change since the last run and was not extracted again.
    case unchanged(UnchangedRecord)

    /// The seed's index, which orders every output.
    public var index: Int {
        switch self {
        case .document(let document): document.index
        case .failure(let failure): failure.seed.index
        case .unchanged(let record): record.index
        }
    }

    /// Whether the seed failed.
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}

/// A fetched page on its way to the extract workers, or a result that needs no extraction.
enum ExtractWork: Sendable {
    /// A page and what the incremental run made of it (nil for pages read from WARC files).
    case page(FetchedPage, PageChange?)
    case done(StageResult)

    var index: Int {
        switch self {
        case .page(let page, _): page.seed.index
        case .done(let result): result.index
        }
    }
}
