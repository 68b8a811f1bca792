import Foundation
import PipelineModel
import Testing

@testable import Extract

@Suite("Fixture pages")
struct FixturePageTests {
    static let letterParagraphs = [
        "Bitter Winter reported on the case of two ethnic Kazakhs who escaped the transformation through education camps.",
        "MEMBERS OF THE PARLIAMENT OF THE REPUBLIC OF LITHUANIA",
        "The President of Kazakhstan H.E. Kassym-Jomart Tokayev",
        "The Prosecutor General of the Republic of Kazakhstan Mr. Gizat Nurdauletov",
        "Major General Darkhan Dilmanov",
        "Appeal",
        "On behalf of Kaster Musakhan and Murager Alimuly",
        "19th December, 2019\nVilnius",
        "are extremely concerned over the fate of two ethnic Kazakhs, citizens of the People’s Republic of China",
        "managed to cross the state border into Kazakhstan near the village of Shilikti.",
        "under Article 392, Part 1, of the Criminal Code of the Republic of Kazakhstan",
        "exercises pressure on Kazakhstan to have Kaster Musakhan and Murager Alimuly sent back",
        "the 1951 Geneva Convention Relating to the Status of Refugees whose Article 33, dealing with the “Prohibition of Expulsion or Return (Refoulement)”",
        "We also animadvert you to the Article 1, Part 3 of the Criminal Code",
        "We strongly urge you to take into account",
        "appeal to Your Excellencies, respectfully requesting",
        "to stop extradition proceedings and withdraw the criminal charges against Kaster Musakhan and Murager Alimuly;",
        "to recognise Kaster Musakhan’s and Murager Alimuly’s right to asylum;",
        "to recognise the genocide carried out against the Turkic Muslims in the People’s Republic of China.",
        "Signed:",
    ]

    static let signatures = [
        "Mantas Adomėnas, MP", "Ingrida Šimonytė, MP", "Gabrielius Landsbergis, MP", "Emanuelis Zingeris, MP",
        "Radvilė Morkūnaitė-Mikulėnienė, MP", "Audronius Ažubalis, MP", "Žygimantas Pavilionis, MP",
        "Aušrinė Armonaitė, MP", "Egidijus Vareikis, MP", "Dovilė Šakalienė, MP", "Aušra Maldeikienė, MEP",
    ]

    static let letterBoilerplate = [
        "Skip to", "HOME", "ABOUT CHINA", "TESTIMONIES", "EDITORIAL BOARD", "A magazine on religious liberty",
        "Documents and Translations", "Tagged With", "Bitter Winter reports on how religions", "Placed under the editorship",
        "Related articles", "Why We Should Protect Chinese Refugees", "Keep Reading", "Global Magnitsky Act",
        "Church of Almighty God", "Primary Sidebar", "Most Read", "Massimo Introvigne", "Hamburg Shooting",
        "MASSIMO INTROVIGNE", "MARCO RESPINTI", "Via Confienza", "Turin", "We welcome submission", "Copyright",
        "COOKIE POLICY", "SCRIPT TEXT", "Hidden tracking", "three friends of winter",
    ]

    func appealLetter() throws -> Document {
        try extractDocument(makePage(try FixturePages.bytes("appeal-letter.html"), contentType: "text/html; charset=UTF-8",
                                     url: "https://bitterwinter.example/members-of-parliament-to-kazakhstan/"))
    }

    @Test("The appeal letter keeps every paragraph of the letter")
    func appealLetterKeepsLetter() throws {
        let document = try appealLetter()
        for paragraph in FixturePageTests.letterParagraphs {
            #expect(document.text.contains(paragraph), "missing: \(paragraph)")
        }
    }

    @Test("The appeal letter keeps each signature on a line of its own")
    func appealLetterKeepsSignatures() throws {
        let lines = Set(try appealLetter().text.components(separatedBy: "\n"))
        for signature in FixturePageTests.signatures {
            #expect(lines.contains(signature), "missing signature line: \(signature)")
        }
    }

    @Test("The appeal letter drops menus, author box, related articles, sidebar and footer")
    func appealLetterDropsBoilerplate() throws {
        let text = try appealLetter().text
        for phrase in FixturePageTests.letterBoilerplate {
            #expect(!text.contains(phrase), "boilerplate kept: \(phrase)")
        }
    }

    @Test("The appeal letter's metadata: title without the site name, date, tags, language, the publisher as author")
    func appealLetterMetadata() throws {
        let document = try appealLetter()
        #expect(document.title == "Members of Lithuanian and European Parliament to Kazakhstan: Do Not Deport Refugees Back to China")
        #expect(document.published?.hasPrefix("2019-12-20") == true)
        #expect(document.tags == ["Re-Education Camps", "Refugees"])
        #expect(document.language == "en")
        // The letter names no person as its author: the site that publishes it stands for one.
        #expect(document.author == "Bitter Winter")
        #expect(document.charset == "utf-8")
        #expect(document.charsetSource == "http")
    }

    @Test("Document fields come from the seed and the fetched page")
    func documentFieldsFromPage() throws {
        let url = "https://bitterwinter.example/members-of-parliament-to-kazakhstan/"
        let document = try appealLetter()
        #expect(document.index == 7)
        #expect(document.id == DocumentID.make(url: url))
        #expect(document.url == url)
        #expect(document.finalURL == url)
        #expect(document.source == url)
        #expect(document.status == 200)
        #expect(document.contentType == "text/html; charset=UTF-8")
        #expect(document.fetchedAt == Date(timeIntervalSince1970: 1_700_000_000))
    }

    func newsLayout() throws -> Document {
        try extractDocument(makePage(try FixturePages.bytes("news-layout.html")))
    }

    @Test("The news layout finds the byline author and the time element's date")
    func newsLayoutMetadata() throws {
        let document = try newsLayout()
        #expect(document.author == "Jane Doe")
        #expect(document.published == "2024-03-05T09:30:00Z")
        #expect(document.title == "Detained lawyers' families call for UN inquiry")
        #expect(document.language == "en")
    }

    @Test("The news layout keeps the caption, the quote and the subheading")
    func newsLayoutKeepsArticleParts() throws {
        let text = try newsLayout().text
        #expect(text.contains("Family members hold photographs of the detained lawyers during a vigil outside the courthouse."))
        #expect(text.contains("We are not asking for favours. We are asking for the law to be applied"))
        #expect(text.contains("\n\nPressure on the government\n\n"))
        #expect(text.hasPrefix("Relatives of eleven human rights lawyers"))
        #expect(text.hasSuffix("at its next session."))
    }

    @Test("The news layout drops share bar, comments, cookie banner, newsletter box and related links")
    func newsLayoutDropsBoilerplate() throws {
        let text = try newsLayout().text
        for phrase in ["Share on", "Email this story", "Comments", "disgrace", "Thank you for reporting", "cookies",
                       "Rights Briefing", "Sign up", "Subscribe", "More on this story", "Eleven lawyers detained",
                       "All rights reserved", "World", "Rights correspondent", "By Jane Doe"] {
            #expect(!text.contains(phrase), "boilerplate kept: \(phrase)")
        }
    }

    @Test("A page of navigation and teasers becomes a document with little or no text")
    func noArticlePage() throws {
        let document = try extractDocument(makePage(try FixturePages.bytes("no-article.html")))
        #expect(document.text.count < 200)
        #expect(!document.text.contains("Mentions légales"))
        #expect(document.title == "Observatoire des libertés")
        #expect(document.language == "fr")
    }

    @Test("A windows-1251 page declared in a meta tag decodes to Cyrillic")
    func windows1251Page() throws {
        let document = try extractDocument(makePage(try FixturePages.bytes("windows-1251.html")))
        #expect(document.charset == "windows-1251")
        #expect(document.charsetSource == "meta")
        #expect(document.text.contains("Правозащитные организации потребовали немедленно освободить активистов"))
        #expect(document.title == "Правозащитники требуют освободить задержанных активистов")
        #expect(document.language == "ru")
    }

    @Test("A Latin-1 page without any declaration is guessed as windows-1252")
    func latin1Page() throws {
        let document = try extractDocument(makePage(try FixturePages.bytes("latin1-no-meta.html")))
        #expect(document.charset == "windows-1252")
        #expect(document.charsetSource == "guess")
        #expect(document.text.contains("Les défenseurs réunis à Genève ont adopté une déclaration commune."))
        #expect(document.text.contains("« Nous ne cesserons pas de témoigner », a déclaré la porte-parole du réseau, Françoise Lefèvre."))
    }
}
