def count_words(text):
    """Known wrong: counts "The" and "the" apart."""
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts
