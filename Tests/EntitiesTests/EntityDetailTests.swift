@testable import Entities
import Foundation
import PipelineModel
import Testing

/// The entities of a document with their detail: GeoNames links, instruments, titles, periods.
@Suite("Entity detail")
struct EntityDetailTests {
    private func entities(_ text: String, published: String? = nil) -> [Entity] {
        EntityRecognizer.shared.entities(in: text, published: published)
    }

    private func entity(_ type: EntityType, _ normalized: String, in text: String, published: String? = nil) throws -> Entity {
        try #require(entities(text, published: published).first { $0.type == type && $0.normalized == normalized })
    }

    @Test("places carry their GeoNames id, country, kind and coordinates", arguments: [
        ("Vilnius", 593116, "LT", "populated place"),
        ("Almaty", 1526384, "KZ", "populated place"),
        ("Kazakhstan", 1522867, "KZ", "country"),
    ])
    func placeLinks(name: String, geonamesID: Int, countryCode: String, kind: String) throws {
        let place = try #require(try entity(.place, name, in: "The letter was signed in \(name) last week.").place)
        #expect(place.geonamesID == geonamesID)
        #expect(place.countryCode == countryCode)
        #expect(place.kind == kind)
        if kind != "country" {
            #expect(place.latitude != nil && place.longitude != nil)
        }
    }

    @Test("a name shared by several cities is the one in a country the document names")
    func ambiguousPlaceFollowsTheDocument() throws {
        let alone = try #require(try entity(.place, "Paris", in: "She moved to Paris in 1990.").place)
        #expect(alone.countryCode == "FR")
        let text = "She grew up in Texas, in the United States, and moved to Paris in 1990."
        let inTexas = try #require(try entity(.place, "Paris", in: text).place)
        #expect(inTexas.countryCode == "US")
    }

    @Test("the short and long names of the Refugee Convention are one instrument, with Article 33 attached")
    func refugeeConvention() throws {
        let text = """
            we draw your attention to the 1951 Geneva Convention Relating to the Status of Refugees whose Article 33, \
            dealing with the “Prohibition of Expulsion or Return (Refoulement)”, states that. The provisions of the \
            Geneva Convention on Refugees should be considered.
            """
        let laws = entities(text).filter { $0.type == .law }
        let instruments = laws.compactMap { $0.law?.instrument }
        #expect(instruments.count == laws.count && laws.count >= 2)
        #expect(Set(instruments) == ["Convention Relating to the Status of Refugees"])
        let article = try #require(laws.first { $0.law?.article == "33" })
        #expect(article.text == "Article 33")
        #expect(entities(text).filter { $0.type == .person }.isEmpty, "Refoulement is no person")
    }

    @Test("article and part numbers of a citation are split out")
    func provisions() throws {
        let text = "a case under Article 392, Part 1, of the Criminal Code of the Republic of Kazakhstan, for crossing"
        let law = try #require(entities(text).first { $0.type == .law }?.law)
        #expect(law.instrument == "Criminal Code of the Republic of Kazakhstan")
        #expect(law.article == "392")
        #expect(law.part == "1")
    }

    @Test("a bare instrument name after its full name is the same instrument")
    func bareInstrumentAttaches() {
        let text = """
            Article 1, Part 3 of the Criminal Code of the Republic of Kazakhstan states that treaties take \
            precedence over the Criminal Code, and therefore
            """
        let laws = entities(text).filter { $0.type == .law }
        #expect(laws.map(\.normalized) == [
            "Criminal Code of the Republic of Kazakhstan, Article 1, Part 3", "Criminal Code of the Republic of Kazakhstan",
        ])
        #expect(Set(laws.compactMap { $0.law?.instrument }) == ["Criminal Code of the Republic of Kazakhstan"])
    }

    @Test("titles and roles seen with a name are kept beside it", arguments: [
        ("The President of Kazakhstan H.E. Kassym-Jomart Tokayev\nAppeal", "Kassym-Jomart Tokayev", ["H.E.", "President of Kazakhstan"]),
        ("Some brave politicians, led by Lithuanian MP Mantas Adomėnas, now speak up.", "Mantas Adomėnas", ["MP"]),
        ("Signed:\nMantas Adomėnas, MP\nIngrida Šimonytė, MP\n", "Mantas Adomėnas", ["MP"]),
    ])
    func titles(text: String, name: String, titles: [String]) throws {
        let person = try entity(.person, name, in: text)
        #expect(person.person?.titles == titles)
        #expect(!person.normalized.contains("MP") && !person.normalized.contains("H.E."))
    }

    @Test("a rank before a name is a title, and the office line before it another")
    func rankAndOffice() throws {
        let text = """
            The Director of the Border Service of the Republic of Kazakhstan Major General Darkhan Dilmanov
            Appeal
            """
        let titles = try #require(try entity(.person, "Darkhan Dilmanov", in: text).person?.titles)
        #expect(titles.contains("Major General"))
        #expect(titles.contains("Director of the Border Service of the Republic of Kazakhstan"))
    }

    @Test("later surname and possessive mentions belong to the person named in full")
    func onePersonPerDocument() throws {
        let text = "Murager Alimuly crossed the border. Later Alimuly’s family was told that Alimuly would be sent back."
        let people = entities(text).filter { $0.type == .person }
        #expect(people.count == 1)
        let person = try #require(people.first)
        #expect(person.normalized == "Murager Alimuly")
        #expect(person.mentions.count == 3)
    }

    @Test("relative dates say so, periods give their first and last day")
    func datePeriods() throws {
        let lastYear = try #require(try entity(.date, "2018", in: "It happened last year.", published: "2019-12-20").date)
        #expect(lastYear.relative == true)
        #expect(lastYear.start == "2018-01-01" && lastYear.end == "2018-12-31")
        let decade = try #require(try entity(.date, "1990s", in: "Many left in the 1990s.").date)
        #expect(decade.relative == nil)
        #expect(decade.start == "1990-01-01" && decade.end == "1999-12-31")
        let month = try #require(try entity(.date, "2019-02", in: "It began in February 2019 and").date)
        #expect(month.end == "2019-02-28")
        #expect(try entity(.date, "2019-12-19", in: "signed on 19th December, 2019 in Vilnius").date == nil)
    }

    @Test("detail fields are written only when present")
    func optionalFieldsStayOut() throws {
        let person = Entity(type: .person, text: "Ann Lee", normalized: "Ann Lee", mentions: [Mention(start: 0, end: 7)])
        let json = try #require(String(data: try JSONEncoder().encode(person), encoding: .utf8))
        #expect(!json.contains("place") && !json.contains("law") && !json.contains("titles"))
        var place = Entity(type: .place, text: "Vilnius", normalized: "Vilnius", mentions: [])
        place.place = PlaceDetail(geonamesID: 593116, countryCode: "LT", kind: "populated place", latitude: 54.7, longitude: 25.3)
        let placeJSON = try #require(String(data: try JSONEncoder().encode(place), encoding: .utf8))
        #expect(placeJSON.contains("\"geonames_id\":593116") && placeJSON.contains("\"country_code\":\"LT\""))
    }
}

/// The letter's own lines, end to end through `entities(in:published:)`.
@Suite("The appeal letter's entities")
struct AppealLetterDocumentTests {
    static let letter = """
        MEMBERS OF THE PARLIAMENT OF THE REPUBLIC OF LITHUANIA

        The President of Kazakhstan H.E. Kassym-Jomart Tokayev

        The Director of the Border Service of the National Security Committee of the Republic of Kazakhstan Major General Darkhan Dilmanov

        19th December, 2019
        Vilnius

        We, the undersigned Members of the Parliament of the Republic of Lithuania and of the European Parliament, are \
        extremely concerned over the fate of two ethnic Kazakh citizens of the People’s Republic of China Messrs. Kaster \
        Musakhan and Murager Alimuly, who escaped from the camps in the Xinjiang region.
        On October 1, 2019 they crossed the border near the village of Shilikti and were detained in Almaty.
        Therefore we respectfully draw your attention to the 1951 Geneva Convention Relating to the Status of Refugees \
        whose Article 33, dealing with the “Prohibition of Expulsion or Return (Refoulement)”, states that.
        Signed:
        Mantas Adomėnas, MP
        Radvilė Morkūnaitė-Mikulėnienė, MP
        """

    @Test("every place of the letter is found and linked where the gazetteer knows it")
    func places() throws {
        let entities = EntityRecognizer.shared.entities(in: Self.letter, published: "2019-12-20")
        let places = entities.filter { $0.type == .place }
        #expect(Set(places.map(\.normalized)).isSuperset(of: ["Kazakhstan", "China", "Xinjiang", "Lithuania", "Vilnius", "Almaty", "Shilikti"]))
        let lithuania = try #require(places.first { $0.normalized == "Lithuania" })
        #expect(lithuania.mentions.count == 2, "the all-caps heading and the sentence")
        #expect(lithuania.place?.geonamesID == 597427)
        #expect(places.first { $0.normalized == "Shilikti" }?.place == nil)
    }

    @Test("each person once, without titles, with the titles beside the name")
    func people() throws {
        let people = EntityRecognizer.shared.entities(in: Self.letter).filter { $0.type == .person }
        #expect(people.map(\.normalized) == [
            "Kassym-Jomart Tokayev", "Darkhan Dilmanov", "Kaster Musakhan", "Murager Alimuly", "Mantas Adomėnas",
            "Radvilė Morkūnaitė-Mikulėnienė",
        ])
        #expect(people.first { $0.normalized == "Radvilė Morkūnaitė-Mikulėnienė" }?.person?.titles == ["MP"])
        #expect(people.first { $0.normalized == "Kaster Musakhan" }?.person?.titles == ["Messrs."])
    }
}
