struct PointValue { var x = 0 }
final class PointObject { var x = 0 }

var a = PointValue()
var b = a
b.x = 1

let c = PointObject()
let d = c
d.x = 1

print(a.x, c.x)
