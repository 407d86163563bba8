// Hidden: the order type, as shown in the lesson.
struct Order: Equatable {
    var id: Int
    var customer: String
    var cents: Int
}
