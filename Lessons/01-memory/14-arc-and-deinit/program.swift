final class Tracked {
    let name: String
    var child: Tracked?

    init(_ name: String, child: Tracked? = nil) {
        self.name = name
        self.child = child
        print("+\(name)")
    }

    deinit { print("-\(name)") }
}

var a: Tracked? = Tracked("A")
var b = a
a = nil
print("|")
b = nil
print("|")

var parent: Tracked? = Tracked("P", child: Tracked("C"))
parent = nil
print("end")
