# Hidden harness: prints FAIL lines for wrong results and "double: ok" when all are right.
from double import double

failures = 0
for numbers, expected in [([], []), ([1], [2]), ([1, 2, 3], [2, 4, 6]), ([-4, 0], [-8, 0])]:
    got = double(numbers)
    if got != expected:
        print(f"FAIL: double({numbers!r}) should be {expected}, got {got}")
        failures += 1
if failures == 0:
    print("double: ok")
