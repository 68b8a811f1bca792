@testable import Entities
import PipelineModel
import Testing

@Suite("People and places")
struct PersonAndPlaceTests {
    @Test("all-caps names are people, normalized in title case")
    func allCapsNames() {
        let people = found(.person, in: "Statement by MR. KASTER MUSAKHAN on his detention")
        #expect(people == [Found(type: .person, text: "KASTER MUSAKHAN", normalized: "Kaster Musakhan")])
    }

    @Test("a known given name makes a person; a sentence-initial common word does not")
    func givenNames() {
        #expect(found(.person, in: "Yesterday Robert Hirsch said the talks had failed.").map(\.text) == ["Robert Hirsch"])
        #expect(found(.person, in: "However, the talks failed.").isEmpty)
    }

    @Test("months, weekdays and organisations are not people")
    func nonPeople() {
        let text = "The European Parliament met on Monday with the National Security Committee in March 2020."
        #expect(found(.person, in: text).isEmpty)
    }

    @Test("offsets count Unicode scalars, not UTF-16 units or bytes")
    func offsetsAreScalars() throws {
        let text = "😀 Café — réunion: Žygimantas Pavilionis visited Vilnius."
        let spans = EntityRecognizer.shared.spans(in: text)
        let person = try #require(spans.first { $0.type == .person })
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[person.start..<person.end])) == "Žygimantas Pavilionis")
        // 18 scalars before the name; UTF-16 would count 19 (the emoji is a surrogate pair), UTF-8 more.
        #expect(person.start == 18)
        let place = try #require(spans.first { $0.type == .place })
        #expect(String(String.UnicodeScalarView(scalars[place.start..<place.end])) == "Vilnius")
    }

    @Test("spans are in text order and never overlap")
    func spansDoNotOverlap() {
        let text = "On October 1, 2019 Kaster Musakhan and Murager Alimuly, having found themselves under the threat of arrest, escaped Xinjiang and crossed into Kazakhstan near the village of Shilikti under Article 392, Part 1, of the Criminal Code of the Republic of Kazakhstan."
        let spans = EntityRecognizer.shared.spans(in: text)
        for (a, b) in zip(spans, spans.dropFirst()) {
            #expect(a.end <= b.start)
        }
    }

    @Test("repeated mentions, also by surname alone, are grouped into one entity")
    func grouping() throws {
        let text = "Kaster Musakhan fled to Almaty. In Almaty, Musakhan asked for asylum; Kaster Musakhan was arrested."
        let entities = EntityRecognizer.shared.entities(in: text)
        let person = try #require(entities.first { $0.type == .person })
        #expect(person.normalized == "Kaster Musakhan")
        #expect(person.mentions.count == 3)
        #expect(entities.filter { $0.type == .person }.count == 1)
        let place = try #require(entities.first { $0.type == .place })
        #expect(place.normalized == "Almaty")
        #expect(place.mentions.count == 2)
        #expect(place.text == "Almaty")
    }

    @Test("a gazetteer built from entries finds multi-word names and aliases")
    func gazetteerEntries() {
        let gazetteer = PlaceGazetteer(entries: [
            ("Kazakhstan", .init(kind: "country", countryCode: "KZ", canonical: "Kazakhstan")),
            ("Republic of Kazakhstan", .init(kind: "country", countryCode: "KZ", canonical: "Kazakhstan")),
        ])
        #expect(gazetteer.place(named: "republic of kazakhstan")?.canonical == "Kazakhstan")
        #expect(gazetteer.place(named: "kazakh") == nil)
        #expect(gazetteer.maxTokens == 3)
    }

    @Test("a recognizer without gazetteer or name lists still finds names by context")
    func emptyResources() {
        let recognizer = EntityRecognizer(gazetteer: PlaceGazetteer(entries: []), names: NameLists(given: [], surnames: []))
        let spans = recognizer.spans(in: "Mr. Gizat Nurdauletov visited the village of Shilikti on 12/20/2019.")
        #expect(spans.map(\.type) == [.person, .place, .date])
    }
}

@Suite("Odd input")
struct OddInputTests {
    @Test("texts without words give no entities and do not crash", arguments: [
        "", " ", "\n\n", "😀😀", "...", "'s", "’", "(", "12/", "--", "Mr.", "Article", "Section (", "the", "\u{00AD}",
    ])
    func noWords(text: String) {
        let spans = EntityRecognizer.shared.spans(in: text, published: "not a date")
        #expect(spans.allSatisfy { $0.start >= 0 && $0.end <= text.unicodeScalars.count && $0.start < $0.end })
    }

    @Test("a long text of repeated sentences keeps every span inside the text")
    func longText() {
        let sentence = "On October 1, 2019 Kaster Musakhan crossed into Kazakhstan under Article 392 of the Criminal Code. "
        let text = String(repeating: sentence, count: 200)
        let spans = EntityRecognizer.shared.spans(in: text)
        #expect(spans.count == 200 * 4)
        #expect(spans.allSatisfy { $0.end <= text.unicodeScalars.count })
    }
}

@Suite("Authors and sentence starts")
struct AuthorTests {
    @Test("authors cited with a year are people, even when their names are ordinary words", arguments: [
        ("as Spang (1983) noted", ["Spang"]),
        ("in psychology (Makel & Plucker, 2014) and", ["Makel", "Plucker"]),
        ("by Cruse and Croft (2004), for example", ["Cruse", "Croft"]),
    ])
    func citations(text: String, people: [String]) {
        #expect(found(.person, in: text).map(\.text) == people)
    }

    @Test("a function word starting a sentence is not part of the name after it")
    func functionWordBeforeName() {
        #expect(found(.person, in: "As Heald told the newspaper, it was over.").map(\.text) == ["Heald"])
        #expect(found(.person, in: "After Bedřich Smetana, he was the next composer.").map(\.text) == ["Bedřich Smetana"])
    }
}
