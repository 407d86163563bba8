print("total = \(countInParallel())")
