def count_words(text):
    """Returns a dict from each lower-case word in text to how often it appears."""
    counts = {}
    for word in text.lower().split():
        counts[word] = counts.get(word, 0) + 1
    return counts
