import CLibXML2
import Entities
import Foundation
import Logging
import PipelineModel

/// Turns fetched pages into documents: charset, parse, boilerplate removal, metadata, entities.
public struct Extractor: Sendable {
    let recognizer: EntityRecognizer?

    /// An extractor that finds entities with `recognizer`, or none when it is nil (for benchmarks
    /// of the extract stage alone).
    public init(recognizer: EntityRecognizer? = .shared) {
        self.recognizer = recognizer
    }

    /// Call once per process before extracting on several threads.
    public static func initialize() {
        xmlInitParser()
        keepFreedMemory()
    }

    /// Keeps the memory of one page's extraction for the next.
    ///
    /// Extraction allocates and frees arrays of megabytes for each page (a node and a few counts for each
    /// element). By default glibc maps blocks of that size afresh and gives them back to the system when
    /// they are freed, so every page pays a page fault for each 4 KB it touches: a third of the time of a
    /// page of 30,000 links (55 ms, 35 ms without). Blocks up to 32 MB come from the heap instead, and up to
    /// 64 MB of freed heap stays with the process, which holds its memory flat at about the largest
    /// page's needs.
    private static func keepFreedMemory() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
        #endif
    }

    /// Extracts one fetched page; a page that cannot become a document gives a failure record.
    ///
    /// Failures: `empty_body` (no bytes, or only white space), `not_html` (a non-HTML content type or
    /// binary bytes), `parse_failed` (libxml2 gave no document). A page without an article is still a
    /// document, with whatever text is left after boilerplate removal (possibly empty).
    public func extract(_ page: FetchedPage) -> Result<Document, Failure> {
        func failure(_ code: String, _ message: String) -> Result<Document, Failure> {
            .failure(Failure(seed: page.seed, stage: .extract, error: code, message: message))
        }
        if page.body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return failure("empty_body", "The page at \(page.finalURL) has an empty body, so there is nothing to extract.")
        }
        if let reason = ContentSniffer.nonHTMLReason(contentType: page.contentType, body: page.body) {
            return failure("not_html", "The page at \(page.finalURL) is not HTML: \(reason).")
        }
        let charset = CharsetDetector.detect(body: page.body, contentType: page.contentType)
        let utf8 = TextDecoder.decode(page.body, charset: charset.name, skip: charset.bomLength)
        guard let document = HTMLDocument.parse(utf8: utf8, url: page.finalURL) else {
            return failure("parse_failed", "libxml2 could not parse the page at \(page.finalURL) as HTML.")
        }
        let metadata = MetadataExtractor(document: document, url: page.finalURL).extract()
        var selector = MainContentSelector(document: document)
        let roots = selector.select(title: metadata.title)
        let text = TextBuilder.render(document, roots: roots, excluded: selector.excluded)
        return .success(
            Document(
                index: page.seed.index, id: page.seed.id, url: page.seed.url, finalURL: page.finalURL,
                source: page.finalURL, status: page.status, fetchedAt: page.fetchedAt, contentType: page.contentType,
                charset: charset.name, charsetSource: charset.source.rawValue, title: metadata.title,
                author: metadata.author, published: metadata.published, language: metadata.language,
                tags: metadata.tags, text: text,
                entities: recognizer?.entities(in: text, published: metadata.published) ?? []))
    }
}
