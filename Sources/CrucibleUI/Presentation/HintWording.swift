/// Hints counted in words that agree with the count, for every message that names them: a
/// lesson with one hint has "the only hint", never "hint 1 of 1" or "all 1 hints".
public enum HintWording {
    /// "hint 2 of 3", or "the only hint", for the hint at 0-based `index` of `count`.
    public static func which(_ index: Int, of count: Int) -> String {
        count == 1 ? "the only hint" : "hint \(index + 1) of \(count)"
    }

    /// "the first of 3", or "the only hint": what the first reveal shows.
    public static func first(of count: Int) -> String {
        count == 1 ? "the only hint" : "the first of \(count)"
    }

    /// "all 3 hints", or "the only hint".
    public static func all(_ count: Int) -> String {
        count == 1 ? "the only hint" : "all \(count) hints"
    }

    /// `text` with its first letter in upper case, for a wording that starts a sentence.
    public static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
