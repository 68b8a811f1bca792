@testable import Entities
import PipelineModel
import Testing

@Suite("Law citations")
struct LawRecognizerTests {
    @Test("a provision with its code is one citation, normalized code first", arguments: [
        ("a criminal case under Article 392, Part 1, of the Criminal Code of the Republic of Kazakhstan, for illegally",
         "Article 392, Part 1, of the Criminal Code of the Republic of Kazakhstan",
         "Criminal Code of the Republic of Kazakhstan, Article 392, Part 1"),
        ("We also animadvert you to the Article 1, Part 3 of the Criminal Code of the Republic of Kazakhstan, which states",
         "Article 1, Part 3 of the Criminal Code of the Republic of Kazakhstan",
         "Criminal Code of the Republic of Kazakhstan, Article 1, Part 3"),
        ("He was booked under Section 13(1)(e) of the PC Act and arrested.",
         "Section 13(1)(e) of the PC Act", "PC Act, Section 13(1)(e)"),
    ])
    func provisionWithCode(text: String, span: String, normalized: String) {
        #expect(found(.law, in: text) == [Found(type: .law, text: span, normalized: normalized)])
    }

    @Test("a convention's year is part of its name, not a date")
    func conventionYearIsNotADate() {
        let text = "we draw your attention to the 1951 Geneva Convention Relating to the Status of Refugees whose Article 33, dealing with"
        let all = found(text)
        #expect(all.filter { $0.type == .date }.isEmpty)
        let laws = all.filter { $0.type == .law }
        #expect(laws.map(\.text) == ["1951 Geneva Convention Relating to the Status of Refugees", "Article 33"])
        #expect(laws.first?.normalized == "1951 Geneva Convention Relating to the Status of Refugees")
        #expect(laws.last?.normalized == "1951 Geneva Convention Relating to the Status of Refugees, Article 33")
    }

    @Test("named instruments", arguments: [
        ("the provisions of the Geneva Convention on Refugees should be considered", "Geneva Convention on Refugees"),
        ("sanctions under the Global Magnitsky Act were imposed", "Global Magnitsky Act"),
        ("as guaranteed by the Constitution of the Republic of Lithuania.", "Constitution of the Republic of Lithuania"),
        ("the International Covenant on Civil and Political Rights protects", "International Covenant on Civil and Political Rights"),
        ("an appeal under the Motor Vehicles Act, 1988 was filed", "Motor Vehicles Act, 1988"),
        ("the European Convention on Human Rights applies", "European Convention on Human Rights"),
    ])
    func namedInstruments(text: String, name: String) {
        #expect(found(.law, in: text).map(\.text) == [name])
    }

    @Test("lists of sections with their act are one citation")
    func sectionLists() {
        let laws = found(.law, in: "charged under Sections 120B, 212 and 302 of the Indian Penal Code, 1860 by the police")
        #expect(laws.map(\.text) == ["Sections 120B, 212 and 302 of the Indian Penal Code, 1860"])
    }

    @Test("a capitalised word alone is no law")
    func bareInstrumentWordIsNoLaw() {
        #expect(found(.law, in: "The Act was passed. Code is poetry.").isEmpty)
    }
}

@Suite("Law citations of international instruments")
struct InternationalInstrumentTests {
    @Test("numbered and named instruments are whole citations", arguments: [
        ("the UN Security Council Resolution 2231 endorsed it", "UN Security Council Resolution 2231"),
        ("personal data under Regulation (EU) 2016/679 is protected", "Regulation (EU) 2016/679"),
        ("as Directive 95/46/EC required", "Directive 95/46/EC"),
        ("the Anti-Terrorism Law of 2015 was used", "Anti-Terrorism Law of 2015"),
        ("the Constitution of the People's Republic of China says", "Constitution of the People's Republic of China"),
        ("the Optional Protocol to the Convention against Torture entered into force", "Optional Protocol to the Convention against Torture"),
    ])
    func instruments(text: String, name: String) {
        #expect(found(.law, in: text).map(\.text) == [name])
        #expect(found(.date, in: text).isEmpty)
    }

    @Test("two instruments joined by and the are two citations")
    func twoInstruments() {
        let laws = found(.law, in: "the Universal Declaration of Human Rights and the Treaty on European Union")
        #expect(laws.map(\.text) == ["Universal Declaration of Human Rights", "Treaty on European Union"])
    }

    @Test("a possessive after a law or a name ends it")
    func possessives() {
        let all = found("Obama's speech quoted the Criminal Code of the Republic of Kazakhstan's text.")
        #expect(all.map(\.text) == ["Obama", "Criminal Code of the Republic of Kazakhstan"])
    }
}

@Suite("Ordinal instruments")
struct OrdinalInstrumentTests {
    @Test("ordinal amendments and schedules are laws, each its own", arguments: [
        ("the First Amendment protects speech", ["First Amendment"]),
        ("the Fifth Schedule and the 73rd Amendment and Part IXA apply", ["Fifth Schedule", "73rd Amendment", "Part IXA"]),
    ])
    func ordinals(text: String, laws: [String]) {
        let found = found(.law, in: text)
        #expect(found.map(\.text) == laws)
        #expect(found.last?.normalized == laws.last)
    }
}
