import Foundation
import PipelineModel
import Testing

@testable import Extract

@Suite("Pages that cannot become documents")
struct FailureTests {
    @Test("An empty body is empty_body")
    func emptyBody() {
        #expect(failureCode(makePage([], contentType: "text/html")) == "empty_body")
        #expect(failureCode(makePage(Array(" \n\t ".utf8), contentType: "text/html")) == "empty_body")
    }

    @Test("PNG bytes are not_html, and the message names PNG")
    func pngBytes() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let result = Extractor().extract(makePage(png, contentType: "text/html"))
        guard case .failure(let failure) = result else {
            Issue.record("PNG bytes became a document")
            return
        }
        #expect(failure.error == "not_html")
        #expect(failure.stage == .extract)
        #expect(failure.seed.index == 7)
        #expect(failure.message.contains("PNG"))
    }

    @Test("PDF bytes are not_html")
    func pdfBytes() {
        let pdf = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)
        #expect(failureCode(makePage(pdf)) == "not_html")
    }

    @Test("A non-HTML content type is not_html")
    func nonHTMLContentType() {
        let result = Extractor().extract(makePage(Array("{\"a\": 1}".utf8), contentType: "application/json"))
        guard case .failure(let failure) = result else {
            Issue.record("JSON became a document")
            return
        }
        #expect(failure.error == "not_html")
        #expect(failure.message.contains("application/json"))
    }

    @Test("NUL bytes are not_html")
    func nulBytes() {
        #expect(failureCode(makePage([0x3C, 0x70, 0x3E, 0x00, 0x01, 0x02, 0x00, 0x41])) == "not_html")
    }

    @Test("Text and XHTML content types are accepted", arguments: ["text/html", "application/xhtml+xml", "text/plain", "TEXT/HTML; charset=utf-8"])
    func textualTypesAccepted(contentType: String) {
        #expect(failureCode(makePage(Array("<p>Some words here.</p>".utf8), contentType: contentType)) == nil)
    }
}
