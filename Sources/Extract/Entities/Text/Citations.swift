/// Citations of authors in academic writing, which the person and place recognisers both consult.
extension AnnotatedText {
    /// The word at `index` is an author in a citation: "Spang (1983)", "(Makel & Plucker, 2014)",
    /// "Cruse and Croft (2004)", "Brieber 2014;", "Binderman et al.".
    func isCitedAuthor(at index: Int) -> Bool {
        func isYear(_ position: Int) -> Bool {
            guard let year = token(position), year.kind == .number, year.text.count == 4, let value = year.number else { return false }
            return (1500...2099).contains(value)
        }
        func isAuthor(_ position: Int) -> Bool {
            guard let word = token(position) else { return false }
            return word.kind == .word && word.isCapitalized && !word.classes.contains(.function)
        }
        // "Cruse and Croft (2004)", "Makel & Plucker, 2014", "(Hein, Reich, Marks, & Grigorenko, 2016)": the
        // last of the authors carries the year.
        var after = index + 1
        for _ in 0..<8 {
            if isPunctuation(after, ","), isAuthor(after + 1), !["and", "&"].contains(lower(after + 1)) {
                after += 2
                continue
            }
            let joiner = isPunctuation(after, ",") ? after + 1 : after
            if ["&", "and"].contains(lower(joiner)), isAuthor(joiner + 1) {
                after = joiner + 2
            }
            break
        }
        if isPunctuation(after, "("), isYear(after + 1) { return true }
        if isPunctuation(after, ","), isYear(after + 1) { return true }
        // "(see Brieber 2014; Milekic 2010)": a year right after the name, closing the reference.
        if isYear(after), [";", ")", ",", ":"].contains(lower(after + 1)) { return true }
        return lower(after) == "et" && lower(after + 1) == "al"
    }

}
