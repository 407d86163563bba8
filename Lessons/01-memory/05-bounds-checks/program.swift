let scores = [10, 20, 30]
var total = 0
for i in 0...scores.count {
    total += scores[i]
    print(total)
}
print("total:", total)
