// Built with: swiftc -O program.swift
let scores: [UInt8] = [100, 100, 60]

var wrapping: UInt8 = 0
for score in scores {
    wrapping &+= score        // &+ wraps around on overflow, by request
}
print("wrapping:", wrapping)

var checked: UInt8 = 0
for score in scores {
    checked += score          // + is checked, even with -O
}
print("checked:", checked)
