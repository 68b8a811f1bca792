import Foundation
import PipelineModel
import Stages
import Testing

/// The page that started the project: an appeal by members of parliament about two refugees,
/// rewritten as HTML with the site's menus, sidebar, related articles, author box and footer.
@Suite("The appeal letter through the whole pipeline")
struct AppealLetterTests {
    static let signatories = [
        "Mantas Adomėnas", "Ingrida Šimonytė", "Gabrielius Landsbergis", "Emanuelis Zingeris",
        "Radvilė Morkūnaitė-Mikulėnienė", "Audronius Ažubalis", "Žygimantas Pavilionis", "Aušrinė Armonaitė",
        "Egidijus Vareikis", "Dovilė Šakalienė", "Aušra Maldeikienė",
    ]
    static let people = signatories + [
        "Kassym-Jomart Tokayev", "Gizat Nurdauletov", "Darkhan Dilmanov", "Kaster Musakhan", "Murager Alimuly",
    ]
    static let places = ["Kazakhstan", "China", "Xinjiang", "Lithuania", "Vilnius", "Almaty", "Shilikti"]
    /// Names that appear only in the page's menus, sidebar, related articles and footer.
    static let boilerplateNames = [
        "Massimo Introvigne", "Marco Respinti", "Xi Jinping", "Yerulan Nurjamal", "Donnie Yen", "Zhou Kexin",
        "Turin", "Italy", "Japan", "South Korea", "Hamburg", "Russia", "Global Magnitsky Act",
    ]

    /// The appeal letter's document, extracted once for every test of the suite.
    static let document: Document? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-appeal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let seeds = try writeSeeds([Fixtures.page("appeal-letter.html").absoluteString], in: folder)
            let out = RunFolder(path: folder.appendingPathComponent("out").path)
            _ = try testPipeline().run(seeds: seeds, out: out)
            let data = try Data(contentsOf: out.documents)
            return try JSONDecoder().decode(Document.self, from: data)
        } catch {
            return nil
        }
    }()

    @Test("The letter is kept, without the page's boilerplate")
    func letterTextKept() throws {
        let document = try #require(Self.document)
        let text = document.text
        for phrase in [
            "We, the undersigned Members of the Parliament of the Republic of Lithuania",
            "near the village of Shilikti",
            "Article 392, Part 1, of the Criminal Code of the Republic of Kazakhstan",
            "to recognise the genocide carried out against the Turkic Muslims",
            "Aušra Maldeikienė, MEP",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        for boilerplate in [
            "Skip to primary navigation", "Related articles", "Keep Reading", "Most Read", "Newsletter",
            "EDITORIAL BOARD", "Via Confienza", "Copyright", "Primary Sidebar",
            "Bitter Winter reports on how religions are allowed",
        ] {
            #expect(!text.contains(boilerplate), "boilerplate kept: \(boilerplate)")
        }
    }

    @Test("Title and date are found")
    func metadata() throws {
        let document = try #require(Self.document)
        #expect(document.title == "Members of Lithuanian and European Parliament to Kazakhstan: Do Not Deport Refugees Back to China")
        // ISO 8601 at the precision the page gives; this page gives a time as well.
        #expect(document.published?.hasPrefix("2019-12-20") == true)
    }

    @Test("Every person in the letter is found once, without titles")
    func people() throws {
        let document = try #require(Self.document)
        let found = document.entities.filter { $0.type == .person }.map(\.normalized)
        for person in Self.people {
            #expect(found.filter { $0 == person }.count == 1, "person: \(person)")
        }
        for name in found {
            for title in ["H.E.", "Mr.", "MP", "Major General", "Messrs"] {
                #expect(!name.contains(title), "title in \(name)")
            }
        }
    }

    @Test("The Criminal Code articles and the Geneva Convention are laws")
    func laws() throws {
        let document = try #require(Self.document)
        let laws = document.entities.filter { $0.type == .law }.map(\.text)
        #expect(laws.contains { $0.contains("Article 392, Part 1") && $0.contains("Criminal Code") })
        #expect(laws.contains { $0.contains("Article 1, Part 3") && $0.contains("Criminal Code") })
        #expect(laws.contains { $0.contains("1951 Geneva Convention Relating to the Status of Refugees") })
    }

    @Test("Dates are normalized")
    func dates() throws {
        let document = try #require(Self.document)
        let dates = Set(document.entities.filter { $0.type == .date }.map(\.normalized))
        #expect(dates.contains("2019-12-19"))
        #expect(dates.contains("2019-10-01"))
        #expect(!dates.contains("1951"))
    }

    @Test("The places of the letter are found")
    func places() throws {
        let document = try #require(Self.document)
        let places = Set(document.entities.filter { $0.type == .place }.map(\.normalized))
        for place in Self.places {
            #expect(places.contains(place), "place: \(place)")
        }
    }

    @Test("Nothing from the boilerplate appears among the entities")
    func noBoilerplateEntities() throws {
        let document = try #require(Self.document)
        for entity in document.entities {
            for name in Self.boilerplateNames {
                #expect(!entity.normalized.contains(name) && !entity.text.contains(name), "boilerplate entity: \(entity.text)")
            }
        }
    }

    @Test("Mentions point at the entity's text in code points")
    func mentionOffsets() throws {
        let document = try #require(Self.document)
        let scalars = Array(document.text.unicodeScalars)
        for entity in document.entities {
            for mention in entity.mentions {
                #expect(mention.start >= 0 && mention.start < mention.end && mention.end <= scalars.count)
            }
            let first = try #require(entity.mentions.first)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[first.start..<first.end])
            #expect(String(view) == entity.text)
        }
    }
}
