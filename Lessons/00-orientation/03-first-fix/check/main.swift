// Hidden harness: calls the learner's function so that deleting code cannot pass.
print("sumTo(10) = \(sumTo(10))")
print("sumTo(0) = \(sumTo(0))")
