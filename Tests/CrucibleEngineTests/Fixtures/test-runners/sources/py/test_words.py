import unittest

from words import count_words


class CountWordsTest(unittest.TestCase):
    def test_two_words(self):
        self.assertEqual(count_words("a  b"), 2)

    def test_empty(self):
        self.assertEqual(count_words(""), 0, "an empty text has no words")

    def test_one(self):
        self.assertEqual(count_words("a"), 1)


if __name__ == "__main__":
    unittest.main()
