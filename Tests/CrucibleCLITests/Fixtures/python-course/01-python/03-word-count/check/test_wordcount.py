# Hidden harness: prints FAIL lines for wrong results and "wordcount: ok" when all are right.
from wordcount import count_words

cases = [
    ("", {}),
    ("one", {"one": 1}),
    ("The cat and the hat", {"the": 2, "cat": 1, "and": 1, "hat": 1}),
    ("  spaced\tout\nwords  ", {"spaced": 1, "out": 1, "words": 1}),
]
failures = 0
for text, expected in cases:
    got = count_words(text)
    if got != expected:
        print(f"FAIL: count_words({text!r}) should be {expected}, got {got}")
        failures += 1
if failures == 0:
    print("wordcount: ok")
